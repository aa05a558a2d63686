// Sliding-window counters: how many hits a key had in the last `windowMs`. Memory is bounded: keys
// with no recent hit are swept, and past `maxKeys` the oldest keys are forgotten.
export class SlidingWindow {
  readonly #hits = new Map<string, number[]>();
  constructor(readonly windowMs: number, readonly limit: number, private readonly maxKeys = 10_000) {}

  #recent(key: string, now: number): number[] {
    const list = this.#hits.get(key);
    if (!list) return [];
    while (list.length > 0 && list[0]! <= now - this.windowMs) list.shift();
    if (list.length === 0) this.#hits.delete(key);
    return list;
  }

  hit(key: string, now: number): void {
    const list = this.#recent(key, now);
    if (list.length === 0) {
      if (this.#hits.size >= this.maxKeys) this.#hits.delete(this.#hits.keys().next().value!);
      this.#hits.set(key, list);
    }
    list.push(now);
  }

  /** 0 when another hit is allowed now; otherwise ms until the oldest hit leaves the window */
  blockedForMs(key: string, now: number): number {
    const list = this.#recent(key, now);
    if (list.length < this.limit) return 0;
    return list[list.length - this.limit]! + this.windowMs - now;
  }

  sweep(now: number): void {
    for (const key of [...this.#hits.keys()]) this.#recent(key, now);
  }
}
