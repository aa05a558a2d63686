// 死信队列 (operators): GET /api/cases?handoffStatus=dead, each case's dead handoffs from
// GET /api/cases/{id}, and 重新转递 per job (POST …/handoffs/{jobId}/retry).
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { regionName, fmtTime, stepLabel, errorCodeLabel } from '../format.js';
import { breadcrumb, pageHeader, card, showAlert, clearAlert, statusTag, pagination, loading, empty, toast } from '../ui.js';

const PAGE_SIZE = 20;

export async function renderDead(main, ctx) {
  const offset = Math.max(0, Number.parseInt(ctx.query.get('offset') ?? '0', 10) || 0);
  const alertSlot = h('div', { class: 'alert-slot' });
  const results = h('div', null, loading());
  mount(main,
    breadcrumb([{ label: '首页', href: '#/cases' }, { label: '死信队列' }]),
    pageHeader('死信队列', h('button', { type: 'button', class: 'btn', onclick: () => load() }, '刷新')),
    h('p', { class: 'page-intro' }, '多次重试仍未送达办理地的转递任务。请先查看最近错误（如办理地系统故障已恢复），再「重新转递」；重新转递使用同一幂等键，办理地不会重复受理。'),
    alertSlot,
    card('转递失败的办件', results),
  );

  async function retry(c, job, btn) {
    btn.disabled = true;
    btn.textContent = '提交中…';
    clearAlert(alertSlot);
    try {
      await api.retryHandoff(c.id, job.id);
      toast(`办件 ${c.caseNo} 已重新加入转递队列。`);
      await load();
    } catch (err) {
      showAlert(alertSlot, err);
      btn.disabled = false;
      btn.textContent = '重新转递';
    }
  }

  async function load() {
    try {
      const res = await api.listCases({ handoffStatus: 'dead', offset, limit: PAGE_SIZE });
      // the summaries do not carry the jobs: read each case for its dead handoffs
      const cases = await Promise.all(res.items.map((s) => api.getCase(s.id).catch(() => null)));
      if (!ctx.alive()) return;
      const rows = [];
      res.items.forEach((s, i) => {
        const c = cases[i];
        const dead = c?.handoffs.filter((j) => j.status === 'dead') ?? [];
        if (dead.length === 0) rows.push({ s, c, job: null });
        for (const job of dead) rows.push({ s, c, job });
      });
      if (rows.length === 0) {
        mount(results, empty(offset > 0 ? '本页没有死信。' : '没有转递失败的办件。'));
        return;
      }
      mount(results,
        h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
          h('caption', { class: 'sr-only' }, '死信队列'),
          h('thead', null, h('tr', null, ['办件编号', '事项名称', '办理地', '状态', '转递环节', '尝试次数', '最近错误', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, rows.map(({ s, c, job }) => {
            const btn = job && h('button', { type: 'button', class: 'btn btn-primary btn-small' }, '重新转递');
            btn?.addEventListener('click', () => retry(s, job, btn));
            return h('tr', null,
              h('td', null, h('a', { href: `#/cases/${encodeURIComponent(s.id)}`, class: 'mono' }, s.caseNo)),
              h('td', null, s.itemName),
              h('td', null, regionName(s.handlingRegion ?? s.partner)),
              h('td', null, statusTag(s.status, s.statusLabel)),
              h('td', null, job ? stepLabel(job.step) : '—'),
              h('td', { class: 'num' }, job ? `${job.attempts} / ${job.maxAttempts}` : '—'),
              h('td', null, job?.lastError
                ? h('div', { class: 'err-cell' }, h('strong', null, errorCodeLabel(job.lastError.code)), h('div', null, job.lastError.message), h('div', { class: 'muted small' }, fmtTime(job.lastError.at)))
                : h('span', { class: 'muted' }, c ? '—' : '详情未能加载')),
              h('td', null, btn ?? h('span', { class: 'muted' }, '—')),
            );
          })),
        )),
        pagination({ total: res.total, offset, limit: PAGE_SIZE, onChange: (o) => ctx.navigate(`#/dead${o ? `?offset=${o}` : ''}`) }),
      );
    } catch (err) {
      if (!ctx.alive()) return;
      mount(results, empty('死信队列未能加载。'));
      showAlert(alertSlot, err);
    }
  }
  await load();
}
