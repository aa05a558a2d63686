// The documents of cases: rendered when the case's state calls for them, stored as blobs of the case
// with their SHA-256, listed in the case record and written to its audit trail (document.issued), the
// blobs in the same transaction as the record that lists them. Callers racing for the same document (the
// render job, a status change, a clerk's download, on one instance or several) may each render it; the
// transaction keeps the first (one original per slot) and the others' copies are never written.
import { createHash, randomUUID } from 'node:crypto';
import type { CaseDocument, CaseRecord } from '../domain/case.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../log.js';
import type { RegionDirectory } from '../domain/region.js';
import type { NewEvent, Store } from '../store/types.js';
import { DOCUMENT_TITLES, asReprint } from './facts.js';
import { dueDocuments, fileNameOf, type DueDocument } from './factsFromCase.js';
import { inboundDueDocuments, reportSlot } from './inboundFacts.js';
import type { SigningKey } from './keys.js';
import { publicKeyOf } from './keys.js';
import { newPublicCode } from './publicCode.js';
import { warmFonts } from './font.js';
import { createRenderer } from './renderPool.js';
import type { DocumentService } from './types.js';
import { verifyDocument, type Keyring } from './verify.js';

export interface DocumentServiceDeps {
  store: Store;
  now(): Date;
  logger: Logger;
  publicBaseUrl: string;
  /** the names of the regions documents name */
  regions: RegionDirectory;
  signingKey: SigningKey;
  /** worker threads that render (0: on the event loop) */
  renderThreads: number;
  /** the heap each render thread may use, MB (unset: V8's default) */
  renderThreadHeapMb?: number;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** another reprint of the same original was written first: this one's number is taken */
class ReprintRaced extends Error {}
/** how often a reprint is rendered again after losing the race for its number */
const REPRINT_ATTEMPTS = 5;

export function createDocumentService(deps: DocumentServiceDeps): DocumentService {
  const { store, logger, signingKey } = deps;
  const log = logger.child({ module: 'receipts' });
  const keys: Keyring = new Map([[signingKey.keyId, signingKey.publicKey]]);
  const scheduled = new Set<Promise<unknown>>();
  const renderer = createRenderer(signingKey, {
    threads: deps.renderThreads,
    ...(deps.renderThreadHeapMb ? { threadHeapMb: deps.renderThreadHeapMb } : {}),
    onThreadError: (err) => log.error({ err }, 'a render thread died; its document fails and is made again at the next attempt'),
  });
  // read and parse the fonts now, not during the first handoff (render threads read their own)
  if (deps.renderThreads === 0) warmFonts();

  async function load(caseId: string): Promise<CaseRecord> {
    const c = await store.getCase(caseId);
    if (!c) throw new GatewayError('CASE_NOT_FOUND', `办件 ${caseId} 不存在`);
    return c;
  }

  async function render(c: CaseRecord, due: DueDocument, documents: CaseDocument[]): Promise<{ doc: CaseDocument; bytes: Buffer }> {
    const issuedAt = deps.now().toISOString();
    const id = randomUUID();
    const facts = due.facts(c, { documentId: id, issuedAt, publicBaseUrl: deps.publicBaseUrl, regions: deps.regions, documents, events: due.type === 'delivery_receipt' ? await store.events(c.id) : [] });
    const { bytes, pages } = await renderer.render(facts);
    const doc: CaseDocument = {
      id, type: due.type, slot: due.slot, title: DOCUMENT_TITLES[due.type], fileName: fileNameOf(due.type, c.caseNo),
      size: bytes.length, sha256: sha256(bytes), pages, keyId: signingKey.keyId, issuedAt,
    };
    return { doc, bytes };
  }

  const issuedEvent = (d: CaseDocument, actor: string): NewEvent => ({
    at: d.issuedAt, actor, type: 'document.issued',
    data: { documentId: d.id, documentType: d.type, title: d.title, slot: d.slot, sha256: d.sha256, size: d.size, pages: d.pages, keyId: d.keyId },
  });

  async function ensureNow(caseId: string, only?: (slot: string) => boolean): Promise<CaseDocument[]> {
    let c = await load(caseId);
    const has = (slot: string) => (c.documents ?? []).some((d) => d.slot === slot && !d.copy);
    const due = c.direction === 'inbound' ? inboundDueDocuments(c) : dueDocuments(c);
    const missing = due.filter((d) => !has(d.slot) && (!only || only(d.slot)));
    if (missing.length === 0) return c.documents ?? [];
    if (!c.publicCode) c = (await store.updateCase(caseId, (r) => { r.publicCode ??= newPublicCode(); return []; })).record;
    const made: Array<{ doc: CaseDocument; bytes: Buffer }> = [];
    for (const due of missing) made.push(await render(c, due, [...(c.documents ?? []), ...made.map((m) => m.doc)]));
    let kept: CaseDocument[] = [];
    const { record } = await store.updateCase(caseId, (r) => {
      kept = made.map((m) => m.doc).filter((d) => !(r.documents ?? []).some((x) => x.slot === d.slot && !x.copy));
      r.documents = [...(r.documents ?? []), ...kept];
      if (kept.length > 0) r.updatedAt = deps.now().toISOString();
      return kept.map((d) => issuedEvent(d, 'system'));
    }, { blobs: () => made.filter((m) => kept.includes(m.doc)).map((m) => ({ name: m.doc.id, bytes: m.bytes })) });
    if (kept.length > 0) log.info({ caseId, documents: kept.map((d) => d.type) }, 'documents issued');
    return record.documents ?? [];
  }

  /** a numbered copy of a case's original document, rendered from its verified facts */
  async function renderReprint(c: CaseRecord, documentId: string, printedBy: { username: string }): Promise<{ doc: CaseDocument; bytes: Buffer }> {
    const asked = (c.documents ?? []).find((d) => d.id === documentId);
    if (!asked) throw new GatewayError('DOCUMENT_NOT_FOUND', `办件 ${c.caseNo} 没有编号为 ${documentId} 的文书`);
    const original = asked.copy ? (c.documents ?? []).find((d) => d.id === asked.copy!.originalId) ?? asked : asked;
    const verdict = verifyDocument(await store.getBlob(c.id, original.id), keys);
    if (!verdict.genuine || !verdict.facts) {
      throw new GatewayError('DOCUMENT_INTEGRITY_FAILED', `存档的${original.title}（${original.id}）校验不通过：${verdict.reasonText ?? ''}`);
    }
    const reprintNo = (c.documents ?? []).filter((d) => d.copy?.originalId === original.id).length + 1;
    const printedAt = deps.now().toISOString();
    const id = randomUUID();
    const { bytes, pages } = await renderer.render(asReprint(verdict.facts, id, reprintNo, printedAt));
    const doc: CaseDocument = {
      id, type: original.type, slot: original.slot, title: `${original.title}（副本）`, fileName: fileNameOf(original.type, c.caseNo, reprintNo),
      size: bytes.length, sha256: sha256(bytes), pages, keyId: signingKey.keyId, issuedAt: original.issuedAt,
      copy: { originalId: original.id, reprintNo, printedAt, printedBy: printedBy.username },
    };
    return { doc, bytes };
  }

  const service: DocumentService = {
    publicKey: publicKeyOf(signingKey.publicKey),

    ensure: (caseId, only) => ensureNow(caseId, only),

    schedule(caseId) {
      const p = service.ensure(caseId)
        .catch((err: unknown) => log.error({ err, caseId }, 'issuing documents failed; they are made when next asked for'))
        .finally(() => scheduled.delete(p));
      scheduled.add(p);
    },

    async forHandoff(caseId, step) {
      // a report of our decision on an inbound case carries that decision's document
      if (step.startsWith('report-')) {
        const slot = reportSlot(step);
        const docs = await service.ensure(caseId, (s) => s === slot);
        return docs.filter((d) => d.slot === slot && !d.copy);
      }
      const wanted = new Set(['receipt', `transfer:${step}`]);
      const docs = await service.ensure(caseId, (slot) => wanted.has(slot));
      return ['receipt', `transfer:${step}`].map((slot) => docs.find((d) => d.slot === slot && !d.copy)).filter((d): d is CaseDocument => Boolean(d));
    },

    async reprint(caseId, documentId, printedBy) {
      // the copy's number is printed on it: rendered for the next number, written only if that is still
      // the next one when the transaction looks; a reprint that got there first means rendering again
      for (let attempt = 1; ; attempt++) {
        const made = await renderReprint(await load(caseId), documentId, printedBy);
        try {
          await store.updateCase(caseId, (r) => {
            const copies = (r.documents ?? []).filter((d) => d.copy?.originalId === made.doc.copy!.originalId).length;
            if (copies + 1 !== made.doc.copy!.reprintNo) throw new ReprintRaced();
            r.documents = [...(r.documents ?? []), made.doc];
            r.updatedAt = made.doc.copy!.printedAt;
            return [{
              at: made.doc.copy!.printedAt, actor: `clerk:${printedBy.username}`, type: 'document.reprinted',
              data: { documentId: made.doc.id, originalId: made.doc.copy!.originalId, documentType: made.doc.type, reprintNo: made.doc.copy!.reprintNo, sha256: made.doc.sha256, size: made.doc.size, printedBy: printedBy.displayName },
            }];
          }, { blobs: () => [{ name: made.doc.id, bytes: made.bytes }] });
          return { document: made.doc, bytes: made.bytes };
        } catch (err) {
          if (!(err instanceof ReprintRaced) || attempt >= REPRINT_ATTEMPTS) throw err instanceof ReprintRaced ? new GatewayError('CONCURRENT_UPDATE', '同一文书正在被补打，请稍后重试') : err;
        }
      }
    },

    verify: (bytes) => verifyDocument(bytes, keys),

    async idle() {
      while (scheduled.size > 0) await Promise.allSettled([...scheduled]);
    },

    async close() {
      await service.idle();
      await renderer.close();
    },
  };
  return service;
}
