// Shared pieces of the console: alerts for API errors, toasts, tags, breadcrumb, pagination, dialogs.
import { h, mount } from './dom.js';
import { STATUSES, HANDOFF } from './format.js';

/** JSON-pointer-ish fields of problem.errors → the Chinese name of the form field. */
const FIELD_LABELS = {
  '/itemCode': '办理事项',
  '/applicant/kind': '申请人类型',
  '/applicant/name': '申请人名称',
  '/applicant/idType': '证件类型',
  '/applicant/idNumber': '证件号码',
  '/applicant/phone': '联系电话',
  '/applicant/address': '联系地址',
  '/applicant/agentName': '经办人',
  '/delivery/address': '寄送地址',
  '/delivery/byPost': '送达方式',
  '/delivery': '送达方式',
  file: '文件',
  code: '材料编码',
  name: '材料名称',
  reason: '撤回原因',
  username: '用户名',
  password: '密码',
};

export function fieldLabel(field) {
  if (!field) return null;
  return FIELD_LABELS[field] ?? FIELD_LABELS[field.replace(/^\/?body/, '')] ?? null;
}

/**
 * A dismissible alert. `what` is an ApiError (its problem's detail and errors are shown), an Error, or a string.
 * kind: 'error' | 'warning' | 'success' | 'info'.
 */
export function alertBox(what, kind = 'error') {
  const problem = what?.problem;
  const message = problem?.detail ?? what?.message ?? String(what);
  const errors = (problem?.errors ?? []).filter((e) => e && e.message && e.message !== message);
  const box = h('div', { class: `alert alert-${kind}`, role: kind === 'error' || kind === 'warning' ? 'alert' : 'status' },
    h('div', { class: 'alert-body' },
      h('p', { class: 'alert-title' }, message),
      errors.length > 0 && h('ul', { class: 'alert-list' }, errors.map((e) => {
        const label = fieldLabel(e.field);
        return h('li', null, label ? `${label}：${e.message}` : e.message);
      })),
      problem?.instance && problem.status >= 500 && h('p', { class: 'alert-meta' }, `请求编号：${problem.instance}（联系运维时请提供）`),
    ),
    h('button', { type: 'button', class: 'alert-close', 'aria-label': '关闭提示', onclick: () => box.remove() }, '×'),
  );
  return box;
}

/** Shows an alert in a slot (replacing what was there); errors the console already handled are skipped. */
export function showAlert(slot, what, kind = 'error') {
  if (what?.handled) return;
  mount(slot, alertBox(what, kind));
  slot.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
}

export function clearAlert(slot) {
  slot.replaceChildren();
}

let toastHost;
/** A short message at the top right that goes away by itself. */
export function toast(message, kind = 'success') {
  if (!toastHost) {
    toastHost = h('div', { class: 'toast-host', role: 'status', 'aria-live': 'polite' });
    document.body.append(toastHost);
  }
  const t = h('div', { class: `toast toast-${kind}` }, message);
  toastHost.append(t);
  setTimeout(() => t.remove(), 4000);
}

export function tag(text, tone = 'grey', title) {
  return h('span', { class: `tag tag-${tone}`, title }, text);
}

export function statusTag(status, label) {
  const s = STATUSES[status];
  return tag(s?.label ?? label ?? status ?? '—', s?.tone ?? 'grey');
}

export function handoffTag(status) {
  if (!status) return h('span', { class: 'muted' }, '—');
  const s = HANDOFF[status];
  return tag(s?.label ?? status, s?.tone ?? 'grey');
}

/** 剩余工作日: red when ≤ 1 or overdue. */
export function daysLeft(n) {
  if (n === null || n === undefined) return h('span', { class: 'muted' }, '—');
  const urgent = n <= 1;
  const text = n < 0 ? `已超期 ${-n} 个工作日` : n === 0 ? '今日到期' : `剩 ${n} 个工作日`;
  return h('span', { class: urgent ? 'days days-urgent' : 'days' }, text);
}

/** items: [{ label, href? }]; the last is the current page. */
export function breadcrumb(items) {
  return h('nav', { class: 'breadcrumb', 'aria-label': '当前位置' },
    h('ol', null, items.map((it, i) => {
      const last = i === items.length - 1;
      return h('li', null, last || !it.href ? h('span', { 'aria-current': last ? 'page' : null }, it.label) : h('a', { href: it.href }, it.label));
    })),
  );
}

