// The periodic checkpoint (every `intervalMs`, when the log's segment grows past its size, and at
// close). Runs never overlap. Each run:
//   1. switches the log to a new segment (the old ones are then complete: durable and published);
//   2. writes every case document not yet in its file (the flusher usually has already);
//   3. fsyncs the documents written since the last run, a few at a time (from a worker thread,
//      syncWorker.ts), and the directories of new ones;
//   4. records the checkpoint (the first segment a replay needs), durably;
//   5. deletes the older segments;
// and then syncs the audit files touched since the last run and saves the audit checkpoint.
// A crash between any two steps leaves the older segments in place and the next start replays them.
import { unlink } from 'node:fs/promises';
import type { AuditSync, SyncFiles } from './auditSync.js';
import { writeFileDurable } from './durableFile.js';
import type { DocFlusher } from './flusher.js';
import type { StoreLogger } from './logger.js';
import type { Layout } from './paths.js';
import type { WriteAheadLog } from './wal.js';

export type CheckpointStage = 'rotated' | 'flushed' | 'synced' | 'recorded' | 'done';

export interface CheckpointerOptions {
  layout: Layout;
  fsync: boolean;
  wal: WriteAheadLog;
  flusher: DocFlusher;
  audit: AuditSync;
  log: StoreLogger;
  intervalMs: number;
  sync: SyncFiles;
  /** tests: called after each stage of the log checkpoint (e.g. to SIGKILL the process right there) */
  onStage?: (stage: CheckpointStage) => void;
}

export class Checkpointer {
  readonly #o: CheckpointerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;
  /** the first segment the last recorded checkpoint keeps */
  #kept: number;
  readonly stats = { checkpoints: 0, docSyncs: 0, dirSyncs: 0, failures: 0 };

  constructor(opts: CheckpointerOptions) {
    this.#o = opts;
    this.#kept = opts.wal.segment;
  }

  start(): void {
    this.#timer = setInterval(() => this.request(), this.#o.intervalMs);
    this.#timer.unref();
  }

  /** runs a checkpoint soon; a request during a run runs another one after it */
  request(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => (this.#running = undefined));
  }

  /** runs a checkpoint after the one in progress, and fails if it fails */
  async now(): Promise<void> {
    while (this.#running) await this.#running;
    const run = this.#run();
    this.#running = run
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.#running = undefined;
        // a segment that filled up meanwhile asked for one more
        if (this.#again) this.request();
      });
    await run;
  }

  /** stops the timer and runs a last checkpoint, which must succeed */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#closed = true;
    await this.now();
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.#run();
      } catch (err) {
        this.stats.failures++;
        this.#o.log.error({ err }, 'checkpoint failed; the log is kept and the next checkpoint retries');
      }
    } while (this.#again);
  }

  async #run(): Promise<void> {
    await this.#logCheckpoint();
    await this.#o.audit.sync();
  }

  async #logCheckpoint(): Promise<void> {
    const { wal, flusher, fsync, layout } = this.#o;
    const stage = this.#o.onStage ?? (() => undefined);
    if (wal.bytes === 0 && wal.segment === this.#kept && flusher.pending === 0) return;
    const { segment, lsn } = await wal.rotate();
    stage('rotated');
    await flusher.flushAll();
    stage('flushed');
    const { files, dirs } = flusher.takeWritten();
    try {
      this.stats.docSyncs += await this.#o.sync(files, true);
      this.stats.dirSyncs += await this.#o.sync(dirs, false);
    } catch (e) {
      flusher.giveBack(files, dirs);
      throw e;
    }
    stage('synced');
    await writeFileDurable(layout.walCheckpointFile, JSON.stringify({ segment, lsn, savedAt: new Date().toISOString() }), fsync);
    stage('recorded');
    const old = this.#kept;
    this.#kept = segment;
    for (let n = old; n < segment; n++) await unlink(layout.segmentFile(n)).catch(() => undefined);
    this.stats.checkpoints++;
    stage('done');
  }
}
