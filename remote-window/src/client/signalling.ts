/// <reference lib="dom" />
// The signalling connection of one participant (protocol: ../protocol.ts): requests with ids and
// timeouts, typed server events, and automatic resumption. When the socket drops without a final close
// code, it reconnects with `?resume=<resumeToken>` (backoff 0 → 3 s, for `resumeWindowMs`, 60 s by
// default) and says `hello` again; `online` and network-type changes retry at once. A request that gets
// no answer in time means the socket is dead even if the browser has not noticed: it is dropped and resumed.
import { CloseCode, type EventName, type Events, type Method, type Params, type Results, type SignalErrorCode } from '../protocol.js';
import { Emitter } from './emitter.js';

export type LocalErrorCode = 'TIMEOUT' | 'DISCONNECTED';

export class SignalError extends Error {
  constructor(readonly code: SignalErrorCode | LocalErrorCode, message: string, readonly closeCode?: number) {
    super(message);
    this.name = 'SignalError';
  }
}

export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed';
type ServerEvents = { [E in EventName]: [Events[E]] };
export type SignallingEvents = ServerEvents & {
  link: [LinkState];
  /** a new socket said hello again after a drop: same participant */
  resumed: [Results['hello']];
  /** gone for good: a final close code, leave(), or no way back within the resume window */
  closed: [{ code: number; reason: string }];
  /** the network changed (online again, Wi-Fi ↔ mobile data): media should restart ICE */
  network: [];
};

export interface SignallingOptions {
  /** ws endpoint without query, e.g. ws://127.0.0.1:8080/rw/ws */
  url: string;
  ticket: string;
  hello: Params['hello'];
  requestTimeoutMs?: number;
  resumeWindowMs?: number;
  connectTimeoutMs?: number;
}

const FINAL_CODES = new Set<number>(Object.values(CloseCode));
const BACKOFF_MS = [0, 250, 500, 1000, 2000, 3000];
/** our own code for "dropped by the client because it stopped answering" */
const DEAD_SOCKET = 4900;

interface Pending { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }

export class Signalling extends Emitter<SignallingEvents> {
  link: LinkState = 'connecting';
  resumeToken: string | null = null;
  /** how many times the connection was resumed (for the page and the tests) */
  reconnects = 0;
  lastCloseCode: number | null = null;
  #ws: WebSocket | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #closing = false;
  #wake: (() => void) | null = null;
  readonly #opts: Required<SignallingOptions>;

