// Pushes callbacks from a simulated partner to our gateway, with retries, and with the faults a real
// partner shows: duplicates, out-of-order delivery, delay. What counts as delivered and when to send again
// are the region's own rules (an open platform wants the text `success` and resends for hours).
import axios, { type AxiosInstance } from 'axios';
import type { Faults } from './faults.js';

/** how our gateway answered one callback */
export interface CallbackAnswer {
  status: number;
  /** the body as text */
  body: string;
}

/** a region's rules for its callbacks */
export interface CallbackRules {
  /** whether this answer means the callback was received */
  delivered(answer: CallbackAnswer): boolean;
  /** whether a callback answered so, but not delivered, is sent again (a connection error always is) */
  retry(answer: CallbackAnswer): boolean;
  /** the wait before each resend, in ms; when they run out, the callback is given up */
  retryDelaysMs: readonly number[];
}

/** what every region had before regions had rules: any 2xx is delivered; a 4xx will not get better by retrying */
export const DEFAULT_CALLBACK_RULES: CallbackRules = {
  delivered: (a) => a.status >= 200 && a.status < 300,
  retry: (a) => a.status < 400 || a.status >= 500,
  retryDelaysMs: [200, 1000, 3000, 10000],
};

export interface OutgoingCallback {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export class CallbackSender {
  private held: OutgoingCallback[] = [];
  private readonly http: AxiosInstance;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** callbacks our gateway acknowledged (by the region's rules), in the order sent */
  readonly delivered: OutgoingCallback[] = [];
  /** the last failure (for tests and the demo console) */
  lastError: string | undefined;
  /** told when a callback was delivered (the simulator then saves its state) */
  onDelivered: (() => void) | undefined;

  private readonly rules: CallbackRules;

  constructor(private readonly faults: Faults, rules: Partial<CallbackRules> = {}) {
    this.rules = { ...DEFAULT_CALLBACK_RULES, ...rules };
    this.http = axios.create({ timeout: 5000, validateStatus: () => true, proxy: false });
  }

  /** queue a callback; `build` is called at each send so timestamps and nonces are fresh */
  push(build: () => OutgoingCallback): void {
    const plan = this.faults.plan;
    if (plan.holdCallbacks || plan.reorderCallbacks) {
      this.held.push(build());
      return;
    }
    void this.send(build, 0);
    if (plan.duplicateCallbacks) void this.send(build, 0);
  }

  /** send callbacks held back by holdCallbacks / reorderCallbacks; reordered ones go newest first */
  release(): number {
    const batch = this.faults.plan.reorderCallbacks ? [...this.held].reverse() : [...this.held];
    this.held = [];
    for (const cb of batch) void this.send(() => cb, 0);
    return batch.length;
  }

  get heldCount(): number {
    return this.held.length;
  }

  private async send(build: () => OutgoingCallback, attempt: number): Promise<void> {
    if (this.closed) return;
    const cb = build();
    try {
      // the body goes out as the simulator built it (JSON or a form), the answer is read as text
      const res = await this.http.post(cb.url, cb.body, {
        headers: cb.headers, transformRequest: [(d: unknown) => d], responseType: 'text', transformResponse: [(d: unknown) => d],
      });
      const answer: CallbackAnswer = { status: res.status, body: typeof res.data === 'string' ? res.data : String(res.data ?? '') };
      if (this.rules.delivered(answer)) {
        this.delivered.push(cb);
        this.onDelivered?.();
        return;
      }
      this.lastError = `HTTP ${res.status}: ${answer.body.slice(0, 300)}`;
      if (!this.rules.retry(answer)) return;
    } catch (e) {
      this.lastError = (e as Error).message;
    }
    const delay = this.rules.retryDelaysMs[attempt];
    if (delay === undefined || this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.send(build, attempt + 1);
    }, delay);
    this.timers.add(t);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
