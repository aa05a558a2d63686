// 办理进度查询: what the 受理回执's QR code opens (status.html?no=<办件编号>&code=<查询码>). No login, no
// personal data: the status, the progress, the 承诺办结时间, what is missing when 补正 is asked for.
import { h, mount } from '../dom.js';
import { getJson, fmtTime } from './http.js';

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const TONES = { received: 'blue', forwarded: 'blue', accepted: 'cyan', needs_supplement: 'orange', completed: 'green', delivered: 'green', rejected: 'red', withdrawn: 'grey' };

const result = h('div', { 'aria-live': 'polite' });
const no = h('input', { id: 'no', name: 'no', value: params.get('no') ?? '', required: true, maxlength: '50', autocomplete: 'off' });
const code = h('input', { id: 'code', name: 'code', value: params.get('code') ?? '', required: true, maxlength: '12', autocomplete: 'off', class: 'mono' });
const form = h('form', { class: 'public-form', onsubmit: (e) => { e.preventDefault(); void lookUp(); } },
  h('label', { class: 'field' }, h('span', { class: 'field-label is-required' }, '办件编号'), no),
  h('label', { class: 'field' }, h('span', { class: 'field-label is-required' }, '查询码（受理回执上的 12 位字母数字）'), code),
  h('button', { type: 'submit', class: 'btn btn-primary' }, '查询'));

mount(main,
  h('h1', { class: 'page-title' }, '办理进度查询'),
  h('p', { class: 'public-lead' }, '凭受理回执上的办件编号和查询码查询跨域通办办件的办理进度。扫描受理回执右上角的二维码可直接打开本页。'),
  h('section', { class: 'card' }, h('div', { class: 'card-body' }, form)),
  result,
  h('p', { class: 'public-foot' }, '本页不显示申请人个人信息。核验回执真伪请访问 ', h('a', { href: 'verify.html' }, '文书真伪核验'), '。'));

async function lookUp() {
  mount(result, h('p', { class: 'loading' }, '查询中…'));
  try {
    const s = await getJson(`/api/public/cases/${encodeURIComponent(no.value.trim())}?code=${encodeURIComponent(code.value.trim().toUpperCase())}`);
    mount(result, h('section', { class: 'card' },
      h('header', { class: 'card-header' }, h('h2', { class: 'card-title' }, s.itemName), h('span', { class: `tag tag-${TONES[s.status] ?? 'grey'}` }, s.statusLabel)),
      h('div', { class: 'card-body' },
        h('dl', { class: 'desc' },
          h('dt', null, '办件编号'), h('dd', { class: 'mono' }, s.caseNo),
          h('dt', null, '办理地'), h('dd', null, s.handlingRegionName ?? '—'),
          h('dt', null, '收件地'), h('dd', null, s.acceptRegionName ?? '—'),
          h('dt', null, '收件时间'), h('dd', null, fmtTime(s.submittedAt)),
          h('dt', null, '承诺办结时间'), h('dd', null, fmtTime(s.promisedAt), s.workingDaysLeft !== null && s.workingDaysLeft !== undefined ? `（剩 ${s.workingDaysLeft} 个工作日）` : ''),
          h('dt', null, '更新时间'), h('dd', null, fmtTime(s.updatedAt))),
        s.supplement && h('div', { class: 'alert alert-warning', role: 'status' }, h('div', { class: 'alert-body' },
          h('p', { class: 'alert-title' }, '办理地要求补齐补正以下材料，请携带受理回执到收件窗口办理：'),
          h('ul', { class: 'alert-list' }, s.supplement.missing.map((m) => h('li', null, m))))),
        s.withdrawal && h('p', null, `撤件：${s.withdrawal.stateLabel}`),
        s.result && h('p', null, `办理结果：${s.result.documentName}（${fmtTime(s.result.completedAt)} 办结，${s.result.delivery}）`),
        h('h3', { class: 'field-label status-steps-title' }, '办理进度'),
        h('ol', { class: 'status-steps' }, s.progress.map((p) => h('li', null, h('strong', null, p.label), h('span', { class: 'muted ml' }, fmtTime(p.at))))))));
  } catch (err) {
    mount(result, h('div', { class: 'alert alert-error', role: 'alert' }, h('div', { class: 'alert-body' }, h('p', { class: 'alert-title' }, err.message))));
  }
}

if (no.value && code.value) void lookUp();
