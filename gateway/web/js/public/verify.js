// 文书真伪核验: anyone uploads a PDF the gateway issued (受理回执 …) and learns whether it is genuine and
// unaltered, and which case it belongs to (POST /api/receipts/verify; the file is not stored).
import { h, mount } from '../dom.js';
import { getJson, fmtTime } from './http.js';

const main = document.getElementById('main');
const TITLES = { acceptance_receipt: '受理回执（收件凭证）', transfer_sheet: '材料流转单', supplement_notice: '补齐补正通知书', completion_notice: '办结通知', delivery_receipt: '送达回执', acceptance_notice: '受理通知书', rejection_notice: '不予受理通知书' };
const result = h('div', { 'aria-live': 'polite' });
const picker = h('input', { type: 'file', accept: 'application/pdf,.pdf', class: 'sr-only', id: 'file' });
picker.addEventListener('change', () => { const f = picker.files?.[0]; if (f) void check(f); });

mount(main,
  h('h1', { class: 'page-title' }, '文书真伪核验'),
  h('p', { class: 'public-lead' }, '上传跨域通办网关出具的 PDF 文书（受理回执、材料流转单、补齐补正通知书、办结通知、送达回执），核验其电子签名：文件是否由本网关出具、是否被改动、属于哪个办件。文件只用于核验，不会保存。'),
  h('label', { class: 'drop', for: 'file' }, picker, h('strong', null, '选择 PDF 文件'), h('div', { class: 'muted small' }, '或将文件拖放到此处')),
  result,
  h('p', { class: 'public-foot' }, '签名算法 Ed25519，网关公钥见 ', h('a', { href: '/api/receipts/signing-keys' }, '/api/receipts/signing-keys'), '；也可离线运行 npm run verify-receipt -- 文件.pdf。'));

const drop = main.querySelector('.drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); });
drop.addEventListener('drop', (e) => { e.preventDefault(); const f = e.dataTransfer?.files?.[0]; if (f) void check(f); });

async function check(file) {
  mount(result, h('p', { class: 'loading' }, `正在核验「${file.name}」…`));
  try {
    const v = await getJson('/api/receipts/verify', { method: 'POST', headers: { 'Content-Type': 'application/pdf' }, body: file });
    const what = v.documentType ? `${TITLES[v.documentType] ?? v.documentType}${v.copy ? `（副本，第 ${v.reprintNo} 次补打）` : ''}` : '文书';
    mount(result, v.genuine
      ? h('section', { class: 'verdict verdict-ok' },
        h('p', { class: 'verdict-title' }, `✔ 真实有效：${what}`),
        h('dl', { class: 'desc' },
          h('dt', null, '办件编号'), h('dd', { class: 'mono' }, v.caseNo),
          h('dt', null, '出具时间'), h('dd', null, fmtTime(v.issuedAt)),
          v.copy && [h('dt', null, '打印时间'), h('dd', null, fmtTime(v.printedAt))],
          h('dt', null, '文书编号'), h('dd', { class: 'mono small' }, v.documentId),
          h('dt', null, '签名密钥'), h('dd', { class: 'mono' }, v.keyId)))
      : h('section', { class: 'verdict verdict-bad' },
        h('p', { class: 'verdict-title' }, '✘ 核验不通过'),
        h('p', null, v.reasonText ?? '文件未通过核验'),
        v.caseNo && h('p', { class: 'muted small' }, `文件自称属于办件 ${v.caseNo}，该信息不可信。`)));
  } catch (err) {
    mount(result, h('section', { class: 'verdict verdict-bad' }, h('p', { class: 'verdict-title' }, '✘ 无法核验'), h('p', null, err.message)));
  } finally {
    picker.value = '';
  }
}
