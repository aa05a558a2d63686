// The audit chainer: takes the events of every durable case write and, off the hot path, appends
// them to the case's hash chain. `enqueue` only queues (O(events), no hashing, no I/O), so
// updateCase never waits for evidence. Work is batched per case (all events queued for a case go
// into one append) and a few cases are chained in parallel.
import type { CaseEvent } from '../domain/case.js';
import { type StoreLogger, moduleLogger } from '../store/logger.js';
import { Lru } from '../store/lru.js';
import type { Store } from '../store/types.js';
import { chainEvents, type ChainHead, headOf } from './hash.js';

/** What the chainer needs of a store (LowStore has all of it). */
export type ChainerStore = Pick<Store, 'events' | 'readAudit' | 'appendAudit'> & {
  markChained?(caseId: string, seq: number): void;
  /** the last entry's seq and hash without parsing the whole trail (undefined: read it all) */
  readAuditHead?(caseId: string): Promise<ChainHead | undefined>;
};

export interface AuditChainer {
  /** called by the store after each durable write; never blocks */
  enqueue(caseId: string, events: CaseEvent[]): void;
  /** chain whatever the store holds beyond each case's audit head (after a crash) */
  reconcile(caseIds: string[]): void;
  /** resolves once everything queued so far is chained (or has failed and been logged) */
  flush(): Promise<void>;
  /** flush, then refuse new work (later events are reconciled at next start) */
  close(): Promise<void>;
}

export interface ChainerOptions {
  store: ChainerStore;
  logger?: StoreLogger;
  /** cases chained at the same time (default 4) */
  concurrency?: number;
  /** chain heads remembered, so a busy case does not re-read its audit file (default 10000) */
  headCacheSize?: number;
  /** told each case's new head after its entries are appended (the anchor log, anchors.ts) */
  onChained?: (caseId: string, head: ChainHead) => void;
}

interface Work {
  events: CaseEvent[];
  /** ignore the queued events and read the case's events from the store */
  reload: boolean;
}

export function createAuditChainer(opts: ChainerOptions): AuditChainer {
  const { store } = opts;
  const log = moduleLogger(opts.logger, 'audit');
  const concurrency = opts.concurrency ?? 4;
  const heads = new Lru<string, ChainHead>(opts.headCacheSize ?? 10_000);
  /** insertion-ordered: the case queued first is chained first */
  const queue = new Map<string, Work>();
  const running = new Set<string>();
  let scheduled = false;
  let closed = false;
  let waiters: (() => void)[] = [];

  const idle = (): boolean => queue.size === 0 && running.size === 0 && !scheduled;

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // setImmediate, not a microtask: the caller's updateCase resolves before any hashing starts
    setImmediate(() => {
      scheduled = false;
      pump();
      settle();
    });
  }

  function pump(): void {
    for (const [caseId, work] of queue) {
      if (running.size >= concurrency) break;
      if (running.has(caseId)) continue;
      queue.delete(caseId);
      running.add(caseId);
      void chainCase(caseId, work)
        .catch((err: unknown) => {
          heads.delete(caseId);
          // the store still counts these events as owed, so the next write of the case or the next
          // start chains them: nothing is dropped, only delayed
          log.error({ caseId, err }, 'chaining audit entries failed');
        })
        .finally(() => {
          running.delete(caseId);
          if (queue.size > 0) pump();
          settle();
        });
    }
  }

  function settle(): void {
    if (!idle()) return;
    const ws = waiters;
    waiters = [];
    ws.forEach((w) => w());
  }

  async function chainCase(caseId: string, work: Work): Promise<void> {
    const head = heads.get(caseId) ?? (await store.readAuditHead?.(caseId)) ?? headOf(await store.readAudit(caseId));
    let events = work.reload ? [] : work.events.filter((e) => e.seq > head.seq).sort((a, b) => a.seq - b.seq);
    // a gap (events missed while a chaining failed, or a reconcile) is filled from the store itself
    if (work.reload || !follows(head.seq, events)) {
      events = (await store.events(caseId)).filter((e) => e.seq > head.seq);
      if (!follows(head.seq, events)) throw new Error(`stored events of ${caseId} do not continue the chain at seq ${head.seq + 1}`);
    }
    const last = events.at(-1);
    if (!last) {
      store.markChained?.(caseId, head.seq);
      heads.set(caseId, head);
      return;
    }
    const entries = chainEvents(head, events);
    await store.appendAudit(caseId, entries);
    const newHead = headOf(entries);
    heads.set(caseId, newHead);
    opts.onChained?.(caseId, newHead);
    store.markChained?.(caseId, last.seq);
  }

  function add(caseId: string, events: CaseEvent[], reload: boolean): void {
    if (closed) {
      log.warn({ caseId, events: events.length }, 'audit chainer closed; events are chained at next start');
      return;
    }
    const work = queue.get(caseId);
    if (work) {
      work.events.push(...events);
      work.reload ||= reload;
    } else {
      queue.set(caseId, { events: [...events], reload });
    }
    schedule();
  }

  function flush(): Promise<void> {
    if (idle()) return Promise.resolve();
    return new Promise<void>((resolve) => waiters.push(resolve));
  }

  return {
    enqueue: (caseId, events) => add(caseId, events, false),
    reconcile(caseIds) {
      if (caseIds.length > 0) log.info({ cases: caseIds.length }, 'reconciling audit trails of cases written since the checkpoint');
      caseIds.forEach((id) => add(id, [], true));
    },
    flush,
    async close() {
      await flush();
      closed = true;
    },
  };
}

function follows(seq: number, events: CaseEvent[]): boolean {
  return events.every((e, i) => e.seq === seq + i + 1);
}
