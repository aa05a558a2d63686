// 材料流转单: what travels to the partner in one handoff step, for the partner to check on arrival.
import type { DocumentFacts } from '../facts.js';
import { CONTENT_WIDTH, MUTED, type Sheet } from '../layout.js';
import { byteSize, groupedHash } from '../text.js';

const STEP_WORDS = (step: string): string => (step === 'submit' ? '首次转递' : step.replace(/^supplement-(\d+)$/, '第 $1 次补正转递'));

export function drawTransferSheet(sheet: Sheet, f: DocumentFacts<'transfer_sheet'>): void {
  const b = f.body;
  sheet.fields([
    ['事项', `${f.itemName}（${f.itemCode}）`],
    ['移出（收件地）', `${f.acceptRegion.name}（${f.acceptRegion.code}）\u3000${f.issuer.window}`],
    ['移入（办理地）', `${f.handlingRegion.name}（${f.handlingRegion.code}）`],
    ['转递环节', STEP_WORDS(b.step)],
    ['经办人', b.clerkName],
    ['转递标识', b.idempotencyKey],
    ['随件文件', `共 ${b.items.length} 件，合计 ${byteSize(b.totalBytes)}`],
  ], 100);
  sheet.gap(14);
  sheet.text('随件文件清单', { size: 11, bold: true });
  sheet.gap(4);
  const hashWidth = CONTENT_WIDTH - 30 - 176 - 30 - 56;
  sheet.table(
    [
      { title: '序号', width: 30, align: 'center' },
      { title: '名称 / 文件 / 编码', width: 176, size: 9 },
      { title: '页数', width: 30, align: 'center' },
      { title: '字节数', width: 56, align: 'right' },
      { title: 'SHA-256 摘要（到达后请逐件核对）', width: hashWidth, size: 7.5 },
    ],
    b.items.map((m, i) => [String(i + 1), `${m.name}\n${m.fileName}\n${m.code}`, String(m.pages), String(m.size), groupedHash(m.sha256)]),
  );
  sheet.gap(10);
  for (const line of [
    '一、办理地收到文件后，请重新计算每个文件的 SHA-256 摘要与字节数，并与本单逐件核对；不一致的，请拒收并告知收件地，不得据以作出决定。',
    '二、本单随同受理回执一并转递，受理回执记载的材料摘要应与本单一致。',
  ]) sheet.text(line, { size: 9, color: MUTED });
  sheet.gap(16);
  sheet.room(20);
  sheet.draw('移出经办人：____________________', 48, sheet.y - 12, { size: 10 });
  sheet.draw('接收人（办理地）：____________________', 300, sheet.y - 12, { size: 10 });
  sheet.gap(20);
}
