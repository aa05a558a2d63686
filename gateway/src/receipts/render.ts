// One signed PDF from its facts: the frame every document shares, the kind's own content, the facts
// and the signature written into the file.
import { PDFDocument } from 'pdf-lib';
import type { DocumentType } from '../domain/case.js';
import { DOCUMENT_TITLES, type AnyFacts, type DocumentFacts } from './facts.js';
import { embedCjkFont, type FontOptions } from './font.js';
import { continuationHeading, copyNote, firstHeading, footers, verifyBox } from './frame.js';
import type { SigningKey } from './keys.js';
import { Sheet } from './layout.js';
import { addSignatureDictionary, saveSigned } from './sign.js';
import { drawAcceptanceNotice } from './kinds/acceptanceNotice.js';
import { drawAcceptanceReceipt } from './kinds/acceptanceReceipt.js';
import { drawRejectionNotice } from './kinds/rejectionNotice.js';
import { drawCompletionNotice } from './kinds/completionNotice.js';
import { drawDeliveryReceipt } from './kinds/deliveryReceipt.js';
import { drawSupplementNotice } from './kinds/supplementNotice.js';
import { drawTransferSheet } from './kinds/transferSheet.js';

type Drawers = { [K in DocumentType]: (sheet: Sheet, facts: DocumentFacts<K>) => void };
const DRAW: Drawers = {
  acceptance_receipt: drawAcceptanceReceipt,
  transfer_sheet: drawTransferSheet,
  supplement_notice: drawSupplementNotice,
  completion_notice: drawCompletionNotice,
  delivery_receipt: drawDeliveryReceipt,
  acceptance_notice: drawAcceptanceNotice,
  rejection_notice: drawRejectionNotice,
};

export interface Rendered {
  bytes: Buffer;
  pages: number;
}

export async function renderDocument(facts: AnyFacts, key: SigningKey, opts: FontOptions = {}): Promise<Rendered> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const title = `${DOCUMENT_TITLES[facts.documentType]}${facts.copy ? '（副本）' : ''} ${facts.caseNo}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(`${facts.itemName} · ${facts.acceptRegion.name} → ${facts.handlingRegion.name}`);
  doc.setAuthor(facts.issuer.window);
  doc.setCreator('跨域通办网关');
  doc.setProducer('kytb-gateway (pdf-lib)');
  doc.setLanguage('zh-CN');
  const issued = new Date(facts.printedAt ?? facts.issuedAt);
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);

  const fonts = { regular: await embedCjkFont(doc, 'regular', opts), bold: await embedCjkFont(doc, 'bold', opts) };
  const sheet = new Sheet(doc, fonts, continuationHeading(facts));
  firstHeading(sheet, facts);
  copyNote(sheet, facts);
  (DRAW[facts.documentType] as (s: Sheet, f: AnyFacts) => void)(sheet, facts);
  verifyBox(sheet, facts, key.keyId);
  footers(sheet, facts);
  sheet.finish();

  addSignatureDictionary(doc, facts, key.keyId);
  return { bytes: await saveSigned(doc, key), pages: sheet.pages.length };
}
