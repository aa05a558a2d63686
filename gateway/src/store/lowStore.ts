// The default store: one small lowdb document per case (record + events) under cases/<shard>/,
// written durably in one write (durableFile.ts); in memory only summaries and lookups (caseIndex.ts)
// and a bounded cache of recently used documents. Every read and write of a case runs under that
// case's lock, so the cache never races a write; different cases proceed in parallel.
// Why: lowdb rewrites its whole file per write (846 ms per update at 50k cases in one file, DESIGN.md
// §7); the figures of this layout are printed by tests/bench/store.bench.ts.
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import { GatewayError } from '../errors.js';
import { AuditBacklog } from './auditBacklog.js';
import { appendAuditFile, readAuditFile } from './auditFiles.js';
import { createBlobs } from './blobs.js';
import { CaseIndex } from './caseIndex.js';
import { assertCaseDoc, caseDb, type CaseDb, type CaseDoc } from './caseDoc.js';
import { KeyedLock } from './keyedLock.js';
import { type StoreLogger, moduleLogger } from './logger.js';
import { Lru } from './lru.js';
import { assertSafeName, layoutOf } from './paths.js';
import { prepareDataDir, removeLeftovers } from './prepare.js';
import { scanCaseDocs } from './scan.js';
import type { NewEvent, Store } from './types.js';

export interface LowStoreOptions {
  dataDir: string;
  /** fsync files and directories before a write resolves (default true; off only for seeding benches) */
  fsync?: boolean;
  logger?: StoreLogger;
  /** receives the events of every durable write, after it; must not block (the audit chainer queues them) */
  onEvents?: (caseId: string, events: CaseEvent[]) => void;
  /** case documents kept in memory (default 2000) */
  cacheSize?: number;
  /** how often the audit checkpoint is saved (default 1000 ms) */
  checkpointMs?: number;
}

export interface InitReport {
  cases: number;
  leftoverTempFiles: string[];
  /** cases written since the last audit checkpoint: the chainer checks only these */
  toReconcile: number;
  ms: number;
}

/** The Store plus what the audit chainer needs from it. */
export interface LowStore extends Store {
  /** cases whose newest events may not be in the audit trail yet (found at init via the checkpoint) */
  casesToReconcile(): string[];
  /** the chainer reports that the audit trail of a case reaches `seq` */
  markChained(caseId: string, seq: number): void;
  initReport(): InitReport | undefined;
}

