// Reading and writing one case. Every read and write of a case runs under that case's lock, so a
// read never sees a write half applied; different cases proceed in parallel. A write is one entry
// in the write-ahead log (group commit, wal.ts); when its batch is durable, the new state is
// published (document handle, flusher, indexes, audit chainer) before the caller resumes. The
// document file itself is written later by the flusher.
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import { GatewayError } from '../errors.js';
import type { AuditBacklog } from './auditBacklog.js';
import { assertCaseDoc, caseDb, type CaseDb, type CaseDoc } from './caseDoc.js';
import { eventsJson, nextDoc, recordJson } from './docText.js';
import type { CaseIndex } from './caseIndex.js';
import type { DocFlusher } from './flusher.js';
import type { KeyedLock } from './keyedLock.js';
import type { StoreLogger } from './logger.js';
import type { Lru } from './lru.js';
import { assertSafeName, type Layout } from './paths.js';
import type { NewEvent, Store } from './types.js';
import type { WriteAheadLog } from './wal.js';

export interface CaseContext {
  layout: Layout;
  index: CaseIndex;
  cache: Lru<string, CaseDb>;
  flusher: DocFlusher;
  backlog: AuditBacklog;
  locks: KeyedLock;
  wal: () => WriteAheadLog;
  log: StoreLogger;
  onEvents?: (caseId: string, events: CaseEvent[]) => void;
}

type Written = { record: CaseRecord; events: CaseEvent[] };

export function caseWrites(ctx: CaseContext): Pick<Store, 'createCase' | 'updateCase' | 'getCase' | 'events'> {
  const { index, cache, flusher, backlog, locks, log } = ctx;
  /** id:, no: and in: keys of cases being created, so two concurrent creations cannot both pass */
  const reserved = new Set<string>();

  function assertKnown(id: string): void {
    if (!index.has(id)) throw new GatewayError('CASE_NOT_FOUND', `办件 ${id} 不存在`);
  }

  /** only ever called under the case's lock; a document not yet in its file is held by the flusher */
  async function loadDoc(id: string): Promise<CaseDb> {
    const hit = flusher.get(id) ?? cache.get(id);
    if (hit) return hit;
    const db = caseDb(ctx.layout.caseFile(id));
    await db.read();
    assertCaseDoc(db.data, id);
    cache.set(id, db);
    return db;
  }

  function numbered(id: string, lastSeq: number, fresh: NewEvent[]): CaseEvent[] {
    // cloned so the caller keeps no reference into stored data
    return structuredClone(fresh).map((e, i) => ({ ...e, caseId: id, seq: lastSeq + i + 1 }));
  }

  /** runs when the log entry is durable, before the caller resumes; must not throw (the log is shared) */
  function publish(db: CaseDb, doc: CaseDoc, added: CaseEvent[]): void {
    const id = doc.record.id;
    try {
      db.data = doc;
      backlog.end(doc.lsn, id, added.at(-1)?.seq);
      cache.set(id, db);
      flusher.markDirty(id, db);
      index.put(doc.record, doc.events.length);
    } catch (err) {
      log.error({ caseId: id, err }, 'publishing a committed write failed');
    }
    if (added.length > 0 && ctx.onEvents) {
      try {
        ctx.onEvents(id, added);
      } catch (err) {
        log.error({ caseId: id, err }, 'audit hand-off failed; the case is reconciled at next start');
      }
    }
  }

  /** one log entry; the handle's state changes only once it is durable */
  async function commit(db: CaseDb, prev: CaseDoc | undefined, record: CaseRecord, added: CaseEvent[]): Promise<Written> {
    const lsn = backlog.begin();
    const { doc, addedJson, addedBytes } = nextDoc(prev, lsn, record, added);
    try {
      await ctx.wal().append(record.id, doc, { json: addedJson, bytes: addedBytes }, () => publish(db, doc, added));
    } catch (e) {
      backlog.end(lsn, record.id);
      throw e;
    }
    // copies for the caller, parsed from the JSON already made (faster than structuredClone)
    return { record: JSON.parse(recordJson(doc)) as CaseRecord, events: JSON.parse(addedJson) as CaseEvent[] };
  }

  return {
    async createCase(record, events) {
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
          return commit(caseDb(ctx.layout.caseFile(record.id)), undefined, structuredClone(record), added);
        });
      } finally {
        keys.forEach((k) => reserved.delete(k));
      }
    },

    async getCase(id) {
      if (!index.has(id)) return undefined;
      return locks.run(id, async () => JSON.parse(recordJson((await loadDoc(id)).data as CaseDoc)) as CaseRecord);
    },

    async updateCase(id, mutate) {
      assertKnown(id);
      return locks.run(id, async () => {
        const db = await loadDoc(id);
        const current = db.data as CaseDoc;
        const draft = JSON.parse(recordJson(current)) as CaseRecord;
        const fresh = await mutate(draft);
        if (draft.id !== id) throw new Error(`updateCase must not change the case id (${id} → ${draft.id})`);
        // set, not incremented, so a mutate that already bumped it does not count twice
        draft.version = current.record.version + 1;
        const other = index.idByNo(draft.caseNo);
        if ((other !== undefined && other !== id) || reserved.has(`no:${draft.caseNo}`)) {
          throw new GatewayError('CONCURRENT_UPDATE', `办件编号 ${draft.caseNo} 已被其他办件使用`);
        }
        const added = numbered(id, current.events.at(-1)?.seq ?? 0, fresh);
        return commit(db, current, draft, added);
      });
    },

    async events(caseId) {
      assertKnown(caseId);
      return locks.run(caseId, async () => JSON.parse(eventsJson((await loadDoc(caseId)).data as CaseDoc)) as CaseEvent[]);
    },
  };
}
