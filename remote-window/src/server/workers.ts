// One mediasoup worker per core, each with its own slice of the RTC port range. Sessions go to the
// least-loaded worker. A worker that dies is replaced in its slot (same ports) and the pool says so,
// so that the sessions it carried can move to a router on the replacement.
import { access, constants } from 'node:fs/promises';
import type { types } from 'mediasoup';
import { SafeEmitter } from './emitter.js';
import type { Logger } from './ports.js';

export interface WorkerPoolOptions {
  count: number;
  rtcMinPort: number;
  rtcMaxPort: number;
  /** the worker binary mediasoup will spawn (MEDIASOUP_WORKER_BIN); checked before anything starts */
  workerBin: string;
  logger: Logger;
  /** delay before retrying a replacement that failed to start */
  respawnDelayMs?: number;
}

export type PoolEvents = {
  /** slot's worker died and `worker` now runs in its place */
  workerReplaced: [slot: number, worker: types.Worker];
  workerDied: [slot: number, pid: number];
};

interface Slot {
  index: number;
  minPort: number;
  maxPort: number;
  worker: types.Worker | undefined;
  /** sessions placed on this slot */
  load: number;
  ready: Promise<types.Worker>;
}

export class WorkerBinaryMissing extends Error {}

export async function assertWorkerBinary(bin: string): Promise<void> {
  if (!bin) throw new WorkerBinaryMissing('remote window: MEDIASOUP_WORKER_BIN is not set; it must name the mediasoup 3.8.4 worker (scripts/setup.sh installs /usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker), or set RW_ENABLED=false');
  try {
    await access(bin, constants.X_OK);
  } catch {
    throw new WorkerBinaryMissing(`remote window: the mediasoup worker MEDIASOUP_WORKER_BIN=${bin} does not exist or is not executable (run scripts/setup.sh), or set RW_ENABLED=false`);
  }
}

export class WorkerPool {
  readonly events: SafeEmitter<PoolEvents>;
  readonly #slots: Slot[];
  readonly #opts: WorkerPoolOptions;
  readonly #log: Logger;
  #closed = false;
  #create!: (s: types.WorkerSettings) => Promise<types.Worker>;

  private constructor(opts: WorkerPoolOptions) {
    this.#opts = opts;
    this.#log = opts.logger.child({ module: 'rw.workers' });
    this.events = new SafeEmitter(this.#log);
    const span = opts.rtcMaxPort - opts.rtcMinPort + 1;
    const per = Math.floor(span / opts.count);
    this.#slots = Array.from({ length: opts.count }, (_, i) => ({
      index: i,
      minPort: opts.rtcMinPort + i * per,
      maxPort: i === opts.count - 1 ? opts.rtcMaxPort : opts.rtcMinPort + (i + 1) * per - 1,
      worker: undefined,
      load: 0,
      ready: Promise.resolve(undefined as unknown as types.Worker),
    }));
  }

  static async start(opts: WorkerPoolOptions): Promise<WorkerPool> {
    await assertWorkerBinary(opts.workerBin);
    // Imported here, not at the top: mediasoup reads MEDIASOUP_WORKER_BIN when its module loads.
    const mediasoup = await import('mediasoup');
    const pool = new WorkerPool(opts);
    pool.#create = (s) => mediasoup.createWorker(s);
    await Promise.all(pool.#slots.map((slot) => (slot.ready = pool.#spawn(slot))));
    return pool;
  }

  /** the running workers (for stats and benchmarks) */
  get workers(): types.Worker[] {
    return this.#slots.flatMap((s) => (s.worker && !s.worker.closed ? [s.worker] : []));
  }

  loads(): number[] {
    return this.#slots.map((s) => s.load);
  }

  /** place one session on the least-loaded slot (waits if that worker is being replaced) */
  async acquire(): Promise<{ slot: number; worker: types.Worker }> {
    if (this.#closed) throw new Error('worker pool closed');
    const alive = this.#slots.filter((s) => s.worker && !s.worker.closed);
    const candidates = alive.length > 0 ? alive : this.#slots;
    const slot = candidates.reduce((a, b) => (b.load < a.load ? b : a));
    slot.load += 1;
    return { slot: slot.index, worker: await slot.ready };
  }

  release(slot: number): void {
    const s = this.#slots[slot];
    if (s && s.load > 0) s.load -= 1;
  }

  /** the current worker of a slot (after a replacement, the new one) */
  workerOf(slot: number): Promise<types.Worker> {
    const s = this.#slots[slot];
    if (!s) throw new Error(`no worker slot ${slot}`);
    return s.ready;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const s of this.#slots) s.worker?.close();
    this.events.removeAll();
  }

  async #spawn(slot: Slot): Promise<types.Worker> {
    const worker = await this.#create({ logLevel: 'warn', rtcMinPort: slot.minPort, rtcMaxPort: slot.maxPort });
    slot.worker = worker;
    this.#log.info({ slot: slot.index, pid: worker.pid, ports: `${slot.minPort}-${slot.maxPort}` }, 'mediasoup worker started');
    worker.on('died', (err) => this.#died(slot, worker, err));
    return worker;
  }

  #died(slot: Slot, worker: types.Worker, err: Error): void {
    if (this.#closed) return;
    this.#log.error({ slot: slot.index, pid: worker.pid, err }, 'mediasoup worker died; replacing it');
    this.events.emit('workerDied', slot.index, worker.pid);
    slot.worker = undefined;
    slot.ready = this.#respawn(slot);
    slot.ready.then((w) => { if (!this.#closed) this.events.emit('workerReplaced', slot.index, w); }, () => undefined);
  }

  async #respawn(slot: Slot): Promise<types.Worker> {
    for (let attempt = 1; ; attempt++) {
      if (this.#closed) throw new Error('worker pool closed');
      try {
        return await this.#spawn(slot);
      } catch (err) {
        this.#log.error({ slot: slot.index, attempt, err }, 'replacing the mediasoup worker failed; retrying');
        await new Promise((r) => setTimeout(r, this.#opts.respawnDelayMs ?? 1000));
      }
    }
  }
}
