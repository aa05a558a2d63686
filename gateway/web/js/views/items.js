// 事项目录: GET /api/items, grouped by 办理地, each with its materials list.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { KINDS, APPLICANT_KINDS, partnerCodes, regionName } from '../format.js';
import { breadcrumb, pageHeader, showAlert, loading, empty, tag, descList } from '../ui.js';

const DELIVERY = { post: '快递寄送', electronic: '网络送达' };

function itemCard(it) {
  // one national item (事项编码) may be offered for two regions: the 实施编码 names this one
  return h('article', { class: 'card item-card', 'aria-labelledby': `it-${it.implementationCode}` },
    h('header', { class: 'card-header' },
      h('h3', { class: 'card-title', id: `it-${it.implementationCode}` }, it.name),
      h('div', { class: 'card-actions' }, h('a', { class: 'btn btn-primary btn-small', href: `#/new?item=${encodeURIComponent(it.implementationCode)}` }, '以此事项新建办件')),
    ),
    h('div', { class: 'card-body' },
      descList([
        ['事项编码', h('span', { class: 'mono' }, it.itemCode)],
        ['实施编码', h('span', { class: 'mono' }, it.implementationCode)],
        ['实施主体', it.department || '—'],
        ['办理模式', it.mode || '—'],
        ['办件类型', KINDS[it.kind] ?? it.kind],
        ['承诺时限', `${it.promisedDays} 个工作日`],
        ['申请人', (it.applicantKinds ?? []).map((k) => APPLICANT_KINDS[k] ?? k).join('、') || '—'],
        ['结果送达', (it.resultDelivery ?? []).map((d) => DELIVERY[d] ?? d).join('、') || '—'],
      ]),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table table-compact' },
        h('caption', { class: 'table-caption' }, '材料清单'),
        h('thead', null, h('tr', null, ['序号', '材料名称', '要求', '说明'].map((t, i) => h('th', { scope: 'col', class: i === 0 ? 'idx' : null }, t)))),
        h('tbody', null, it.materials.map((m, i) => h('tr', null,
          h('td', { class: 'idx' }, String(i + 1)),
          h('td', null, m.name),
          h('td', null, m.required ? tag('必交', 'red') : tag('选交', 'grey')),
          h('td', { class: 'muted' }, m.note || '—'),
        ))),
      )),
    ),
  );
}

export async function renderItems(main, ctx) {
  const alertSlot = h('div', { class: 'alert-slot' });
  const list = h('div', null, loading());
  const q = h('input', { id: 'items-q', type: 'search', maxlength: '50', placeholder: '事项名称、编码或部门' });
  const partner = h('select', { id: 'items-partner' },
    h('option', { value: '' }, '全部'), partnerCodes().map((c) => h('option', { value: c }, `${regionName(c)}（${c}）`)));
  mount(main,
    breadcrumb([{ label: '首页', href: '#/cases' }, { label: '事项目录' }]),
    pageHeader('事项目录'),
    h('p', { class: 'page-intro' }, '本窗口异地代收代办的跨域通办事项。办理地作出决定，本窗口负责收件、形式审查和转递，不改变原有办理事权。'),
    h('section', { class: 'card' }, h('div', { class: 'card-body filters filter-row', role: 'search', 'aria-label': '事项筛选' },
      h('div', { class: 'field' }, h('label', { for: 'items-q', class: 'field-label' }, '关键字'), q),
      h('div', { class: 'field' }, h('label', { for: 'items-partner', class: 'field-label' }, '办理地'), partner),
    )),
    alertSlot,
    list,
  );

  let items;
  try {
    items = (await api.listItems()).items;
  } catch (err) {
    if (!ctx.alive()) return;
    mount(list, empty('事项目录未能加载。'));
    showAlert(alertSlot, err);
    return;
  }
  if (!ctx.alive()) return;

  function draw() {
    const k = q.value.trim().toLowerCase();
    const p = partner.value;
    const shown = items.filter((i) => (!p || i.partner === p)
      && (!k || [i.name, i.itemCode, i.implementationCode, i.department ?? ''].some((s) => s.toLowerCase().includes(k))));
    if (shown.length === 0) { mount(list, empty('没有匹配的事项。')); return; }
    const regions = [...new Set([...partnerCodes(), ...shown.map((i) => i.partner)])];
    mount(list, regions.map((r) => {
      const group = shown.filter((i) => i.partner === r);
      return group.length > 0 && h('section', { class: 'item-region', 'aria-label': regionName(r) },
        h('h2', { class: 'region-title' }, `办理地：${regionName(r)}（${r}）`, h('span', { class: 'muted small' }, ` 共 ${group.length} 项`)),
        group.map(itemCard));
    }));
  }
  q.addEventListener('input', draw);
  partner.addEventListener('change', draw);
  draw();
}
