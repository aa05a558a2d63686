// 办件详情: GET /api/cases/{id} (+ item, timeline); upload, submit, withdraw, retry, audit, result.
// While the case is moving (已收件/已转递/已受理, or a handoff is pending) it refreshes every few seconds.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { MOVING, regionName, fmtClock } from '../format.js';
import { breadcrumb, pageHeader, card, showAlert, clearAlert, loading, toast, confirmDialog, dialogOpen, openBlob, empty } from '../ui.js';
import { remoteButton } from '../remote.js';
import { summary, applicantCard, deliveryCard, outcomeCards, materialsTable, handoffsTable, timelineList, auditResult } from './case-sections.js';
import { createDocumentsPanel } from './case-documents.js';

const REFRESH_MS = 5000;
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];
const ACCEPT_ATTR = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export async function renderCaseDetail(main, ctx) {
  const alertSlot = h('div', { class: 'alert-slot' });
  const live = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const crumbs = breadcrumb([{ label: '首页', href: '#/cases' }, { label: '办件管理', href: '#/cases' }, { label: '办件详情' }]);
  mount(main, crumbs, pageHeader('办件详情'), alertSlot, loading());

  const state = {
    c: null, item: null, events: null, audit: null,
    missing: new Set(), uploading: new Set(), retrying: new Set(), busy: false, lastRefresh: null,
  };

  try {
    const c = await api.getCase(ctx.id);
    const [item, tl] = await Promise.all([
      // the item by the case's (partner, itemCode); a case handed to us is for an item our windows do not receive
      c.direction === 'inbound' ? null : api.getItem(c.itemCode, c.partner).catch(() => null),
      api.timeline(c.id).catch(() => null),
    ]);
    Object.assign(state, { c, item, events: tl?.events ?? null, lastRefresh: new Date() });
  } catch (err) {
    if (!ctx.alive()) return;
    mount(main, crumbs, pageHeader('办件详情'), alertSlot, empty('办件未能打开。'), h('p', null, h('a', { href: '#/cases', class: 'btn' }, '返回办件管理')));
    showAlert(alertSlot, err);
    return;
  }
  if (!ctx.alive()) return;

  const documents = createDocumentsPanel({ caseId: state.c.id, onError: (err) => showAlert(alertSlot, err) });
  void documents.refresh();

  const outbound = () => state.c.direction !== 'inbound';
  const editable = () => outbound() && ['draft', 'needs_supplement'].includes(state.c.status);
  const canWithdraw = () => outbound() && (['draft', 'needs_supplement'].includes(state.c.status)
    || (state.c.status === 'received' && !state.c.handoffs.some((j) => j.status === 'delivered')));
  const moving = () => MOVING.includes(state.c.status) || state.c.handoffs.some((j) => j.status === 'pending');

  async function reload() {
    const [c, tl] = await Promise.all([api.getCase(state.c.id), api.timeline(state.c.id).catch(() => null)]);
    if (!ctx.alive()) return false;
    const changed = c.updatedAt !== state.c.updatedAt || c.status !== state.c.status || (tl?.events?.length ?? -1) !== (state.events?.length ?? -1);
    const before = state.c.statusLabel;
    state.c = c;
    if (tl) state.events = tl.events;
    state.lastRefresh = new Date();
    if (c.statusLabel !== before) live.textContent = `办件状态已更新为：${c.statusLabel}`;
    if (changed) void documents.refresh();
    return changed;
  }

  // ── actions ──────────────────────────────────────────────────────────────────────────────
  async function submit() {
    const c = state.c;
    const lacking = (state.item?.materials ?? []).filter((m) => m.required && !c.materials.some((f) => f.code === m.code));
    const ok = await confirmDialog({
      title: '形式审查通过，收件并转递',
      message: h('div', null,
        h('p', null, `确认申请材料齐全、形式符合要求，已核验申请人身份？确认后办件变为「已收件」，并转递至 ${regionName(c.handlingRegion, c.handlingRegionName)} 办理。`),
        lacking.length > 0 && h('p', { class: 'text-warning' }, `注意：以下必交材料尚未上传：${lacking.map((m) => m.name).join('、')}。`)),
      confirmText: '确认收件并转递',
    });
    if (!ok) return;
    await act('submit', async () => {
      state.c = await api.submitCase(c.id);
      state.missing.clear();
      toast('已收件，办件正在转递至办理地。');
    }, (err) => {
      if (err.code === 'MATERIALS_MISSING') {
        state.missing = new Set((err.problem.errors ?? []).map((e) => /^\/materials\/(.+)$/.exec(e.field ?? '')?.[1]).filter(Boolean));
      }
    });
  }

  async function withdraw() {
    const reason = await confirmDialog({
      title: '撤回办件',
      message: h('p', null, '撤回后办件不再转递，且不能恢复。请填写撤回原因（如：申请人申请撤回）。'),
      input: { label: '撤回原因', maxLength: 200 },
      confirmText: '确认撤回',
      danger: true,
    });
    if (!reason) return;
    await act('withdraw', async () => {
      state.c = await api.withdrawCase(state.c.id, reason);
      toast('办件已撤回。');
    });
  }

  async function retry(job) {
    state.retrying.add(job.id);
    render();
    await act(`retry-${job.id}`, async () => {
      state.c = await api.retryHandoff(state.c.id, job.id);
      toast('已重新加入转递队列。');
    });
    state.retrying.delete(job.id);
    render();
    startPolling();
  }

  function upload(m) {
    const picker = h('input', { type: 'file', accept: ACCEPT_ATTR, hidden: true });
    picker.addEventListener('change', async () => {
      const file = picker.files?.[0];
      picker.remove();
      if (!file) return;
      clearAlert(alertSlot);
      if (file.size > MAX_UPLOAD_BYTES) {
        showAlert(alertSlot, `文件「${file.name}」超过 20 MB，请压缩或分拆后上传。`, 'warning');
        return;
      }
      if (file.type && !ACCEPTED.includes(file.type)) {
        showAlert(alertSlot, `文件「${file.name}」不是 PDF、JPEG 或 PNG，请扫描为这三种格式之一。`, 'warning');
        return;
      }
      let name = m.name;
      if (m.extra) {
        name = await confirmDialog({ title: '上传其他材料', input: { label: '材料名称', maxLength: 100 }, confirmText: '上传' });
        if (!name) return;
      }
      const form = new FormData();
      form.append('code', m.code);
      form.append('name', name);
      form.append('file', file, file.name);
      state.uploading.add(m.code);
      render();
      try {
        const added = await api.addMaterial(state.c.id, form);
        toast(`已上传「${name}」：${added.pages} 页。`);
        state.missing.delete(m.code);
        await reload();
      } catch (err) {
        showAlert(alertSlot, err);
      } finally {
        state.uploading.delete(m.code);
        if (ctx.alive()) render();
      }
    });
    document.body.append(picker);
    picker.click();
  }

  async function viewFile(f) {
    try {
      openBlob(await api.materialFile(state.c.id, f.id), f.fileName);
    } catch (err) {
      showAlert(alertSlot, err);
    }
  }

  async function openResult() {
    try {
      openBlob(await api.resultDocument(state.c.id), state.c.result?.document?.fileName);
    } catch (err) {
      showAlert(alertSlot, err);
    }
  }

  async function verifyAudit() {
    await act('audit', async () => {
      state.audit = { ...(await api.verifyAudit(state.c.id)), checkedAt: new Date().toISOString() };
    });
  }

  /** Runs an action with the page marked busy; errors go to the alert (and to onError first). */
  async function act(key, fn, onError) {
    state.busy = key;
    clearAlert(alertSlot);
    render();
    try {
      await fn();
      await reload().catch(() => {});
    } catch (err) {
      onError?.(err);
      showAlert(alertSlot, err);
      if (err.code === 'ILLEGAL_TRANSITION' || err.code === 'CONCURRENT_UPDATE') await reload().catch(() => {});
    } finally {
      state.busy = false;
      if (ctx.alive()) render();
      startPolling();
    }
  }

  // ── render ───────────────────────────────────────────────────────────────────────────────
  let refreshText = null;
  const refreshLine = () => `${moving() ? `办件流转中，每 ${REFRESH_MS / 1000} 秒自动刷新 · ` : ''}更新于 ${fmtClock(state.lastRefresh)}`;

  function render() {
    if (!ctx.alive()) return;
    const focusKey = document.activeElement?.dataset?.key;
    const c = state.c;
    const busy = (k) => state.busy === k;
    const actions = [
      editable() && h('button', { type: 'button', class: 'btn btn-primary', dataset: { key: 'submit' }, disabled: Boolean(state.busy), onclick: submit },
        busy('submit') ? '正在提交…' : '形式审查通过，收件并转递'),
      canWithdraw() && h('button', { type: 'button', class: 'btn btn-danger-ghost', dataset: { key: 'withdraw' }, disabled: Boolean(state.busy), onclick: withdraw },
        busy('withdraw') ? '正在撤回…' : '撤回'),
      remoteButton({ caseId: c.id, label: '远程帮办', alertSlot }),
    ].filter(Boolean);

    refreshText = h('span', { class: 'muted small' }, refreshLine());
    const refreshInfo = h('div', { class: 'refresh-info' },
      moving() && h('span', { class: 'pulse', 'aria-hidden': 'true' }),
      refreshText,
      h('button', { type: 'button', class: 'btn btn-small', dataset: { key: 'refresh' }, onclick: () => reload().then(render).catch((e) => showAlert(alertSlot, e)) }, '刷新'));

    const uploadHint = editable()
      ? h('p', { class: 'muted small' }, '支持 PDF、JPEG、PNG（以文件内容判断），单个文件不超过 20 MB。上传后自动计算 SHA-256 并登记页数。')
      : h('p', { class: 'muted small' }, !outbound() ? '合作地区随办件转来的材料。'
        : MOVING.includes(state.c.status) ? '办件已收件，材料不可更改；办理地要求补正时可再次上传。' : '办件已结束，材料仅供查阅。');

    mount(main,
      crumbs,
      pageHeader('办件详情', refreshInfo),
      alertSlot,
      live,
      summary(c, state.item, actions.length ? actions : null),
      outcomeCards(c, { onOpenResult: openResult }),
      h('div', { class: 'grid-2' }, applicantCard(c), deliveryCard(c)),
      card('材料清单', h('div', null,
        materialsTable(c, state.item, { editable: editable(), missing: state.missing, uploading: state.uploading, onUpload: upload, onView: viewFile }),
        uploadHint)),
      card('转递', handoffsTable(c, { retrying: state.retrying, onRetry: retry })),
      card('文书', documents.element, { actions: h('a', { href: 'verify.html', target: '_blank', rel: 'noopener', class: 'btn btn-small' }, '文书真伪核验') }),
      h('div', { class: 'grid-2 grid-wide-left' },
        card('时间线', timelineList(state.events)),
        card('审计链', auditResult(state.audit), {
          actions: h('button', { type: 'button', class: 'btn btn-small', dataset: { key: 'audit' }, disabled: busy('audit'), onclick: verifyAudit }, busy('audit') ? '校验中…' : '校验审计链'),
        })),
    );
    if (focusKey) main.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  }

  // ── auto refresh ─────────────────────────────────────────────────────────────────────────
  let timer = null;
  function startPolling() {
    if (timer || !ctx.alive() || !moving()) return;
    timer = setInterval(async () => {
      if (!ctx.alive()) { stopPolling(); return; }
      if (document.hidden || dialogOpen() || state.busy || state.uploading.size) return;
      try {
        if (await reload()) render();
        else if (refreshText) refreshText.textContent = refreshLine();
      } catch {
        // a failed refresh is retried at the next tick; a 401 has already sent the clerk to the login page
      }
      if (!moving()) { stopPolling(); render(); }
    }, REFRESH_MS);
  }
  function stopPolling() {
    clearInterval(timer);
    timer = null;
  }
  ctx.onCleanup(stopPolling);

  render();
  startPolling();
}
