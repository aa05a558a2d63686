// The outbox worker: delivers due handoff jobs with bounded concurrency. Jobs are rows of the store's
// outbox table, so they survive restarts; the worker only keeps what is in flight.
import type { Core } from '../deps.js';
import { handOffCase } from './handOffCase.js';

const IDLE_WAKE_MS = 1000;

export interface HandoffWorker {
  start(): void;
  kick(): void;
  /** stop taking jobs and wait for those in flight */
  stop(): Promise<void>;
  readonly inFlight: number;
}

export function createHandoffWorker(core: Core): HandoffWorker {
  const inFlight = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  const schedule = (ms: number): void => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
  };

  let ticking = false;
  let again = false;

  /** one round at a time: a kick during a round runs another right after it */
  const tick = (): void => {
    timer = undefined;
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    round().catch((err: unknown) => {
      core.logger.error({ err }, 'handoff worker: reading due jobs failed; trying again shortly');
      schedule(IDLE_WAKE_MS);
    }).finally(() => {
      ticking = false;
      if (again) {
        again = false;
        schedule(0);
      }
    });
  };

  async function round(): Promise<void> {
    const { concurrency } = core.config.handoff;
    const now = core.now();
    const free = concurrency - inFlight.size;
    if (free > 0) {
      const due = (await core.store.dueJobs(now, concurrency + inFlight.size)).filter((j) => !inFlight.has(j.jobId)).slice(0, free);
      if (!running) return;
      for (const job of due) {
        const p = handOffCase(core, job.caseId, job.jobId)
          .catch((err: unknown) => core.logger.error({ err, caseId: job.caseId, partner: job.partner }, 'handoff job crashed'))
          .finally(() => {
            inFlight.delete(job.jobId);
            core.metrics.handoffsInFlight.set(inFlight.size);
            schedule(0);
          });
        inFlight.set(job.jobId, p);
      }
      core.metrics.handoffsInFlight.set(inFlight.size);
    }
    if (inFlight.size >= concurrency) return; // a completion reschedules
    const next = await core.store.nextDueAt();
    const wait = next ? next.getTime() - core.now().getTime() : IDLE_WAKE_MS;
    // Due jobs that are all in flight: their completions reschedule; this is only a safety net.
    if (!timer) schedule(wait > 0 ? Math.min(wait, 60_000) : IDLE_WAKE_MS);
  }

  return {
    start() {
      running = true;
      schedule(0);
    },
    kick() {
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...inFlight.values()]);
    },
    get inFlight() {
      return inFlight.size;
    },
  };
}