/** Page title row: h1 (focused after navigation) and optional actions on the right. */
export function pageHeader(title, ...actions) {
  return h('div', { class: 'page-header' },
    h('h1', { tabindex: '-1', class: 'page-title' }, title),
    actions.length > 0 && h('div', { class: 'page-actions' }, actions),
  );
}

export function card(title, body, { actions, id, className } = {}) {
  return h('section', { class: ['card', className], id, 'aria-label': typeof title === 'string' ? title : null },
    title && h('header', { class: 'card-header' }, h('h2', { class: 'card-title' }, title), actions && h('div', { class: 'card-actions' }, actions)),
    h('div', { class: 'card-body' }, body),
  );
}

/** A definition list in a two-column grid: rows are [label, value]. */
export function descList(rows) {
  return h('dl', { class: 'desc' }, rows.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v ?? '—')]));
}

export function loading(text = '加载中…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

/**
 * 分页: 共 N 条, 上一页, page numbers, 下一页. onChange(offset).
 */
export function pagination({ total, offset, limit, onChange }) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const current = Math.floor(offset / limit) + 1;
  const go = (p) => onChange((p - 1) * limit);
  const nums = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 2) nums.push(p);
    else if (nums.at(-1) !== '…') nums.push('…');
  }
  return h('nav', { class: 'pagination', 'aria-label': '分页' },
    h('span', { class: 'pagination-total' }, `共 ${total} 条`),
    h('button', { type: 'button', class: 'btn btn-page', disabled: current <= 1, onclick: () => go(current - 1) }, '上一页'),
    nums.map((p) => (p === '…'
      ? h('span', { class: 'pagination-gap', 'aria-hidden': 'true' }, '…')
      : h('button', {
        type: 'button', class: ['btn btn-page', p === current && 'is-current'], 'aria-current': p === current ? 'page' : null,
        'aria-label': `第 ${p} 页`, onclick: () => go(p),
      }, String(p)))),
    h('button', { type: 'button', class: 'btn btn-page', disabled: current >= pages, onclick: () => go(current + 1) }, '下一页'),
    h('span', { class: 'pagination-info' }, `第 ${current} / ${pages} 页`),
  );
}

/** Whether a modal dialog of the console is open (the detail page does not refresh under it). */
export function dialogOpen() {
  return Boolean(document.querySelector('dialog[open]'));
}

/**
 * A modal confirmation. Resolves true/false. With `input` ({ label, maxLength, required, placeholder }),
 * resolves the entered text (trimmed) or null when cancelled.
 */
export function confirmDialog({ title, message, confirmText = '确定', danger = false, input }) {
  return new Promise((resolve) => {
    const fieldId = 'dlg-input';
    const errId = 'dlg-input-err';
    const field = input && h('textarea', {
      id: fieldId, rows: '3', maxlength: input.maxLength ?? null, placeholder: input.placeholder ?? null,
      required: input.required ?? true, 'aria-describedby': errId,
    });
    const err = h('p', { id: errId, class: 'field-error', 'aria-live': 'polite' });
    const form = h('form', { method: 'dialog', class: 'dialog-form', novalidate: true },
      h('h2', { class: 'dialog-title' }, title),
      message && h('div', { class: 'dialog-message' }, message),
      field && h('div', { class: 'field' }, h('label', { for: fieldId, class: 'field-label is-required' }, input.label), field, err),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn', value: 'cancel', onclick: () => close(false) }, '取消'),
        h('button', { type: 'submit', class: ['btn', danger ? 'btn-danger' : 'btn-primary'] }, confirmText),
      ),
    );
    const dlg = h('dialog', { class: 'dialog', 'aria-label': title }, form);
    let result = input ? null : false;
    function close(ok) {
      if (ok) result = input ? field.value.trim() : true;
      dlg.close();
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (field && !field.value.trim()) {
        err.textContent = `请填写${input.label}`;
        field.setAttribute('aria-invalid', 'true');
        field.focus();
        return;
      }
      close(true);
    });
    dlg.addEventListener('close', () => {
      dlg.remove();
      resolve(result);
    });
    document.body.append(dlg);
    dlg.showModal();
    (field ?? form.querySelector('button[type=submit]')).focus();
  });
}

/**
 * Opens a Blob (a PDF or image fetched with the bearer token) in a new tab. Browsers keep the click's
 * user activation for a few seconds, long enough for the fetch; if the tab is blocked, it is downloaded.
 */
export function openBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const win = window.open(url, '_blank');
  if (!win) {
    const a = h('a', { href: url, download: fileName || 'document' });
    document.body.append(a);
    a.click();
    a.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
}
