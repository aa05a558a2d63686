// A typed event emitter whose listeners cannot break the emitter: a throwing listener is logged and
// the other listeners still run (after mediasoup's enhancedEvents safeEmit).
import type { Logger } from './ports.js';

export type EventMap = Record<string, unknown[]>;
type Listener<A extends unknown[]> = (...args: A) => void;

export class SafeEmitter<E extends EventMap> {
  readonly #listeners = new Map<keyof E, Set<Listener<never[]>>>();
  readonly #logger: Logger | undefined;

  constructor(logger?: Logger) {
    this.#logger = logger;
  }

  on<K extends keyof E>(event: K, fn: Listener<E[K]>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(fn as unknown as Listener<never[]>);
    return () => set.delete(fn as unknown as Listener<never[]>);
  }

  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    for (const fn of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (fn as unknown as Listener<E[K]>)(...args);
      } catch (err) {
        this.#logger?.error({ err, event: String(event) }, 'event listener failed');
      }
    }
  }

  removeAll(): void {
    this.#listeners.clear();
  }
}
