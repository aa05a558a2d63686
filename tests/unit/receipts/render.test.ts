// Each document renders in Chinese, and every glyph is really drawn: the text reads back (pdftotext), and
// the page of the subset-embedded document looks the same as the page of the very same document
// embedding the whole font (a broken subset draws blank glyphs while its text still extracts).
import { describe, expect, test } from 'vitest';
import type { DocumentType } from '../../../gateway/src/domain/case.js';
import { asReprint, type AnyFacts } from '../../../gateway/src/receipts/facts.js';
import { generateSigningKey } from '../../../gateway/src/receipts/keys.js';
import { A4, MARGIN } from '../../../gateway/src/receipts/layout.js';
import { QR_QUIET_MODULES, qrModules } from '../../../gateway/src/receipts/qr.js';
import { renderDocument } from '../../../gateway/src/receipts/render.js';
import { darkShare, differingShare, keepPng, pdfPages, pdfText, renderGray, type Gray } from './pdfTools.js';
import { SAMPLE_FACTS } from './sampleFacts.js';

const key = generateSigningKey();
/** pixels (of 595 × 842 at 72 dpi) allowed to differ between the subset and the whole-font page: the
 *  two render identically when every glyph is there; two glyphs missing already differ in ~70 pixels */
const MAX_DIFFERING = 20;
const differingPixels = (a: Gray, b: Gray) => Math.round(differingShare(a, b) * a.data.length);
const flat = (s: string) => s.replace(/\s+/g, '');

const EXPECTED: Array<[DocumentType, string[]]> = [
  ['acceptance_receipt', ['受理回执（收件凭证）', '办件编号：330681-20261122-K7Q2M9XA', '个体工商户注销登记', '3306**********1233', '138****5678', '诸暨市行政服务中心跨域通办窗口', '王芳', '上海市徐汇区', '2026年11月28日（5个工作日）', '营业执照正副本', '6b86b273ff34fce1', '查询码', '7KQ2M9XAB3DF', '如何核验本文书的真伪', '/verify.html']],
  ['transfer_sheet', ['材料流转单', '移入（办理地）', '上海市徐汇区（310104）', '330681-20261122-K7Q2M9XA:310104:submit', '受理回执（收件凭证）', 'KYTB-SLHZ', '214532', '到达后请逐件核对']],
  ['supplement_notice', ['补齐补正通知书', '张三：', '清税证明（需加盖税务机关印章）', '第1次补正', '承诺办结时间自材料补齐之日起重新计算']],
  ['completion_notice', ['办结通知', '准予注销登记通知书', 'ZX-2026-0001', '物流单号', 'SF1234567890', '2026年11月26日16:00']],
  ['delivery_receipt', ['送达回执', '受送达人', '邮政寄递', 'EMS1122334455', '受送达人（签收）']],
  ['acceptance_notice', ['受理通知书', '马小花：', 'NX2026112200001', '予以受理', '6401**********123X', '诸暨市行政审批局', '2026年11月30日（5个工作日）', '孙伟']],
  ['rejection_notice', ['不予受理通知书', '不予受理理由', '不属于本机关职权范围', '法律依据', '第三十二条', '申请行政复议', '提起行政诉讼']],
];

async function subsetAndWhole(facts: AnyFacts) {
  const subset = await renderDocument(facts, key);
  const whole = await renderDocument(facts, key, { subset: false });
  return { subset, whole };
}

