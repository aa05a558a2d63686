// 办件管理: GET /api/cases with filters kept in the hash (#/cases?status=…&page=…), so back works.
import { h, mount, newId } from '../dom.js';
import { api } from '../api.js';
import { STATUSES, HANDOFF, partnerCodes, regionName, fmtTime, endOfShanghaiDay } from '../format.js';
import { remoteButton } from '../remote.js';
import { breadcrumb, pageHeader, card, showAlert, statusTag, handoffTag, daysLeft, pagination, loading, empty, tag } from '../ui.js';

const PAGE_SIZE = 20;

/** Filters from the hash query. */
function readFilters(q) {
  return {
    status: (q.get('status') ?? '').split(',').filter((s) => s in STATUSES),
    partner: q.get('partner') ?? '',
    handoffStatus: q.get('handoffStatus') ?? '',
    caseNo: q.get('caseNo') ?? '',
    deadline: q.get('deadline') ?? '',
    offset: Math.max(0, Number.parseInt(q.get('offset') ?? '0', 10) || 0),
  };
}

function toHash(f) {
  const q = new URLSearchParams();
  if (f.status.length) q.set('status', f.status.join(','));
  for (const k of ['partner', 'handoffStatus', 'caseNo', 'deadline']) if (f[k]) q.set(k, f[k]);
  if (f.offset) q.set('offset', String(f.offset));
  const s = q.toString();
  return `#/cases${s ? `?${s}` : ''}`;
}

function select(id, label, value, options) {
  return h('div', { class: 'field' },
    h('label', { for: id, class: 'field-label' }, label),
    h('select', { id }, options.map(([v, t]) => h('option', { value: v, selected: v === value }, t))),
  );
}

function filterForm(f, ctx) {
  const statusBoxes = Object.entries(STATUSES).map(([code, s]) => {
    const id = newId('st');
    return h('label', { class: 'check', for: id },
      h('input', { type: 'checkbox', id, value: code, checked: f.status.includes(code) }), s.label);
  });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '办件查询条件' },
    h('fieldset', { class: 'field field-wide' },
      h('legend', { class: 'field-label' }, '状态（可多选）'),
      h('div', { class: 'checks' }, statusBoxes),
    ),
    h('div', { class: 'filter-row' },
      select('f-partner', '办理地', f.partner, [['', '全部'], ...partnerCodes().map((c) => [c, `${regionName(c)}（${c}）`])]),
      select('f-handoff', '转递状态', f.handoffStatus, [['', '全部'], ...Object.entries(HANDOFF).map(([k, v]) => [k, v.label])]),
      h('div', { class: 'field' },
        h('label', { for: 'f-caseno', class: 'field-label' }, '办件编号'),
        h('input', { id: 'f-caseno', type: 'search', value: f.caseNo, maxlength: '50', placeholder: '输入编号的一部分' })),
      h('div', { class: 'field' },
        h('label', { for: 'f-deadline', class: 'field-label' }, '承诺办结时间不晚于'),
        h('input', { id: 'f-deadline', type: 'date', value: f.deadline })),
      h('div', { class: 'field field-buttons' },
        h('button', { type: 'submit', class: 'btn btn-primary' }, '查询'),
        h('button', { type: 'button', class: 'btn', onclick: () => ctx.navigate('#/cases') }, '重置')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(toHash({
      status: [...form.querySelectorAll('.checks input:checked')].map((i) => i.value),
      partner: form.querySelector('#f-partner').value,
      handoffStatus: form.querySelector('#f-handoff').value,
      caseNo: form.querySelector('#f-caseno').value.trim(),
      deadline: form.querySelector('#f-deadline').value,
      offset: 0,
    }));
  });
  return form;
}

export function caseRow(c, ctx) {
  const href = `#/cases/${encodeURIComponent(c.id)}`;
  const handling = c.handlingRegion ?? c.partner;
  return h('tr', { class: 'row-link', onclick: (e) => { if (!e.target.closest('a,button')) ctx.navigate(href); } },
    h('td', null, h('a', { href, class: 'mono' }, c.caseNo), c.direction === 'inbound' && h('span', { class: 'ml' }, tag('转入', 'cyan', '合作地区转来、由本地办理的办件'))),
    h('td', null, c.itemName),
    h('td', null, regionName(handling)),
    h('td', null, statusTag(c.status, c.statusLabel)),
    h('td', null, h('div', null, fmtTime(c.promisedAt)), c.promisedAt && c.workingDaysLeft != null && daysLeft(c.workingDaysLeft)),
    h('td', null, handoffTag(c.handoffStatus)),
    h('td', { class: 'nowrap' }, fmtTime(c.updatedAt)),
  );
}

export function casesTable(items, ctx, caption) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', null, h('tr', null, ['办件编号', '事项名称', '办理地', '状态', '承诺办结时间', '转递状态', '更新时间'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, items.map((c) => caseRow(c, ctx))),
  ));
}

export async function renderCases(main, ctx) {
  const f = readFilters(ctx.query);
  const alertSlot = h('div', { class: 'alert-slot' });
  const results = h('div', null, loading());
  const refresh = h('button', { type: 'button', class: 'btn', onclick: () => load() }, '刷新');
  mount(main,
    breadcrumb([{ label: '首页', href: '#/cases' }, { label: '办件管理' }]),
    pageHeader('办件管理', remoteButton({ label: '发起远程帮办（无办件）', alertSlot }), h('a', { href: '#/new', class: 'btn btn-primary' }, '＋ 新建办件')),
    card(null, filterForm(f, ctx)),
    alertSlot,
    card('办件列表', results, { actions: refresh }),
  );

  async function load() {
    mount(results, loading());
    try {
      const res = await api.listCases({
        status: f.status.join(','),
        partner: f.partner,
        handoffStatus: f.handoffStatus,
        caseNo: f.caseNo,
        deadlineBefore: f.deadline ? endOfShanghaiDay(f.deadline) : '',
        offset: f.offset,
        limit: PAGE_SIZE,
      });
      if (!ctx.alive()) return;
      if (res.items.length === 0) {
        mount(results, empty(f.offset > 0 ? '本页没有办件。' : '没有符合条件的办件。'));
        if (f.offset > 0) results.append(pagination({ total: res.total, offset: f.offset, limit: PAGE_SIZE, onChange: (o) => ctx.navigate(toHash({ ...f, offset: o })) }));
        return;
      }
      mount(results,
        casesTable(res.items, ctx, '办件列表（最新在前）'),
        pagination({ total: res.total, offset: f.offset, limit: PAGE_SIZE, onChange: (o) => ctx.navigate(toHash({ ...f, offset: o })) }),
      );
    } catch (err) {
      if (!ctx.alive()) return;
      mount(results, empty('办件列表未能加载。'));
      showAlert(alertSlot, err);
    }
  }
  await load();
}
