// What the core sees of the documents (受理回执 …): the one service the handoff worker, the use cases
// and the routes call. Implemented in service.ts; kept apart so that deps.ts imports no implementation.
import type { CaseDocument } from '../domain/case.js';
import type { PublicSigningKey } from './keys.js';
import type { Verdict } from './verify.js';

export interface DocumentService {
  /** the gateway's public signing key, as published */
  readonly publicKey: PublicSigningKey;
  /**
   * Renders and stores every document the case's state calls for that it does not have yet (or only
   * those whose slot `only` accepts), in one transaction with their blobs and document.issued events.
   * Idempotent: of callers racing for a document the first one's is kept; returns the case's documents.
   */
  ensure(caseId: string, only?: (slot: string) => boolean): Promise<CaseDocument[]>;
  /** ensure(), soon, off the caller's path (after a status change a partner reported) */
  schedule(caseId: string): void;
  /**
   * What travels with a handoff step besides the materials, the 受理回执 and the step's 材料流转单 (for
   * the report of a decision on an inbound case, 'report-…', that decision's own document):
   * rendered and stored unless the case has them already. The render step of the outbox calls it
   * (handoff/renderDocuments.ts); the delivery itself only reads them off the case.
   */
  forHandoff(caseId: string, step: string): Promise<CaseDocument[]>;
  /** a 副本 of one of the case's documents, rendered from the stored original's signed facts */
  reprint(caseId: string, documentId: string, printedBy: { username: string; displayName: string }): Promise<{ document: CaseDocument; bytes: Buffer }>;
  /** is this PDF one of ours, unaltered? */
  verify(bytes: Uint8Array): Verdict;
  /** resolves when no scheduled work is left (graceful stop, tests) */
  idle(): Promise<void>;
  /** idle(), then the render threads stop (graceful stop) */
  close(): Promise<void>;
}
