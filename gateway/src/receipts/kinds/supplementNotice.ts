// 补齐补正通知书: what the partner says is missing, for the applicant.
import type { DocumentFacts } from '../facts.js';
import { MUTED, type Sheet } from '../layout.js';
import { cnDateTime } from '../text.js';

export function drawSupplementNotice(sheet: Sheet, f: DocumentFacts<'supplement_notice'>): void {
  const b = f.body;
  sheet.text(`${b.applicantName}：`, { size: 11 });
  sheet.gap(4);
  sheet.text(b.inbound
    ? `\u3000\u3000您在${f.acceptRegion.name}申请的「${f.itemName}」（收件地办件编号 ${b.inbound.partnerCaseNo}），经本机关（${b.inbound.department}）审查，申请材料不齐全或者不符合法定形式，现一次性告知需补齐补正以下材料（第 ${b.round} 次补正）：`
    : `\u3000\u3000您于本窗口申请的「${f.itemName}」（办件编号 ${f.caseNo}），经办理地${f.handlingRegion.name}审查，于 ${cnDateTime(b.requestedAt)} 告知需补齐补正以下材料（第 ${b.round} 次补正）：`, { size: 11 });
  sheet.gap(8);
  sheet.table(
    [{ title: '序号', width: 36, align: 'center' }, { title: '需补齐补正的材料及要求', width: 463.28 }],
    b.missing.length > 0 ? b.missing.map((m, i) => [String(i + 1), m]) : [['—', '办理地未列明具体材料，请咨询窗口']],
    { size: 10.5 },
  );
  if (b.note) {
    sheet.gap(6);
    sheet.text(`${b.inbound ? '补正理由' : '办理地说明'}：${b.note}`, { size: 10 });
  }
  sheet.gap(10);
  for (const line of b.inbound ? [
    `一、请通过收件地窗口提交上列材料；材料补齐后本机关将依法作出是否受理的决定（《中华人民共和国行政许可法》第三十二条）。`,
    `二、告知人：${b.inbound.clerkName}（${b.inbound.department}），告知时间：${cnDateTime(b.requestedAt)}。`,
  ] : [
    '一、请携带上列材料及本通知书到本窗口办理补正；材料齐全后，本窗口将重新转递，承诺办结时间自材料补齐之日起重新计算。',
    '二、逾期未补正的，办理地可依法作出不予受理或终止办理的决定。如有疑问，请凭办件编号咨询本窗口。',
  ]) sheet.text(line, { size: 9, color: MUTED });
}
