// 送达回执: the result has reached the applicant.
import type { DocumentFacts } from '../facts.js';
import { MUTED, type Sheet } from '../layout.js';
import { cnDateTime, DELIVERY_METHOD_WORDS } from '../text.js';

export function drawDeliveryReceipt(sheet: Sheet, f: DocumentFacts<'delivery_receipt'>): void {
  const b = f.body;
  const rows: Array<[string, string]> = [
    ['受送达人', b.applicantName],
    ['事项名称', f.itemName],
    ['送达文书 / 证照', b.documentName],
    ['证照编号', b.certificateNo ?? '—'],
    ['办理地', `${f.handlingRegion.name}（${f.handlingRegion.code}）`],
    ['送达方式', DELIVERY_METHOD_WORDS[b.method]],
  ];
  if (b.trackingNo) rows.push(['物流单号', b.trackingNo]);
  if (b.inbound) rows.push(['收件地办件编号', b.inbound.partnerCaseNo]);
  rows.push(['送达时间', cnDateTime(b.deliveredAt)], ['送达人', `${b.clerkName}（${f.issuer.window}）`]);
  sheet.fields(rows, 100);
  sheet.gap(10);
  sheet.text(b.method === 'post'
    ? '一、结果已交邮政寄递，以物流签收记录为送达凭证。'
    : b.method === 'electronic'
      ? '一、结果已以电子文书方式送达，以系统送达记录为凭证。'
      : '一、结果已在本窗口当面交付，请受送达人核对无误后签收。', { size: 9, color: MUTED });
  sheet.gap(18);
  sheet.room(20);
  sheet.draw('受送达人（签收）：____________________', 48, sheet.y - 12, { size: 10 });
  sheet.draw('签收日期：______年____月____日', 330, sheet.y - 12, { size: 10 });
  sheet.gap(20);
}
