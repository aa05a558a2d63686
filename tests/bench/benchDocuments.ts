// What the benches render: the sample facts of a document kind for a new case each time (its own
// 办件编号 and status link, so its own QR code, as at a window), and pdf-lib's own minimum document.
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { DocumentType } from '../../gateway/src/domain/case.js';
import type { AnyFacts } from '../../gateway/src/receipts/facts.js';
import { SAMPLE_FACTS } from '../unit/receipts/sampleFacts.js';

/** the sample facts of `type`, for the i-th case of a run */
export function factsForCase(type: DocumentType, i: number): AnyFacts {
  const f = SAMPLE_FACTS[type];
  const caseNo = `330681-20261122-B${String(i + 1_000_000).slice(-7)}`;
  return { ...f, documentId: randomUUID(), caseNo, links: { ...f.links, status: f.links.status.replace(f.caseNo, caseNo) } };
}

/** the baseline: an empty pdf-lib document (create, one A4 page, save) */
export async function emptyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  return doc.save();
}