export function createLowStore(opts: LowStoreOptions): LowStore {
  const fsync = opts.fsync ?? true;
  const log = moduleLogger(opts.logger, 'store');
  const layout = layoutOf(opts.dataDir);
  const index = new CaseIndex();
  const cache = new Lru<string, CaseDb>(opts.cacheSize ?? 2000);
  const locks = new KeyedLock();
  const auditLocks = new KeyedLock();
  const backlog = new AuditBacklog(layout.checkpointFile, fsync, opts.onEvents !== undefined);
  const blobs = createBlobs(layout, fsync);
  /** id:, no: and in: keys of cases being created, so two concurrent creations cannot both pass */
  const reserved = new Set<string>();
  let state: 'new' | 'open' | 'closed' = 'new';
  let timer: NodeJS.Timeout | undefined;
  let report: InitReport | undefined;
  const toReconcile: string[] = [];

  function assertOpen(): void {
    if (state !== 'open') throw new Error(`store is ${state === 'new' ? 'not initialised (call init())' : 'closed'}`);
  }

  function assertKnown(id: string): void {
    if (!index.has(id)) throw new GatewayError('CASE_NOT_FOUND', `办件 ${id} 不存在`);
  }

  /** only ever called under the case's lock */
  async function loadDoc(id: string): Promise<CaseDb> {
    const hit = cache.get(id);
    if (hit) return hit;
    const db = caseDb(layout.caseFile(id), fsync);
    await db.read();
    assertCaseDoc(db.data, id);
    cache.set(id, db);
    return db;
  }

  function numbered(id: string, lastSeq: number, fresh: NewEvent[]): CaseEvent[] {
    // cloned so the caller keeps no reference into stored data
    return structuredClone(fresh).map((e, i) => ({ ...e, caseId: id, seq: lastSeq + i + 1 }));
  }

  /** one durable write of the whole document, then indexes, cache and the chainer */
  async function commit(db: CaseDb, prev: CaseDoc | null, record: CaseRecord, events: CaseEvent[], added: CaseEvent[]) {
    const lsn = backlog.begin();
    db.data = { lsn, record, events };
    try {
      await db.write();
    } catch (e) {
      db.data = prev;
      cache.delete(record.id);
      backlog.end(lsn, record.id);
      throw e;
    }
    backlog.end(lsn, record.id, added.at(-1)?.seq);
    cache.set(record.id, db);
    index.put(record, events.length);
    if (added.length > 0 && opts.onEvents) {
      try {
        opts.onEvents(record.id, added);
      } catch (e) {
        log.error({ caseId: record.id, err: e }, 'audit hand-off failed; the case is reconciled at next start');
      }
    }
    return { record: structuredClone(record), events: structuredClone(added) };
  }

  return {
    async init() {
      if (state !== 'new') throw new Error('store already initialised');
      const started = performance.now();
      await prepareDataDir(layout, fsync);
      const watermark = await backlog.load();
      index.beginBulk();
      const scan = await scanCaseDocs(layout.casesDir, (doc) => {
        index.put(doc.record, doc.events.length);
        if (backlog.seen(doc.record.id, doc.lsn, doc.events.at(-1)?.seq ?? 0, watermark)) toReconcile.push(doc.record.id);
      });
      index.endBulk();
      await removeLeftovers(scan.leftovers, log);
      report = { cases: index.size, leftoverTempFiles: scan.leftovers, toReconcile: toReconcile.length, ms: performance.now() - started };
      log.info({ ...report, leftoverTempFiles: scan.leftovers.length }, 'store opened');
      timer = setInterval(() => {
        backlog.save().catch((err: unknown) => log.error({ err }, 'saving the audit checkpoint failed'));
      }, opts.checkpointMs ?? 1000);
      timer.unref();
      state = 'open';
    },

    async close() {
      if (state !== 'open') return;
      state = 'closed';
      clearInterval(timer);
      await locks.idle();
      await auditLocks.idle();
      await backlog.save();
    },

    async createCase(record, events) {
      assertOpen();
      assertSafeName('case id', record.id);
      const keys = [`id:${record.id}`, `no:${record.caseNo}`];
      if (record.inbound) keys.push(`in:${record.partner}\u0000${record.inbound.idempotencyKey}`);
      const taken =
        index.has(record.id) || index.idByNo(record.caseNo) !== undefined || keys.some((k) => reserved.has(k)) ||
        (record.inbound !== undefined && index.idByInboundKey(record.partner, record.inbound.idempotencyKey) !== undefined);
      if (taken) throw new GatewayError('CONCURRENT_UPDATE', `办件 ${record.id} / 办件编号 ${record.caseNo} 已存在`);
      keys.forEach((k) => reserved.add(k));
      try {
        return await locks.run(record.id, async () => {
          const added = numbered(record.id, 0, events);
          return commit(caseDb(layout.caseFile(record.id), fsync), null, structuredClone(record), added, added);
        });
      } finally {
        keys.forEach((k) => reserved.delete(k));
      }
    },

    async getCase(id) {
      assertOpen();
      if (!index.has(id)) return undefined;
      return locks.run(id, async () => structuredClone(((await loadDoc(id)).data as CaseDoc).record));
    },

    async updateCase(id, mutate) {
      assertOpen();
      assertKnown(id);
      return locks.run(id, async () => {
        const db = await loadDoc(id);
        const current = db.data as CaseDoc;
        const draft = structuredClone(current.record);
        const fresh = await mutate(draft);
        if (draft.id !== id) throw new Error(`updateCase must not change the case id (${id} → ${draft.id})`);
        // set, not incremented, so a mutate that already bumped it does not count twice
        draft.version = current.record.version + 1;
        const other = index.idByNo(draft.caseNo);
        if ((other !== undefined && other !== id) || reserved.has(`no:${draft.caseNo}`)) {
          throw new GatewayError('CONCURRENT_UPDATE', `办件编号 ${draft.caseNo} 已被其他办件使用`);
        }
        const added = numbered(id, current.events.at(-1)?.seq ?? 0, fresh);
        return commit(db, current, draft, [...current.events, ...added], added);
      });
    },

    findCaseIdByNo: (caseNo) => index.idByNo(caseNo),
    findCaseIdByPartnerRef: (partner, partnerRef) => index.idByPartnerRef(partner, partnerRef),
    findCaseIdByInboundKey: (partner, key) => index.idByInboundKey(partner, key),
    listCases: (query) => index.list(query),
    dueJobs: (now, limit) => index.dueJobs(now, limit),
    nextDueAt: () => index.jobs.next(),
    casesOfPartner: (partner, statuses) => index.ofPartner(partner, statuses),
    count: () => index.size,

    async events(caseId) {
      assertOpen();
      assertKnown(caseId);
      return locks.run(caseId, async () => structuredClone(((await loadDoc(caseId)).data as CaseDoc).events));
    },

    putBlob: (caseId, name, bytes) => blobs.put(caseId, name, bytes),
    getBlob: (caseId, name) => blobs.get(caseId, name),

    async appendAudit(caseId, entries) {
      assertSafeName('case id', caseId);
      const last = entries.at(-1);
      if (!last) return;
      await auditLocks.run(caseId, () => appendAuditFile(layout.auditFile(caseId), entries, fsync, log));
      backlog.chained(caseId, last.seq);
    },

    async readAudit(caseId) {
      assertSafeName('case id', caseId);
      return auditLocks.run(caseId, () => readAuditFile(layout.auditFile(caseId), log));
    },

    casesToReconcile: () => [...toReconcile],
    markChained: (caseId, seq) => backlog.chained(caseId, seq),
    initReport: () => report && { ...report, leftoverTempFiles: [...report.leftoverTempFiles] },
  };
}
