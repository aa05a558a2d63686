// The documents of cases: rendered when the case's state calls for them, stored as blobs of the case
// with their SHA-256, listed in the case record and written to its audit trail (document.issued).
// Work on one case's documents is serialised, so a document is made once however many callers
// (handoff worker, status change, a clerk's download) ask for it at the same time.
import { createHash, randomUUID } from 'node:crypto';
import type { CaseDocument, CaseRecord } from '../domain/case.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../log.js';
import type { NewEvent, Store } from '../store/types.js';
import { DOCUMENT_TITLES, asReprint } from './facts.js';
import { dueDocuments, fileNameOf, type DueDocument } from './factsFromCase.js';
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
  signingKey: SigningKey;
  /** worker threads that render (0: on the event loop) */
  renderThreads: number;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export function createDocumentService(deps: DocumentServiceDeps): DocumentService {
  const { store, logger, signingKey } = deps;
  const log = logger.child({ module: 'receipts' });
  const keys: Keyring = new Map([[signingKey.keyId, signingKey.publicKey]]);
  const chains = new Map<string, Promise<unknown>>();
  const scheduled = new Set<Promise<unknown>>();
  const renderer = createRenderer(signingKey, deps.renderThreads);
  // read and parse the fonts now, not during the first handoff (render threads read their own)
  if (deps.renderThreads === 0) warmFonts();

  /** one piece of work on a case's documents at a time */
  function serial<T>(caseId: string, work: () => Promise<T>): Promise<T> {
    const run = (chains.get(caseId) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    chains.set(caseId, tail);
    void tail.then(() => { if (chains.get(caseId) === tail) chains.delete(caseId); });
    return run;
  }

  async function load(caseId: string): Promise<CaseRecord> {
    const c = await store.getCase(caseId);
    if (!c) throw new GatewayError('CASE_NOT_FOUND', `办件 ${caseId} 不存在`);
    return c;
  }

  async function render(c: CaseRecord, due: DueDocument, documents: CaseDocument[]): Promise<{ doc: CaseDocument; bytes: Buffer }> {
    const issuedAt = deps.now().toISOString();
    const id = randomUUID();
    const facts = due.facts(c, { documentId: id, issuedAt, publicBaseUrl: deps.publicBaseUrl, documents, events: due.type === 'delivery_receipt' ? await store.events(c.id) : [] });
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
    const missing = dueDocuments(c).filter((d) => !has(d.slot) && (!only || only(d.slot)));
    if (missing.length === 0) return c.documents ?? [];
    if (!c.publicCode) c = (await store.updateCase(caseId, (r) => { r.publicCode ??= newPublicCode(); return []; })).record;
    const made: CaseDocument[] = [];
    for (const due of missing) {
      const { doc, bytes } = await render(c, due, [...(c.documents ?? []), ...made]);
      // durable before the case points at it; an orphan blob after a crash is harmless
      await store.putBlob(caseId, doc.id, bytes);
      made.push(doc);
    }
    const { record } = await store.updateCase(caseId, (r) => {
      const fresh = made.filter((d) => !(r.documents ?? []).some((x) => x.slot === d.slot && !x.copy));
      r.documents = [...(r.documents ?? []), ...fresh];
      if (fresh.length > 0) r.updatedAt = deps.now().toISOString();
      return fresh.map((d) => issuedEvent(d, 'system'));
    });
    log.info({ caseId, documents: made.map((d) => d.type) }, 'documents issued');
    return record.documents ?? [];
  }

  const service: DocumentService = {
    publicKey: publicKeyOf(signingKey.publicKey),

    ensure: (caseId, only) => serial(caseId, () => ensureNow(caseId, only)),

    schedule(caseId) {
      const p = service.ensure(caseId)
        .catch((err: unknown) => log.error({ err, caseId }, 'issuing documents failed; they are made when next asked for'))
        .finally(() => scheduled.delete(p));
      scheduled.add(p);
    },

    async forHandoff(caseId, step) {
      const wanted = new Set(['receipt', `transfer:${step}`]);
      const docs = await service.ensure(caseId, (slot) => wanted.has(slot));
      return ['receipt', `transfer:${step}`].map((slot) => docs.find((d) => d.slot === slot && !d.copy)).filter((d): d is CaseDocument => Boolean(d));
    },

    reprint: (caseId, documentId, printedBy) => serial(caseId, async () => {
      const c = await load(caseId);
      const asked = (c.documents ?? []).find((d) => d.id === documentId);
      if (!asked) throw new GatewayError('DOCUMENT_NOT_FOUND', `办件 ${c.caseNo} 没有编号为 ${documentId} 的文书`);
      const original = asked.copy ? (c.documents ?? []).find((d) => d.id === asked.copy!.originalId) ?? asked : asked;
      const verdict = verifyDocument(await store.getBlob(caseId, original.id), keys);
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
      await store.putBlob(caseId, id, bytes);
      await store.updateCase(caseId, (r) => {
        r.documents = [...(r.documents ?? []), doc];
        r.updatedAt = printedAt;
        return [{
          at: printedAt, actor: `clerk:${printedBy.username}`, type: 'document.reprinted',
          data: { documentId: id, originalId: original.id, documentType: doc.type, reprintNo, sha256: doc.sha256, size: doc.size, printedBy: printedBy.displayName },
        }];
      });
      return { document: doc, bytes };
    }),

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
