// 受理回执 / 收件凭证: what the applicant takes home from the window.
import type { DocumentFacts } from '../facts.js';
import { CONTENT_WIDTH, MUTED, type Sheet } from '../layout.js';
import { byteSize, cnDate, cnDateTime, groupedHash } from '../text.js';

export function drawAcceptanceReceipt(sheet: Sheet, f: DocumentFacts<'acceptance_receipt'>): void {
  const b = f.body;
  const a = b.applicant;
  sheet.grid([
    { label: '事项名称', value: f.itemName, wide: true },
    { label: '事项编码', value: f.itemCode },
    { label: '查询码', value: b.publicCode },
    { label: a.kind === 'organization' ? '申请单位' : '申请人', value: a.agentName ? `${a.name}（经办人：${a.agentName}）` : a.name },
    { label: '联系电话', value: a.phoneMasked },
    { label: '证件', value: `${a.idTypeLabel}\u3000${a.idNumberMasked}`, wide: true },
    { label: '收件窗口', value: f.issuer.window },
    { label: '收件人员', value: b.clerkName },
    { label: '收件时间', value: cnDateTime(b.receivedAt) },
    { label: '结果送达', value: b.delivery },
    { label: '办理地', value: `${f.handlingRegion.name}（${f.handlingRegion.code}），由办理地依法作出决定`, wide: true },
    { label: '承诺办结时间', value: `${cnDate(b.promisedAt)}（${b.promisedDays} 个工作日）`, wide: true },
  ]);
  sheet.gap(14);
  sheet.text(`收取材料清单（共 ${b.materials.length} 件，${b.materials.reduce((n, m) => n + m.pages, 0)} 页）`, { size: 11, bold: true });
  sheet.gap(4);
  const hashWidth = CONTENT_WIDTH - 30 - 140 - 34 - 52;
  sheet.table(
    [
      { title: '序号', width: 30, align: 'center' },
      { title: '材料名称 / 文件', width: 140 },
      { title: '页数', width: 34, align: 'center' },
      { title: '大小', width: 52, align: 'right' },
      { title: 'SHA-256 摘要', width: hashWidth, size: 7.5 },
    ],
    b.materials.map((m, i) => [String(i + 1), `${m.name}\n${m.fileName}`, String(m.pages), byteSize(m.size), groupedHash(m.sha256)]),
  );
  sheet.gap(10);
  sheet.text('说明', { size: 10, bold: true });
  for (const line of [
    `一、本回执证明本窗口已收到上列材料（以 SHA-256 摘要标识）。材料随办件转递至${f.handlingRegion.name}，由办理地依法审查并作出决定，不改变原有办理事权。`,
    '二、办理地要求补齐补正的，本窗口将出具补齐补正通知书；承诺办结时间自材料补齐之日起重新计算。',
    '三、扫描右上角二维码，凭办件编号和查询码可查询办理进度。请妥善保管本回执，领取结果时出示。',
  ]) sheet.text(line, { size: 9, color: MUTED }, 0);
  sheet.gap(16);
  sheet.room(20);
  sheet.draw('申请人（签字）：____________________', 48, sheet.y - 12, { size: 10 });
  sheet.draw('收件人员（签字）：____________________', 310, sheet.y - 12, { size: 10 });
  sheet.gap(20);
}
