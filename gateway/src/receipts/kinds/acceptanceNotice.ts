// 受理通知书: we (办理地) accept an application a partner region received for us, and state by when it
// will be decided (承诺办结时间, in working days).
import type { DocumentFacts } from '../facts.js';
import { MUTED, type Sheet } from '../layout.js';
import { cnDate, cnDateTime } from '../text.js';

export function drawAcceptanceNotice(sheet: Sheet, f: DocumentFacts<'acceptance_notice'>): void {
  const b = f.body;
  sheet.text(`${b.applicant.name}：`, { size: 11 });
  sheet.gap(4);
  sheet.text(`\u3000\u3000您在${f.acceptRegion.name}申请的「${f.itemName}」（收件地办件编号 ${b.inbound.partnerCaseNo}），申请材料齐全、符合法定形式，本机关决定予以受理。`, { size: 11 });
  sheet.gap(8);
  sheet.fields([
    ['申请人', b.applicant.name],
    [b.applicant.idTypeLabel, b.applicant.idNumberMasked],
    ['受理机关', `${b.inbound.department}（${f.handlingRegion.name}）`],
    ['受理时间', cnDateTime(b.acceptedAt)],
    ['承诺办结时间', `${cnDate(b.promisedAt)}（${b.promisedDays}个工作日）`],
    ['结果送达方式', b.delivery],
    ['受理人', b.inbound.clerkName],
  ], 100);
  sheet.gap(8);
  sheet.table(
    [{ title: '序号', width: 36, align: 'center' }, { title: '已收材料', width: 463.28 }],
    b.materials.map((m, i) => [String(i + 1), `${m.name}（${m.fileName}，${m.pages} 页）`]),
    { size: 10 },
  );
  sheet.gap(10);
  sheet.text('承诺办结时间按工作日计算，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在内。', { size: 9, color: MUTED });
}
