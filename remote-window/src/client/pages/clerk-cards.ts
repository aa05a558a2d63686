/// <reference lib="dom" />
// The clerk panel's cards: the session (办件编号, 帮办码, link, QR code), the waiting list (every person
// who waits, with 准入 / 拒绝), and the participants (state, signal, mute, 移出).
import type { ParticipantView } from '../../protocol.js';
import { ask, clock, duration, h, mount } from '../ui/dom.js';
import { QUALITY_TEXT, ROLE_TEXT, STATE_TEXT } from '../ui/messages.js';
import { act, card, copy, type PanelContext } from './clerk-common.js';

export function sessionCard({ info }: PanelContext): HTMLElement {
  const rows: Array<[string, Node | string]> = [];
  rows.push(['办件编号', info.caseNo ?? '无（现场咨询，未关联办件）']);
  if (info.itemName) rows.push(['办理事项', info.itemName]);
  if (info.code) rows.push(['帮办码', h('span', { class: 'join-code mono', dataset: { joinCode: info.code } }, info.code)]);
  if (info.joinUrl) {
    const input = h('input', { class: 'input mono', readonly: true, value: info.joinUrl, 'aria-label': '入会链接' });
    rows.push(['入会链接', h('div', { class: 'copy-row' }, input, h('button', { type: 'button', class: 'btn btn-small', onclick: () => copy(info.joinUrl ?? '', '入会链接已复制') }, '复制'))]);
  }
  if (info.expiresAt) rows.push(['帮办码有效至', clock(info.expiresAt)]);
  const qr = info.qrSvg ? h('img', { class: 'qr', alt: '入会二维码：申请人用手机扫码进入', src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(info.qrSvg)}` }) : null;
  return card('会话信息', [
    h('div', { class: 'session-info' },
      h('dl', { class: 'desc' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      qr),
    h('p', { class: 'muted small' }, '请将帮办码或链接告知申请人，申请人也可用手机扫描二维码进入。'),
  ], { key: 'session' });
}

export function waitingCard(ctx: PanelContext): HTMLElement {
  const { room } = ctx;
  const list = h('ul', { class: 'list waiting-list' });
  const count = h('span', { class: 'tag tag-blue' }, '0');
  let shown = '';
  const waitedText = (p: ParticipantView) => `${clock(p.joinedAt)} 起等候 · 已等 ${duration(Date.now() - Date.parse(p.joinedAt))}`;
  const render = () => {
    const waiting = [...room.participants.values()].filter((p) => p.state === 'waiting').sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
    // rebuild only when the list changes: a button replaced under the pointer would swallow the click
    const key = waiting.map((p) => p.participantId).join();
    if (key === shown && list.childElementCount > 0) {
      for (const p of waiting) { const t = list.querySelector(`[data-participant="${p.participantId}"] .waited`); if (t) t.textContent = waitedText(p); }
      return;
    }
    shown = key;
    count.textContent = String(waiting.length);
    mount(list, waiting.length === 0 ? h('li', { class: 'empty' }, '暂无等候人员') : waiting.map((p) => h('li', { class: 'list-row', dataset: { participant: p.participantId, waiting: '' } },
      h('div', { class: 'row-main' },
        h('strong', { class: 'row-name' }, p.displayName),
        h('span', { class: 'tag tag-grey' }, p.device === 'phone' ? '手机' : '电脑'),
        h('span', { class: 'muted small waited' }, waitedText(p))),
      h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn btn-primary btn-small', dataset: { action: 'admit' }, onclick: () => void act(() => room.request('admit', { participantId: p.participantId }), `已准许 ${p.displayName} 进入`) }, '准入'),
        h('button', { type: 'button', class: 'btn btn-small', dataset: { action: 'decline' }, onclick: () => void decline(ctx, p) }, '拒绝')))));
  };
  room.on('change', render);
  const ticker = setInterval(() => { if (!list.isConnected) clearInterval(ticker); else render(); }, 5000);
  render();
  return card('等候队列', list, { key: 'waiting', actions: count });
}

async function decline(ctx: PanelContext, p: ParticipantView): Promise<void> {
  const r = await ask({
    title: `拒绝 ${p.displayName} 进入`,
    body: h('p', null, '原因将显示给申请人。'),
    input: { label: '拒绝原因', value: '当前窗口业务繁忙，请稍后重新进入或前往窗口现场办理。' },
    buttons: [{ label: '取消', value: 'no' }, { label: '确认拒绝', value: 'yes', kind: 'danger' }],
  });
  if (r?.value !== 'yes') return;
  await act(() => ctx.room.request('decline', { participantId: p.participantId, reason: r.text || '工作人员暂时无法接待' }), `已拒绝 ${p.displayName}`);
}

export function participantsCard(ctx: PanelContext): HTMLElement {
  const { room } = ctx;
  const isClerk = ctx.role === 'clerk';
  const list = h('ul', { class: 'list participant-list' });
  let shown = '';
  const render = () => {
    const people = [...room.participants.values()].filter((p) => p.state !== 'waiting' && p.participantId !== room.myId);
    const key = JSON.stringify(people.map((p) => [p.participantId, p.state, p.quality, p.muted, p.displayName]));
    if (key === shown) return; // see waitingCard: no rebuild without a change
    shown = key;
    mount(list, people.length === 0 ? h('li', { class: 'empty' }, '暂无其他参会人员') : people.map((p) => h('li', { class: ['list-row', `state-${p.state}`], dataset: { participant: p.participantId, state: p.state, role: p.role } },
      h('div', { class: 'row-main' },
        h('strong', { class: 'row-name' }, p.displayName),
        h('span', { class: 'tag tag-grey' }, ROLE_TEXT[p.role] ?? p.role),
        h('span', { class: ['tag', stateTone(p.state)], dataset: { stateLabel: '' } }, STATE_TEXT[p.state] ?? p.state),
        p.state === 'admitted' ? h('span', { class: `tag q-tag q-${p.quality ?? 'unknown'}`, title: '对方网络信号' }, `信号 ${QUALITY_TEXT[p.quality ?? 'unknown']}`) : null,
        p.muted?.mic ? h('span', { class: 'tag tag-grey' }, '已静音') : null,
        p.muted?.document === false ? h('span', { class: 'tag tag-cyan' }, '文档模式') : null),
      isClerk && p.state !== 'left' ? h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn btn-small', dataset: { action: 'mute' }, onclick: () => void act(() => room.request('muteParticipant', { participantId: p.participantId, source: 'mic' }), `已请 ${p.displayName} 静音`) }, '静音'),
        h('button', { type: 'button', class: 'btn btn-small btn-danger-ghost', dataset: { action: 'remove' }, onclick: () => void remove(ctx, p) }, '移出')) : null)));
  };
  room.on('change', render);
  render();
  return card('参会人员', list, { key: 'participants' });
}

async function remove(ctx: PanelContext, p: ParticipantView): Promise<void> {
  const r = await ask({
    title: `将 ${p.displayName} 移出会话`,
    input: { label: '原因（将告知对方）', value: '本次帮办已完成' },
    buttons: [{ label: '取消', value: 'no' }, { label: '移出', value: 'yes', kind: 'danger' }],
  });
  if (r?.value !== 'yes') return;
  await act(() => ctx.room.request('remove', { participantId: p.participantId, reason: r.text || '工作人员已将您移出' }), `已将 ${p.displayName} 移出`);
}

function stateTone(state: string): string {
  return state === 'admitted' ? 'tag-green' : state === 'reconnecting' ? 'tag-orange' : state === 'left' ? 'tag-grey' : 'tag-blue';
}
