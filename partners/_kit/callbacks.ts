// Pushes callbacks from a simulated partner to our gateway, with retries, and with the faults a real
// partner shows: duplicates, out-of-order delivery, delay.
import axios, { type AxiosInstance } from 'axios';
import type { Faults } from './faults.js';

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
  /** callbacks our gateway answered with 2xx, in the order sent */
  readonly delivered: OutgoingCallback[] = [];
  /** the last failure (for tests and the demo console) */
  lastError: string | undefined;
  /** told when a callback was delivered (the simulator then saves its state) */
  onDelivered: (() => void) | undefined;

  constructor(private readonly faults: Faults, private readonly retryDelaysMs: number[] = [200, 1000, 3000, 10000]) {
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
      const res = await this.http.post(cb.url, cb.body, { headers: cb.headers, transformRequest: [(d: unknown) => d] });
      if (res.status >= 200 && res.status < 300) {
        this.delivered.push(cb);
        this.onDelivered?.();
        return;
      }
      this.lastError = `HTTP ${res.status}: ${JSON.stringify(res.data).slice(0, 300)}`;
      // A 4xx other than 409 (nonce replayed) will not get better by retrying.
      if (res.status >= 400 && res.status < 500) return;
    } catch (e) {
      this.lastError = (e as Error).message;
    }
    const delay = this.retryDelaysMs[attempt];
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
