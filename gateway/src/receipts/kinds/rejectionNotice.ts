// 不予受理通知书: we (办理地) do not accept the application; the reason, its legal basis, and the
// applicant's remedies (《中华人民共和国行政许可法》第三十二条: 不予受理的，应当出具书面凭证并告知申请人享有依法
// 申请行政复议或者提起行政诉讼的权利).
import type { DocumentFacts } from '../facts.js';
import { MUTED, type Sheet } from '../layout.js';
import { cnDateTime } from '../text.js';

export function drawRejectionNotice(sheet: Sheet, f: DocumentFacts<'rejection_notice'>): void {
  const b = f.body;
  sheet.text(`${b.applicantName}：`, { size: 11 });
  sheet.gap(4);
  sheet.text(`\u3000\u3000您在${f.acceptRegion.name}申请的「${f.itemName}」（收件地办件编号 ${b.inbound.partnerCaseNo}），经本机关审查，决定不予受理。`, { size: 11 });
  sheet.gap(8);
  sheet.fields([
    ['不予受理理由', b.reason],
    ['法律依据', b.legalBasis],
    ['决定机关', `${b.inbound.department}（${f.handlingRegion.name}）`],
    ['决定时间', cnDateTime(b.rejectedAt)],
    ['经办人', b.inbound.clerkName],
  ], 100);
  sheet.gap(10);
  sheet.text(`\u3000\u3000如不服本决定，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。`, { size: 10.5 });
  sheet.gap(8);
  sheet.text('本通知书由办理地出具，经收件地窗口送达申请人。', { size: 9, color: MUTED });
}