  constructor(opts: SignallingOptions) {
    super();
    this.#opts = { requestTimeoutMs: 10_000, resumeWindowMs: 60_000, connectTimeoutMs: 5_000, ...opts };
    window.addEventListener('online', this.#onNetwork);
    connectionInfo()?.addEventListener?.('change', this.#onNetwork);
  }

  /** First connection with the ticket; resolves with the answer to hello. */
  async connect(): Promise<Results['hello']> {
    try {
      return await this.#open(`ticket=${encodeURIComponent(this.#opts.ticket)}`);
    } catch (err) {
      this.#finish((err as SignalError).closeCode ?? 1006, 'connect_failed');
      throw err;
    }
  }

  request<M extends Method>(method: M, data: Params[M], timeoutMs = this.#opts.requestTimeoutMs): Promise<Results[M]> {
    const ws = this.#ws;
    if (this.link !== 'open' || !ws || ws.readyState !== WebSocket.OPEN) {
      return Promise.reject(new SignalError('DISCONNECTED', `not connected (${method})`));
    }
    return this.#send(ws, method, data, timeoutMs);
  }

  /** Leave for good: tell the server, then close without reconnecting. */
  async leave(): Promise<void> {
    await this.request('leave', {}, 3000).catch(() => undefined);
    this.close();
  }

  close(): void {
    this.#closing = true;
    const ws = this.#ws;
    this.#finish(1000, 'closed by client');
    ws?.close(1000);
  }

  #send<M extends Method>(ws: WebSocket, method: M, data: Params[M], timeoutMs: number): Promise<Results[M]> {
    const id = this.#nextId++;
    return new Promise<Results[M]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new SignalError('TIMEOUT', `no answer to ${method} in ${timeoutMs} ms`));
        if (ws === this.#ws && this.link === 'open') this.#drop(ws, DEAD_SOCKET, 'request timeout');
      }, timeoutMs);
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      ws.send(JSON.stringify({ id, method, data }));
    });
  }

  /** Opens a socket with the query, says hello, and makes it the current one. */
  #open(query: string): Promise<Results['hello']> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.#opts.url}?${query}`);
      let established = false;
      const fail = (code: number, why: string) => {
        clearTimeout(connectTimer);
        ws.onopen = ws.onclose = ws.onmessage = ws.onerror = null;
        try { ws.close(); } catch { /* already closing */ }
        if (this.#ws === ws) this.#ws = null;
        reject(new SignalError('DISCONNECTED', why, code));
      };
      const connectTimer = setTimeout(() => fail(1006, 'connect timeout'), this.#opts.connectTimeoutMs);
      ws.onmessage = (ev) => this.#onFrame(ev.data);
      ws.onclose = (ev) => {
        if (established) this.#onDrop(ws, ev.code, ev.reason);
        else fail(ev.code, ev.reason || 'closed before hello');
      };
      ws.onopen = async () => {
        this.#ws = ws;
        try {
          const hello = await this.#send(ws, 'hello', this.#opts.hello, this.#opts.connectTimeoutMs);
          clearTimeout(connectTimer);
          established = true;
          this.resumeToken = hello.resumeToken;
          this.#setLink('open');
          resolve(hello);
        } catch (err) {
          fail((err as SignalError).closeCode ?? 1006, (err as Error).message);
        }
      };
    });
  }

  #onFrame(raw: unknown): void {
    let frame: { id?: number | null; ok?: boolean; data?: unknown; error?: { code: SignalErrorCode; message: string }; event?: EventName };
    try { frame = JSON.parse(String(raw)); } catch { return; }
    if (frame.event) {
      this.emit(frame.event, frame.data as never);
      return;
    }
    const p = typeof frame.id === 'number' ? this.#pending.get(frame.id) : undefined;
    if (!p) {
      if (frame.ok === false) console.warn('[rw] server error without request', frame.error);
      return;
    }
    this.#pending.delete(frame.id as number);
    clearTimeout(p.timer);
    if (frame.ok) p.resolve(frame.data);
    else p.reject(new SignalError(frame.error?.code ?? 'INTERNAL', frame.error?.message ?? 'error'));
  }

  #drop(ws: WebSocket, code: number, reason: string): void {
    ws.onopen = ws.onclose = ws.onmessage = ws.onerror = null;
    try { ws.close(); } catch { /* already closing */ }
    this.#onDrop(ws, code, reason);
  }

  #onDrop(ws: WebSocket, code: number, reason: string): void {
    if (ws !== this.#ws) return;
    this.#ws = null;
    this.lastCloseCode = code;
    this.#rejectPending(code);
    if (this.#closing || FINAL_CODES.has(code) || !this.resumeToken) {
      this.#finish(code, reason);
      return;
    }
    this.#setLink('reconnecting');
    void this.#resumeLoop();
  }

  async #resumeLoop(): Promise<void> {
    const deadline = Date.now() + this.#opts.resumeWindowMs;
    for (let attempt = 0; !this.#closing; attempt++) {
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 3000;
      await new Promise<void>((wake) => {
        const t = setTimeout(wake, Math.min(delay * (0.8 + Math.random() * 0.4), Math.max(0, deadline - Date.now())));
        this.#wake = () => { clearTimeout(t); wake(); };
      });
      this.#wake = null;
      if (this.#closing) return;
      if (Date.now() > deadline) break;
      try {
        const hello = await this.#open(`resume=${encodeURIComponent(this.resumeToken ?? '')}`);
        this.reconnects += 1;
        this.emit('resumed', hello);
        return;
      } catch (err) {
        const code = (err as SignalError).closeCode ?? 1006;
        if (FINAL_CODES.has(code)) { this.#finish(code, (err as Error).message); return; }
      }
    }
    this.#finish(this.lastCloseCode ?? 1006, 'reconnect_failed');
  }

  readonly #onNetwork = (): void => {
    this.emit('network');
    if (this.link === 'reconnecting') this.#wake?.();
    // after a network change an open socket may be silently dead: a quick request tells
    else if (this.link === 'open') void this.request('getRouterRtpCapabilities', {}, 3000).catch(() => undefined);
  };

  #rejectPending(code: number): void {
    for (const [id, p] of this.#pending) {
      clearTimeout(p.timer);
      p.reject(new SignalError('DISCONNECTED', 'connection lost', code));
      this.#pending.delete(id);
    }
  }

  #setLink(link: LinkState): void {
    if (this.link === link) return;
    this.link = link;
    this.emit('link', link);
  }

  #finish(code: number, reason: string): void {
    if (this.link === 'closed') return;
    this.#closing = true;
    this.#ws = null;
    this.#wake?.();
    this.#rejectPending(code);
    window.removeEventListener('online', this.#onNetwork);
    connectionInfo()?.removeEventListener?.('change', this.#onNetwork);
    this.#setLink('closed');
    this.emit('closed', { code, reason });
  }
}

function connectionInfo(): EventTarget | undefined {
  return (navigator as Navigator & { connection?: EventTarget }).connection;
}
