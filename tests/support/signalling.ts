// A signalling client for component tests: a real WebSocket (the `ws` package) to the gateway's
// /rw/ws, with request/response ids, recorded events and bounded waits. No browser, no media.
import WebSocket from 'ws';
import type { EventName, Events, Method, Params, Results } from '../../remote-window/src/protocol.js';
import { call } from './client.js';

export interface Refused { refused: true; status: number }

export class SignalClient {
  readonly events: Array<{ event: string; data: any }> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #next = 1;
  readonly #pending = new Map<number, (frame: any) => void>();
  readonly #unmatched: any[] = [];
  readonly #waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      if ('event' in frame) this.events.push(frame);
      else if (typeof frame.id === 'number' && this.#pending.has(frame.id)) {
        this.#pending.get(frame.id)!(frame);
        this.#pending.delete(frame.id);
      } else this.#unmatched.push(frame);
      for (const w of this.#waiters) w();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const w of this.#waiters) w();
    }));
  }

  /** open a socket; a refused upgrade resolves to { refused, status } */
  static connect(url: string): Promise<SignalClient | Refused> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(new SignalClient(ws)));
      ws.once('unexpected-response', (_req, res) => {
        resolve({ refused: true, status: res.statusCode ?? 0 });
        ws.terminate();
      });
      ws.once('error', (e) => reject(e));
    });
  }

  static async open(url: string): Promise<SignalClient> {
    const c = await SignalClient.connect(url);
    if ('refused' in c) throw new Error(`upgrade refused: ${c.status}`);
    return c;
  }

  /** the raw response frame */
  request<M extends Method>(method: M, data: Params[M], timeoutMs = 10_000): Promise<any> {
    const id = this.#next++;
    return this.sendRaw(JSON.stringify({ id, method, data }), id, timeoutMs);
  }

  sendRaw(text: string, id?: number, timeoutMs = 10_000): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${text.slice(0, 80)}`)), timeoutMs);
      const done = (frame: any) => { clearTimeout(timer); resolve(frame); };
      if (id !== undefined) this.#pending.set(id, done);
      else {
        // frames without a usable id are answered with id null, in order
        const take = () => {
          const f = this.#unmatched.shift();
          if (f) { this.#waiters.delete(take); done(f); }
        };
        this.#waiters.add(take);
      }
      this.ws.send(text);
    });
  }

  /** the result, or throws with the error code */
  async call<M extends Method>(method: M, data: Params[M]): Promise<Results[M]> {
    const frame = await this.request(method, data);
    if (!frame.ok) throw new Error(`${method}: ${frame.error.code} ${frame.error.message}`);
    return frame.data;
  }

  /** the first event of this name (matching `pred`) recorded so far or arriving within the timeout */
  waitEvent<E extends EventName>(event: E, pred: (d: Events[E]) => boolean = () => true, timeoutMs = 10_000): Promise<Events[E]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.events.find((e) => e.event === event && pred(e.data));
        if (hit) { cleanup(); resolve(hit.data); }
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`no ${event} event within ${timeoutMs} ms; got ${this.events.map((e) => e.event).join(',')}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.#waiters.delete(check); };
      this.#waiters.add(check);
      check();
    });
  }

  seen(event: EventName): any[] {
    return this.events.filter((e) => e.event === event).map((e) => e.data);
  }

  close(): void {
    this.ws.close();
  }

  /** cut the connection without a close handshake (as a network drop would) */
  drop(): void {
    this.ws.terminate();
  }
}

/** a session opened by a clerk over HTTP, with the clerk in it over ws */
export async function clerkInSession(base: string, token: string, body: { caseId?: string } = {}) {
  const created = await call(base, 'POST', '/api/sessions', { token, json: body });
  if (created.status !== 201) throw new Error(`createSession: ${created.status} ${JSON.stringify(created.body)}`);
  const t = await call(base, 'POST', `/api/sessions/${created.body.sessionId}/tickets`, { token, json: {} });
  if (t.status !== 201) throw new Error(`issueSessionTicket: ${t.status} ${JSON.stringify(t.body)}`);
  const clerk = await SignalClient.open(t.body.wsUrl);
  const hello = await clerk.call('hello', { device: 'pc' });
  return { session: created.body, clerk, hello };
}

/** an applicant who joined by code and said hello: in the waiting room */
export async function applicantWaiting(base: string, code: string, displayName = '张三') {
  const j = await call(base, 'POST', '/api/rw/join', { json: { code, displayName, device: 'phone' } });
  if (j.status !== 201) throw new Error(`joinSession: ${j.status} ${JSON.stringify(j.body)}`);
  const client = await SignalClient.open(j.body.wsUrl);
  const hello = await client.call('hello', { device: 'phone', displayName });
  return { client, hello, join: j.body };
}
