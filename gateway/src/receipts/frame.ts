// What every document has around its own content: the heading with 办件编号 and the QR code to the
// case's status page, the 副本 stamp of a reprint, how to check it is genuine, and the page footers.
import type { PDFPage } from 'pdf-lib';
import { DOCUMENT_TITLES, type AnyFacts } from './facts.js';
import { A4, CONTENT_WIDTH, MARGIN, MUTED, RULE, SEAL_RED, type Sheet } from './layout.js';
import { drawQr } from './qr.js';
import { cnDateTime } from './text.js';

const QR_SIZE = 84;
const cos = (deg: number): number => Math.cos((deg * Math.PI) / 180);
const sin = (deg: number): number => Math.sin((deg * Math.PI) / 180);
/** the cm matrix that turns by `deg` about (x, y) and moves the origin there */
const rotation = (deg: number, x: number, y: number): number[] => [cos(deg), sin(deg), -sin(deg), cos(deg), x, y];

export function firstHeading(sheet: Sheet, facts: AnyFacts): void {
  const top = A4.height - MARGIN.top;
  sheet.draw(`${facts.acceptRegion.name} · 跨域通办`, MARGIN.left, top - 10, { size: 9, color: MUTED });
  drawQr(sheet.on(), facts.links.status, { x: A4.width - MARGIN.right - QR_SIZE, y: top - QR_SIZE, size: QR_SIZE });
  const caption = '扫码查询办理进度';
  sheet.draw(caption, A4.width - MARGIN.right - QR_SIZE / 2 - sheet.width(caption, 7.5) / 2, top - QR_SIZE - 10, { size: 7.5, color: MUTED });
  sheet.y = top - 26;
  sheet.centered(DOCUMENT_TITLES[facts.documentType], { size: 20, bold: true });
  sheet.gap(4);
  sheet.centered(`办件编号：${facts.caseNo}`, { size: 11 });
  sheet.y = Math.min(sheet.y, top - QR_SIZE - 16);
  rule(sheet, sheet.page, sheet.y);
  sheet.gap(10);
  if (facts.copy) copyStamp(sheet.page, sheet);
}

/** the heading of a continuation page; returns the y below it */
export function continuationHeading(facts: AnyFacts) {
  return (page: PDFPage, sheet: Sheet): number => {
    const y = A4.height - MARGIN.top - 10;
    sheet.draw(`${DOCUMENT_TITLES[facts.documentType]}（续）  办件编号：${facts.caseNo}`, MARGIN.left, y, { size: 9, color: MUTED }, page);
    rule(sheet, page, y - 8);
    if (facts.copy) copyStamp(page, sheet);
    return y - 18;
  };
}

function rule(sheet: Sheet, page: PDFPage, y: number): void {
  sheet.on(page).line({ x: MARGIN.left, y }, { x: A4.width - MARGIN.right, y }, RULE, 0.8);
}

/** a red 副本 stamp on every page of a reprint: it must never pass for the original */
function copyStamp(page: PDFPage, sheet: Sheet): void {
  const x = MARGIN.left + 4;
  const y = A4.height - MARGIN.top - 64;
  const turn = 8;
  sheet.on(page).rects([{ x: 0, y: 0, width: 104, height: 34 }], { stroke: SEAL_RED, lineWidth: 2 }, rotation(turn, x, y));
  sheet.on(page).show('副本 COPY', { x: x + 12 * cos(turn) - 10 * sin(turn), y: y + 12 * sin(turn) + 10 * cos(turn), degrees: turn }, sheet.fonts.bold, 15, SEAL_RED);
}

/** the line under the heading of a reprint: which reprint, of what, when */
export function copyNote(sheet: Sheet, facts: AnyFacts): void {
  if (!facts.copy) return;
  sheet.text(`本件为副本：第 ${facts.reprintNo} 次补打，打印时间 ${cnDateTime(facts.printedAt ?? facts.issuedAt)}；原件出具时间 ${cnDateTime(facts.issuedAt)}，原件编号 ${facts.originalId ?? '—'}。`, { size: 9, color: SEAL_RED });
  sheet.gap(6);
}

export function verifyBox(sheet: Sheet, facts: AnyFacts, keyId: string): void {
  sheet.gap(10);
  sheet.box('如何核验本文书的真伪', [
    `本文书由跨域通办网关以电子签名（Ed25519，密钥标识 ${keyId}）签署，签名覆盖整个 PDF 文件及其中记载的办件信息，文件的任何改动都会使核验失败。`,
    `一、在线核验：打开 ${facts.links.verify} ，上传本文书的 PDF 文件。`,
    '二、离线核验：在网关项目目录运行 npm run verify-receipt -- <文件.pdf>。',
    `三、网关公钥：${facts.links.keys}；纸质件请扫描右上角二维码，核对办件编号与办理进度。`,
  ], 8.5);
}

export function footers(sheet: Sheet, facts: AnyFacts): void {
  const n = sheet.pages.length;
  const small = { size: 7.5, color: MUTED };
  sheet.pages.forEach((page, i) => {
    const y = MARGIN.bottom - 28;
    sheet.on(page).line({ x: MARGIN.left, y: y + 12 }, { x: MARGIN.left + CONTENT_WIDTH, y: y + 12 }, RULE, 0.5);
    const left = `出具单位：${facts.issuer.window}\u3000出具时间：${cnDateTime(facts.issuedAt)}${facts.copy ? `\u3000副本（第 ${facts.reprintNo} 次打印）` : ''}`;
    sheet.draw(left, MARGIN.left, y, small, page);
    const right = `第 ${i + 1} 页 共 ${n} 页`;
    sheet.draw(right, A4.width - MARGIN.right - sheet.width(right, 7.5), y, small, page);
    sheet.draw(`文书编号 ${facts.documentId}`, MARGIN.left, y - 11, { size: 7, color: MUTED }, page);
  });
}
