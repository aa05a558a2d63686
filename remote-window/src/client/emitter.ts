/// <reference lib="dom" />
// A typed event emitter for the browser side (no Node 'events'): a listener that throws is reported
// and does not stop the others.

export type EventMap = Record<string, unknown[]>;
type Listener<A extends unknown[]> = (...args: A) => void;

export class Emitter<M extends EventMap> {
  readonly #listeners = new Map<keyof M, Set<Listener<never[]>>>();

  on<K extends keyof M>(event: K, fn: Listener<M[K]>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(fn as unknown as Listener<never[]>);
    return () => this.off(event, fn);
  }

  once<K extends keyof M>(event: K, fn: Listener<M[K]>): () => void {
    const off = this.on(event, ((...args: M[K]) => { off(); fn(...args); }) as Listener<M[K]>);
    return off;
  }

  off<K extends keyof M>(event: K, fn: Listener<M[K]>): void {
    this.#listeners.get(event)?.delete(fn as unknown as Listener<never[]>);
  }

  emit<K extends keyof M>(event: K, ...args: M[K]): void {
    for (const fn of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (fn as unknown as Listener<M[K]>)(...args);
      } catch (err) {
        console.error(`[rw] listener of ${String(event)} failed`, err);
      }
    }
  }

  removeAllListeners(): void {
    this.#listeners.clear();
  }
}
