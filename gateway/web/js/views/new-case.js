// 新建办件: pick a catalog item (GET /api/items), fill the applicant and the result delivery,
// POST /api/cases, then go to the case detail to upload the materials.
import { h, mount, newId } from '../dom.js';
import { api } from '../api.js';
import { ID_TYPES, KINDS, APPLICANT_KINDS, partnerCodes, regionName } from '../format.js';
import { breadcrumb, pageHeader, card, showAlert, clearAlert, loading, empty, tag, toast } from '../ui.js';
import { checkIdNumber, checkCreditCode, checkPhone, CITIZEN_ID_TYPES } from '../validate.js';

/** A labelled input with a hint/error line. `field` is the JSON pointer the gateway names in errors[]. */
function field({ label, field: pointer, required = false, input, hint }) {
  const id = input.id || newId('in');
  input.id = id;
  const msgId = `${id}-msg`;
  input.setAttribute('aria-describedby', msgId);
  if (required) input.setAttribute('aria-required', 'true');
  const msg = h('p', { id: msgId, class: 'field-msg', 'aria-live': 'polite' }, hint ?? '');
  const wrap = h('div', { class: 'field', dataset: { field: pointer } },
    h('label', { for: id, class: ['field-label', required && 'is-required'] }, label), input, msg);
  wrap.setMessage = (text, kind = 'error') => {
    msg.textContent = text ?? hint ?? '';
    msg.className = `field-msg${text ? ` field-msg-${kind}` : ''}`;
    if (kind === 'error' && text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  wrap.input = input;
  // the clerk is correcting it: the old error goes (live hints, e.g. for the ID number, come after)
  input.addEventListener('input', () => { if (input.hasAttribute('aria-invalid')) wrap.setMessage(null); });
  return wrap;
}

const input = (attrs = {}) => h('input', { type: 'text', ...attrs });

export async function renderNewCase(main, ctx) {
  const alertSlot = h('div', { class: 'alert-slot' });
  const itemsBox = h('div', null, loading('正在加载事项目录…'));
  mount(main,
    breadcrumb([{ label: '首页', href: '#/cases' }, { label: '办件管理', href: '#/cases' }, { label: '新建办件' }]),
    pageHeader('新建办件'),
    h('ol', { class: 'steps', 'aria-label': '办理步骤' },
      h('li', { class: 'is-current' }, '1 选择事项、登记申请人'),
      h('li', null, '2 上传扫描材料'),
      h('li', null, '3 形式审查，收件并转递'),
    ),
    alertSlot,
    itemsBox,
  );

  let items;
  try {
    items = (await api.listItems()).items;
  } catch (err) {
    if (!ctx.alive()) return;
    mount(itemsBox, empty('事项目录未能加载，请稍后刷新页面。'));
    showAlert(alertSlot, err);
    return;
  }
  if (!ctx.alive()) return;
  if (items.length === 0) {
    mount(itemsBox, empty('事项目录为空，暂不能新建办件。'));
    return;
  }

  // ── 1 选择事项 ─────────────────────────────────────────────────────────────────────────────
  // ?item= is the 实施编码 (the catalog page's link) or, if only one region offers it, the 事项编码
  const wanted = ctx.query.get('item');
  const byCode = items.filter((i) => i.itemCode === wanted);
  let selected = items.find((i) => i.implementationCode === wanted) ?? (byCode.length === 1 ? byCode[0] : null);
  const search = h('input', { id: 'item-search', type: 'search', placeholder: '输入事项名称、编码或部门筛选', maxlength: '50' });
  const itemList = h('div', { class: 'item-pick' });
  const itemInfo = h('div', { class: 'item-info', 'aria-live': 'polite' });
  const itemMsg = h('p', { id: 'item-msg', class: 'field-msg', 'aria-live': 'polite' });

  function drawItems() {
    const q = search.value.trim().toLowerCase();
    const groups = [...new Set([...partnerCodes(), ...items.map((i) => i.partner)])];
    const shown = items.filter((i) => !q || [i.name, i.itemCode, i.implementationCode, i.department ?? ''].some((s) => s.toLowerCase().includes(q)));
    if (shown.length === 0) { mount(itemList, empty('没有匹配的事项。')); return; }
    mount(itemList, groups.map((region) => {
      const list = shown.filter((i) => i.partner === region);
      if (list.length === 0) return null;
      return h('fieldset', { class: 'item-group' },
        h('legend', null, `办理地：${regionName(region)}（${region}）`),
        list.map((it) => {
          // one 事项编码 may be offered for two regions: the 实施编码 tells the options apart
          const id = `item-${it.implementationCode}`;
          const isSelected = selected?.implementationCode === it.implementationCode;
          return h('label', { class: ['item-option', isSelected && 'is-selected'], for: id },
            h('input', { type: 'radio', name: 'item', id, value: it.implementationCode, checked: isSelected, 'aria-describedby': 'item-msg' }),
            h('span', { class: 'item-option-body' },
              h('span', { class: 'item-option-name' }, it.name),
              h('span', { class: 'item-option-meta' },
                it.department && h('span', null, it.department),
                tag(`承诺时限 ${it.promisedDays} 个工作日`, 'blue'),
                tag(KINDS[it.kind] ?? it.kind, 'grey'),
                (it.applicantKinds ?? []).map((k) => tag(APPLICANT_KINDS[k] ?? k, 'cyan')),
              ),
            ),
          );
        }),
      );
    }));
  }

  function drawItemInfo() {
    if (!selected) { mount(itemInfo, h('p', { class: 'muted' }, '请先在左侧选择事项，这里会列出需要收取的材料。')); return; }
    mount(itemInfo,
      h('h3', { class: 'subhead' }, selected.name),
      h('p', { class: 'muted' }, `事项编码 ${selected.itemCode} · 办理地 ${regionName(selected.partner)} · 承诺时限 ${selected.promisedDays} 个工作日（${KINDS[selected.kind] ?? ''}）`),
      h('p', { class: 'subhead-sm' }, '需收取的材料'),
      h('ul', { class: 'mat-preview' }, selected.materials.map((m) => h('li', null,
        m.required ? tag('必交', 'red') : tag('选交', 'grey'), ' ', m.name, m.note && h('span', { class: 'muted' }, `（${m.note}）`)))),
    );
  }

  itemList.addEventListener('change', (e) => {
    if (e.target.name !== 'item') return;
    selected = items.find((i) => i.implementationCode === e.target.value) ?? null;
    itemMsg.textContent = '';
    itemMsg.className = 'field-msg';
    for (const l of itemList.querySelectorAll('.item-option')) l.classList.toggle('is-selected', l.querySelector('input').checked);
    drawItemInfo();
    applyItemRules();
  });
  search.addEventListener('input', drawItems);

  // ── 2 申请人 ─────────────────────────────────────────────────────────────────────────────
  const kindPerson = h('input', { type: 'radio', name: 'kind', id: 'kind-person', value: 'person', checked: true });
  const kindOrg = h('input', { type: 'radio', name: 'kind', id: 'kind-org', value: 'organization' });

  const p = {
    name: field({ label: '姓名', field: '/applicant/name', required: true, input: input({ maxlength: '100', autocomplete: 'off' }) }),
    idType: field({ label: '证件类型', field: '/applicant/idType', required: true,
      input: h('select', null, Object.entries(ID_TYPES).map(([code, label]) => h('option', { value: code }, `${label}（${code}）`))) }),
    idNumber: field({ label: '证件号码', field: '/applicant/idNumber', required: true, input: input({ maxlength: '50', autocomplete: 'off', class: 'mono' }) }),
    phone: field({ label: '联系电话', field: '/applicant/phone', required: true, input: input({ type: 'tel', maxlength: '20', autocomplete: 'off' }) }),
    address: field({ label: '联系地址', field: '/applicant/address', input: input({ maxlength: '200', autocomplete: 'off' }) }),
  };
  const o = {
    name: field({ label: '单位名称', field: '/applicant/name', required: true, input: input({ maxlength: '100', autocomplete: 'off' }) }),
    idNumber: field({ label: '统一社会信用代码', field: '/applicant/idNumber', required: true, hint: '18位，证件类型按“其他（990）”报送', input: input({ maxlength: '18', autocomplete: 'off', class: 'mono' }) }),
    agentName: field({ label: '经办人', field: '/applicant/agentName', required: true, input: input({ maxlength: '50', autocomplete: 'off' }) }),
    phone: field({ label: '联系电话', field: '/applicant/phone', required: true, input: input({ type: 'tel', maxlength: '20', autocomplete: 'off' }) }),
    address: field({ label: '单位地址', field: '/applicant/address', input: input({ maxlength: '200', autocomplete: 'off' }) }),
  };
  const personBox = h('div', { class: 'form-grid' }, Object.values(p));
  const orgBox = h('div', { class: 'form-grid', hidden: true }, Object.values(o));
  const kindMsg = h('p', { id: 'kind-msg', class: 'field-msg', 'aria-live': 'polite' });
  const kindField = h('fieldset', { class: 'field field-wide', dataset: { field: '/applicant/kind' } },
    h('legend', { class: 'field-label is-required' }, '申请人类型'),
    h('div', { class: 'radios' },
      h('label', { class: 'check', for: 'kind-person' }, kindPerson, '个人'),
      h('label', { class: 'check', for: 'kind-org' }, kindOrg, '单位（法人或其他组织）')),
    kindMsg,
  );
  const isOrg = () => kindOrg.checked;
  const fields = () => (isOrg() ? o : p);

  function onKind() {
    personBox.hidden = isOrg();
    orgBox.hidden = !isOrg();
  }
  kindPerson.addEventListener('change', onKind);
  kindOrg.addEventListener('change', onKind);

  // Immediate hints for the number; the gateway checks again and its answer counts.
  function idHint(final) {
    if (isOrg()) {
      const v = o.idNumber.input.value.trim();
      if (!v) { o.idNumber.setMessage(final ? '请填写统一社会信用代码' : null); return !final; }
      if (!final && v.length < 18) { o.idNumber.setMessage(`已输入 ${v.length}/18 位`, 'info'); return true; }
      const why = checkCreditCode(v);
      o.idNumber.setMessage(why ?? '代码格式和校验码正确', why ? 'error' : 'ok');
      return !why;
    }
    const v = p.idNumber.input.value.trim();
    const citizen = CITIZEN_ID_TYPES.includes(p.idType.input.value);
    if (!v) { p.idNumber.setMessage(final ? '请填写证件号码' : null); return !final; }
    if (!citizen) { p.idNumber.setMessage(null); return true; }
    if (!final && v.length < 18) { p.idNumber.setMessage(`已输入 ${v.length}/18 位`, 'info'); return true; }
    const why = checkIdNumber(v);
    p.idNumber.setMessage(why ?? '号码格式和校验码正确', why ? 'error' : 'ok');
    return !why;
  }
  p.idNumber.input.addEventListener('input', () => idHint(false));
  p.idNumber.input.addEventListener('blur', () => { if (p.idNumber.input.value.trim()) idHint(true); });
  p.idType.input.addEventListener('change', () => idHint(false));
  o.idNumber.input.addEventListener('input', () => idHint(false));
  o.idNumber.input.addEventListener('blur', () => { if (o.idNumber.input.value.trim()) idHint(true); });
  for (const f of [p.phone, o.phone]) {
    f.input.addEventListener('blur', () => { if (f.input.value.trim()) f.setMessage(checkPhone(f.input.value)); });
  }

  // ── 3 结果送达方式 ────────────────────────────────────────────────────────────────────────
  const byPost = h('input', { type: 'radio', name: 'delivery', id: 'dl-post', value: 'post', checked: true });
  const electronic = h('input', { type: 'radio', name: 'delivery', id: 'dl-el', value: 'electronic' });
  const postAddress = field({ label: '寄送地址', field: '/delivery/address', required: true, hint: '收件人、地址按快递面单填写',
    input: h('textarea', { rows: '2', maxlength: '200' }) });
  const copyAddr = h('button', { type: 'button', class: 'btn btn-link', onclick: () => {
    postAddress.input.value = fields().address.input.value.trim();
    postAddress.input.focus();
  } }, '同申请人地址');
  const postBox = h('div', { class: 'post-box' }, postAddress, copyAddr);
  const deliveryMsg = h('p', { class: 'field-msg', 'aria-live': 'polite' });
  const deliveryField = h('fieldset', { class: 'field field-wide', dataset: { field: '/delivery' } },
    h('legend', { class: 'field-label is-required' }, '结果送达方式'),
    h('div', { class: 'radios' },
      h('label', { class: 'check', for: 'dl-post' }, byPost, '快递寄送'),
      h('label', { class: 'check', for: 'dl-el' }, electronic, '网络送达（电子证照/电子文书）')),
    deliveryMsg,
  );
  const onDelivery = () => { postBox.hidden = !byPost.checked; };
  byPost.addEventListener('change', onDelivery);
  electronic.addEventListener('change', onDelivery);

  /** The selected item decides who may apply and how the result may travel. */
  function applyItemRules() {
    const kinds = selected?.applicantKinds ?? ['person', 'organization'];
    kindPerson.disabled = !kinds.includes('person');
    kindOrg.disabled = !kinds.includes('organization');
    if (kindPerson.disabled && kindPerson.checked) kindOrg.checked = true;
    if (kindOrg.disabled && kindOrg.checked) kindPerson.checked = true;
    kindMsg.textContent = kinds.length === 1 ? `该事项仅受理${APPLICANT_KINDS[kinds[0]]}申请` : '';
    onKind();
    const ways = selected?.resultDelivery ?? ['post', 'electronic'];
    byPost.disabled = !ways.includes('post');
    electronic.disabled = !ways.includes('electronic');
    if (byPost.disabled && byPost.checked) electronic.checked = true;
    if (electronic.disabled && electronic.checked) byPost.checked = true;
    deliveryMsg.textContent = ways.length === 1 ? `该事项结果仅支持${ways[0] === 'post' ? '快递寄送' : '网络送达'}` : '';
    onDelivery();
  }

  // ── 提交 ─────────────────────────────────────────────────────────────────────────────────
  const submitBtn = h('button', { type: 'submit', class: 'btn btn-primary' }, '创建办件（草稿）');
  const form = h('form', { class: 'new-case', novalidate: true },
    card('一、选择办理事项', h('div', { class: 'pick-layout' },
      h('div', null,
        h('div', { class: 'field' }, h('label', { for: 'item-search', class: 'field-label' }, '筛选事项'), search),
        itemList, itemMsg),
      h('aside', { class: 'pick-aside', 'aria-label': '所选事项的材料' }, itemInfo),
    ), { id: 'sec-item' }),
    card('二、申请人信息', h('div', null, kindField, personBox, orgBox,
      h('p', { class: 'muted small' }, '证件号码、联系电话保存后将脱敏显示。请核验申请人身份证件原件。'))),
    card('三、结果送达', h('div', null, deliveryField, postBox)),
    h('div', { class: 'form-actions' },
      submitBtn,
      h('a', { href: '#/cases', class: 'btn' }, '取消'),
      h('span', { class: 'muted' }, '创建后进入办件详情上传扫描材料。'),
    ),
  );

  function validate() {
    let firstBad = null;
    const bad = (el) => { firstBad ??= el; };
    if (!selected) {
      itemMsg.textContent = '请选择办理事项';
      itemMsg.className = 'field-msg field-msg-error';
      bad(itemList.querySelector('input') ?? search);
    }
    const f = fields();
    for (const k of ['name', ...(isOrg() ? ['agentName'] : [])]) {
      const empty = !f[k].input.value.trim();
      f[k].setMessage(empty ? `请填写${f[k].querySelector('label').textContent}` : null);
      if (empty) bad(f[k].input);
    }
    if (!idHint(true)) bad(f.idNumber.input);
    const phoneWhy = checkPhone(f.phone.input.value);
    f.phone.setMessage(phoneWhy);
    if (phoneWhy) bad(f.phone.input);
    if (byPost.checked) {
      const empty = !postAddress.input.value.trim();
      postAddress.setMessage(empty ? '选择快递寄送时须填写寄送地址' : null);
      if (empty) bad(postAddress.input);
    }
    return firstBad;
  }

  function body() {
    const f = fields();
    const val = (x) => x.input.value.trim();
    const applicant = {
      kind: isOrg() ? 'organization' : 'person',
      name: val(f.name),
      idType: isOrg() ? '990' : p.idType.input.value,
      idNumber: val(f.idNumber).toUpperCase(),
      phone: val(f.phone),
    };
    if (val(f.address)) applicant.address = val(f.address);
    if (isOrg() && val(o.agentName)) applicant.agentName = val(o.agentName);
    const delivery = byPost.checked ? { byPost: true, address: val(postAddress) } : { byPost: false, electronic: true };
    return { itemCode: selected.itemCode, partner: selected.partner, applicant, delivery };
  }

  /** Puts the gateway's errors[] next to the fields they name. */
  function markServerErrors(err) {
    for (const e of err.problem?.errors ?? []) {
      const wrap = [...form.querySelectorAll('[data-field]')].find((w) => w.dataset.field === e.field && !w.closest('[hidden]'));
      if (wrap?.setMessage) wrap.setMessage(e.message);
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearAlert(alertSlot);
    const firstBad = validate();
    if (firstBad) {
      showAlert(alertSlot, '请按提示修改标红的内容后再提交。', 'warning');
      firstBad.focus();
      return;
    }
    submitBtn.disabled = true;
    submitBtn.textContent = '正在创建…';
    try {
      const created = await api.createCase(body());
      toast(`办件 ${created.caseNo} 已创建（草稿），请上传扫描材料。`);
      ctx.navigate(`#/cases/${encodeURIComponent(created.id)}`);
    } catch (err) {
      if (!ctx.alive()) return;
      markServerErrors(err);
      showAlert(alertSlot, err);
    } finally {
      submitBtn.disabled = false;
      submitBtn.textContent = '创建办件（草稿）';
    }
  });

  mount(itemsBox, form);
  drawItems();
  const pre = itemList.querySelector('.item-option.is-selected');
  if (pre) itemList.scrollTop = Math.max(0, pre.offsetTop - 40); // keep its 办理地 heading in view
  drawItemInfo();
  applyItemRules();
}
