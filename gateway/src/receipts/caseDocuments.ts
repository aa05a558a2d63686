// The clerk's use cases on a case's documents: list, download (audited), reprint as a 副本 (audited).
// Who may list, download and reprint is decided in one place (auth/permissions.ts).
import type { Clerk } from '../auth/tokens.js';
import { loadCaseFor } from '../cases/load.js';
import type { Core } from '../deps.js';
import type { CaseDocument, CaseRecord, DocumentType } from '../domain/case.js';
import { GatewayError } from '../errors.js';
import { DOCUMENT_TITLES } from './facts.js';
import { toDocumentList, toDocumentView, toPartnerResultView } from './views.js';

const isType = (s: string): s is DocumentType => Object.hasOwn(DOCUMENT_TITLES, s);

/** documents the case's state calls for but that are not made yet are made now */
export async function listCaseDocuments(core: Core, clerk: Clerk, caseId: string) {
  const c = await loadCaseFor(core, clerk, 'document.download', caseId);
  // a document that cannot be made now (a bug, a full disk) must not hide the ones that exist
  const docs = await core.documents.ensure(c.id).catch((err: unknown) => {
    core.logger.error({ err, caseId: c.id }, 'making the documents the case calls for failed; listing those it has');
    return c.documents ?? [];
  });
  return toDocumentList(c, docs);
}

export interface Download { fileName: string; mediaType: string; bytes: Buffer; view: ReturnType<typeof toDocumentView> | NonNullable<ReturnType<typeof toPartnerResultView>> }

/** `documentId` is a document's id, the partner result's id, or a document type (its latest original) */
export async function downloadCaseDocument(core: Core, clerk: Clerk, caseId: string, documentId: string): Promise<Download> {
  const c = await loadCaseFor(core, clerk, 'document.download', caseId);
  const found = await resolve(core, c, documentId);
  const bytes = await core.store.getBlob(c.id, found.id);
  // evidence of who took a copy of what; the case itself does not change (updatedAt stays)
  await core.store.updateCase(c.id, () => {
    return [{ at: core.now().toISOString(), actor: `clerk:${clerk.username}`, type: 'document.downloaded', data: { documentId: found.id, documentType: found.type, sha256: found.sha256 } }];
  });
  return { fileName: found.fileName, mediaType: found.mediaType, bytes, view: found };
}

export async function reprintCaseDocument(core: Core, clerk: Clerk, caseId: string, documentId: string) {
  const c = await loadCaseFor(core, clerk, 'document.reprint', caseId);
  const found = await resolve(core, c, documentId);
  if (found.source === 'partner') throw new GatewayError('DOCUMENT_NOT_REPRINTABLE', `「${found.title}」由办理地出具，本窗口只能下载原件`);
  const { document, bytes } = await core.documents.reprint(c.id, found.id, { username: clerk.username, displayName: clerk.displayName });
  return { view: toDocumentView(c.id, document), bytes };
}

async function resolve(core: Core, c: CaseRecord, documentId: string) {
  const partner = toPartnerResultView(c);
  if (partner && partner.id === documentId) return partner;
  let docs = c.documents ?? [];
  const pick = (d: CaseDocument[]) => (isType(documentId) ? d.filter((x) => x.type === documentId && !x.copy).at(-1) : d.find((x) => x.id === documentId));
  let doc = pick(docs);
  // a document the case's state calls for may not be made yet: make it now
  if (!doc && isType(documentId)) {
    docs = await core.documents.ensure(c.id);
    doc = pick(docs);
  }
  if (!doc) throw new GatewayError('DOCUMENT_NOT_FOUND', `办件 ${c.caseNo} 没有${isType(documentId) ? DOCUMENT_TITLES[documentId] : `编号为 ${documentId} 的文书`}`);
  return toDocumentView(c.id, doc);
}
