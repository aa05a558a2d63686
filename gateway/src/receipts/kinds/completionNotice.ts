// 办结通知: the partner has decided; what the result is and how it reaches the applicant.
import type { DocumentFacts } from '../facts.js';
import { MUTED, type Sheet } from '../layout.js';
import { byteSize, cnDateTime, groupedHash } from '../text.js';

export function drawCompletionNotice(sheet: Sheet, f: DocumentFacts<'completion_notice'>): void {
  const b = f.body;
  sheet.text(`${b.applicantName}：`, { size: 11 });
  sheet.gap(4);
  sheet.text(b.inbound
    ? `\u3000\u3000您在${f.acceptRegion.name}申请的「${f.itemName}」（收件地办件编号 ${b.inbound.partnerCaseNo}），已由本机关（${b.inbound.department}）于 ${cnDateTime(b.completedAt)} 办结。`
    : `\u3000\u3000您于本窗口申请的「${f.itemName}」（办件编号 ${f.caseNo}），已由办理地${f.handlingRegion.name}于 ${cnDateTime(b.completedAt)} 办结。`, { size: 11 });
  sheet.gap(8);
  const rows: Array<[string, string]> = [
    ['结果文书 / 证照', b.documentName],
    ['证照编号', b.certificateNo ?? '—'],
    ['办结时间', cnDateTime(b.completedAt)],
    ['办理地', `${f.handlingRegion.name}（${f.handlingRegion.code}）`],
    ['送达方式', b.delivery],
  ];
  if (b.trackingNo) rows.push(['物流单号', b.trackingNo]);
  if (b.resultDocument) {
    rows.push(['电子结果文书', `${b.resultDocument.fileName}（${byteSize(b.resultDocument.size)}）`]);
    rows.push(['文书 SHA-256', groupedHash(b.resultDocument.sha256)]);
  }
  sheet.fields(rows, 100);
  sheet.gap(10);
  for (const line of b.inbound ? [
    '一、邮政寄递的，请留意查收并凭物流单号查询；网络送达的，电子结果文书随本通知发送至收件地。',
    '二、电子结果文书的 SHA-256 摘要载于本通知，可与您收到的文件核对。',
  ] : [
    '一、邮政寄递的，请留意查收并凭物流单号查询；窗口领取的，请携带身份证件及受理回执到本窗口领取。',
    '二、电子结果文书由办理地出具，本网关收到后保存其 SHA-256 摘要，可与您收到的文件核对。',
  ]) sheet.text(line, { size: 9, color: MUTED });
}