describe('documents render in Chinese with an embedded subset of Noto Sans SC', () => {
  test.each(EXPECTED)('%s: its text reads back, and its page is the whole-font page, glyph for glyph', async (type, expected) => {
    const { subset, whole } = await subsetAndWhole(SAMPLE_FACTS[type]);
    // the comparison means something only if one really embeds the whole font and the other a subset
    expect(whole.bytes.length).toBeGreaterThan(5_000_000);
    expect(subset.bytes.length).toBeLessThan(150_000);
    const text = flat(await pdfText(subset.bytes));
    for (const s of expected) expect(text).toContain(flat(s));

    const a = await renderGray(subset.bytes);
    const b = await renderGray(whole.bytes);
    expect(darkShare(a)).toBeGreaterThan(0.01);
    expect(differingPixels(a, b)).toBeLessThanOrEqual(MAX_DIFFERING);
    await keepPng(subset.bytes, type);
  }, 90_000);

  test('the comparison notices two missing glyphs (the name left blank on an otherwise equal page)', async () => {
    const f = SAMPLE_FACTS.acceptance_receipt as AnyFacts & { documentType: 'acceptance_receipt' };
    const blanked = { ...f, body: { ...f.body, applicant: { ...f.body.applicant, name: '　　' } } };
    const a = await renderGray((await renderDocument(f, key)).bytes);
    const b = await renderGray((await renderDocument(blanked, key)).bytes);
    expect(differingPixels(a, b)).toBeGreaterThan(MAX_DIFFERING);
  }, 30_000);

  test('a reprint says 副本 on its page, which reprint it is and of which original', async () => {
    const copy = asReprint(SAMPLE_FACTS.acceptance_receipt, '9d1c2b3a-0000-4000-8000-00000000c0de', 2, '2026-11-30T01:00:00.000Z');
    const { subset, whole } = await subsetAndWhole(copy);
    const text = flat(await pdfText(subset.bytes));
    expect(text).toContain(flat('本件为副本：第 2 次补打，打印时间 2026年11月30日 09:00'));
    expect(text).toContain(SAMPLE_FACTS.acceptance_receipt.documentId);
    expect(text).toContain(flat('副本（第 2 次打印）'));
    // the red 副本 COPY stamp (rotated, so pdftotext reads it out of order) is drawn at the top left
    const stamp = { x: 50, y: 70, w: 115, h: 45 };
    expect(darkShare(await renderGray(subset.bytes, { crop: stamp }), 160)).toBeGreaterThan(0.05);
    expect(darkShare(await renderGray((await renderDocument(SAMPLE_FACTS.acceptance_receipt, key)).bytes, { crop: stamp }), 160)).toBe(0);
    expect(differingPixels(await renderGray(subset.bytes), await renderGray(whole.bytes))).toBeLessThanOrEqual(MAX_DIFFERING);
    await keepPng(subset.bytes, 'acceptance_receipt-copy');
  }, 90_000);

  test('a receipt with many materials continues on further pages, each with its heading and page number', async () => {
    const f = SAMPLE_FACTS.acceptance_receipt as AnyFacts & { documentType: 'acceptance_receipt' };
    const materials = Array.from({ length: 24 }, (_, i) => ({ ...f.body.materials[i % 3]!, name: `第${i + 1}号材料` }));
    const long = await renderDocument({ ...f, body: { ...f.body, materials } }, key);
    const pages = await pdfPages(long.bytes);
    expect(pages).toBeGreaterThan(1);
    const last = flat(await pdfText(long.bytes, { page: pages }));
    expect(last).toContain(flat('受理回执（收件凭证）（续）'));
    expect(last).toContain(flat(`第 ${pages} 页 共 ${pages} 页`));
    expect(flat(await pdfText(long.bytes))).toContain('第24号材料');
  }, 30_000);
});

describe('the QR code of a document', () => {
  test('it encodes the case’s status link, module for module', async () => {
    const facts = SAMPLE_FACTS.acceptance_receipt;
    const { bytes } = await renderDocument(facts, key);
    const m = qrModules(facts.links.status);
    const dpi = 300;
    const px = (pt: number) => (pt * dpi) / 72;
    const size = 84;
    const left = A4.width - MARGIN.right - size;
    const box = { x: Math.round(px(left)), y: Math.round(px(MARGIN.top)), w: Math.round(px(size)), h: Math.round(px(size)) };
    const img = await renderGray(bytes, { dpi, crop: box });
    const unit = img.width / (m.size + 2 * QR_QUIET_MODULES);
    let wrong = 0;
    for (let row = 0; row < m.size; row += 1) {
      for (let col = 0; col < m.size; col += 1) {
        const x = Math.floor((col + QR_QUIET_MODULES + 0.5) * unit);
        const y = Math.floor((row + QR_QUIET_MODULES + 0.5) * unit);
        const dark = img.data[y * img.width + x]! < 128;
        if (dark !== m.dark(row, col)) wrong += 1;
      }
    }
    expect(m.size).toBeGreaterThanOrEqual(21);
    expect(wrong).toBe(0);
  }, 30_000);
});
