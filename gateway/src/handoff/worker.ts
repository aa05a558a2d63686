// The outbox worker: claims due jobs with a lease and runs them with bounded concurrency. Jobs are rows
// of the store's outbox table, so they survive restarts; a claim (store.claimDueJobs) leases a job to
// this process, so gateway instances sharing one PostgreSQL never run one job at once, and the jobs of
// an instance that died are claimed again once their lease has run out. Two kinds: a 'render' job makes
// the documents of a handoff step (renderDocuments.ts), and the step's 'deliver' job (handOffCase.ts),
// which the store holds back until that is done.
//
// The lease is 3 × HANDOFF_TIMEOUT_MS plus 5 s for rendering (35 s by default). An attempt may be several
// partner requests (a token, uploads, the submission), each up to HANDOFF_TIMEOUT_MS, so it can outlive
// any fixed lease: while jobs run, the worker extends their leases every third of it. A job is taken over
// only when its owner has not extended it for a whole lease, because it died or stalled that long; that
// is also the longest a dead instance's jobs wait for another one.
//
// The owner is INSTANCE_ID plus a random suffix of this process: a restarted instance is another owner,
// so an attempt of its dead (or frozen, and later resumed) predecessor can never pass for its own.
import { randomBytes } from 'node:crypto';
import type { Core } from '../deps.js';
import type { ClaimedJob } from '../store/types.js';
import { handOffCase } from './handOffCase.js';
import { renderDocuments } from './renderDocuments.js';

const IDLE_WAKE_MS = 1000;
const RENDER_ALLOWANCE_MS = 5000;

/** how long a claim holds a job without being extended */
export const leaseMsOf = (handoffTimeoutMs: number): number => 3 * handoffTimeoutMs + RENDER_ALLOWANCE_MS;

export interface HandoffWorker {
  start(): void;
  kick(): void;
  /** stop taking jobs and wait for those in flight */
  stop(): Promise<void>;
  readonly inFlight: number;
  /** the lease owner this process claims jobs as: `${INSTANCE_ID}:${random}` */
  readonly owner: string;
}

export function createHandoffWorker(core: Core): HandoffWorker {
  const owner = `${core.config.instanceId}:${randomBytes(4).toString('hex')}`;
  const leaseMs = leaseMsOf(core.config.handoff.timeoutMs);
  const log = core.logger.child({ module: 'outbox', owner });
  const inFlight = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let running = false;
  let current: Promise<void> = Promise.resolve();

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
    current = round().catch((err: unknown) => {
      log.error({ err }, 'handoff worker: claiming due jobs failed; trying again shortly');
      schedule(IDLE_WAKE_MS);
    }).finally(() => {
      ticking = false;
      if (again) {
        again = false;
        schedule(0);
      }
    });
  };

  function run(job: ClaimedJob): void {
    const attempt = job.kind === 'render' ? renderDocuments(core, job.caseId, job.jobId, owner) : handOffCase(core, job.caseId, job.jobId, owner);
    const p = attempt
      .catch((err: unknown) => log.error({ err, caseId: job.caseId, partner: job.partner, kind: job.kind }, 'outbox job crashed'))
      .finally(() => {
        inFlight.delete(job.jobId);
        core.metrics.handoffsInFlight.set(inFlight.size);
        schedule(0);
      });
    inFlight.set(job.jobId, p);
  }

  async function round(): Promise<void> {
    const { concurrency } = core.config.handoff;
    const free = concurrency - inFlight.size;
    if (free > 0) {
      // claimed jobs are run even when a stop began meanwhile: stop() waits for this round and for them
      const claimed = await core.store.claimDueJobs(owner, core.now(), free, leaseMs);
      // a job already running here whose lease ran out (the store could not be reached to extend it) is
      // ours again; its attempt goes on
      for (const job of claimed) if (!inFlight.has(job.jobId)) run(job);
      core.metrics.handoffsInFlight.set(inFlight.size);
    }
    if (!running || inFlight.size >= concurrency) return; // a completion reschedules
    const next = await core.store.nextDueAt();
    const wait = next ? next.getTime() - core.now().getTime() : IDLE_WAKE_MS;
    // Due jobs that another instance holds, or that are all in flight here: this is only a safety net.
    if (!timer) schedule(wait > 0 ? Math.min(wait, 60_000) : IDLE_WAKE_MS);
  }

  let extending = false;
  async function extendLeases(): Promise<void> {
    const ids = [...inFlight.keys()];
    if (extending || ids.length === 0) return;
    extending = true;
    try {
      const held = new Set(await core.store.extendLeases(owner, ids, core.now(), leaseMs));
      // finished meanwhile, or taken over: an attempt that goes on past this will not be recorded
      const lost = ids.filter((id) => !held.has(id) && inFlight.has(id));
      if (lost.length > 0) log.warn({ jobIds: lost }, 'outbox jobs still running here are no longer leased to this instance');
    } catch (err) {
      log.error({ err }, 'extending the leases of the jobs in flight failed; trying again at the next beat');
    } finally {
      extending = false;
    }
  }

  return {
    owner,
    start() {
      running = true;
      heartbeat = setInterval(() => void extendLeases(), Math.max(1, Math.floor(leaseMs / 3)));
      heartbeat.unref();
      schedule(0);
    },
    kick() {
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await current;
      await Promise.allSettled([...inFlight.values()]);
      if (heartbeat) clearInterval(heartbeat);
    },
    get inFlight() {
      return inFlight.size;
    },
  };
}
