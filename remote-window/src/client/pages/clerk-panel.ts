/// <reference lib="dom" />
// The clerk's panel: videos and controls on the left (mute, camera, 共享屏幕, 结束会话), the session's
// cards on the right (info and join code, waiting list, participants, captures, 三方连线, chat).
import { canShareScreen, openScreen } from '../devices.js';
import { ask, h, mount, toast } from '../ui/dom.js';
import { END_TEXT, signalMessage } from '../ui/messages.js';
import { chatPanel, localPreview, qualityBadge, reconnectBanner, roomStage } from '../ui/widgets.js';
import { card, type PanelContext } from './clerk-common.js';
import { participantsCard, sessionCard, waitingCard } from './clerk-cards.js';
import { captureCard, inviteCard } from './clerk-capture.js';

export function renderPanel(main: HTMLElement, base: Omit<PanelContext, 'stage'>): void {
  const { room } = base;
  const isClerk = base.role === 'clerk';
  const { stage, big, strip, audioButton: audioBtn } = roomStage(room, {
    emptyText: isClerk ? '申请人进入后，画面显示在这里' : '等待其他参会人员画面…', prefer: 'applicant', showRegion: true,
  });
  const ctx: PanelContext = { ...base, stage };

  const quality = qualityBadge();
  room.on('quality', quality.update);
  const tool = (label: string, key: string, act: () => Promise<void>, danger = false) => {
    const el = h('button', { type: 'button', class: ['tool', danger && 'tool-danger'], dataset: { tool: key } }, h('span', { class: `tool-icon icon-${key}`, 'aria-hidden': 'true' }), label);
    el.addEventListener('click', async () => {
      el.disabled = true;
      try { await act(); } catch (err) { toast((err as { code?: string }).code ? signalMessage(err) : (err as Error).message, 'error'); } finally { el.disabled = false; }
    });
    return el;
  };
  const mic = tool('麦克风', 'mic', () => room.setMuted('mic', !room.isMuted('mic')));
  const cam = tool('摄像头', 'camera', () => room.setMuted('camera', !room.isMuted('camera')));
  const screen = canShareScreen() ? tool('共享屏幕', 'screen', async () => {
    if (room.local.screen) await room.removeTrack('screen');
    else await room.addTrack('screen', await openScreen());
  }) : null;
  room.on('localSourceEnded', (src) => { if (src === 'screen') void room.removeTrack('screen'); });
  const end = isClerk
    ? tool('结束会话', 'end', async () => {
      const r = await ask({ title: '结束本次远程帮办？', body: h('p', null, '所有参会人员将被断开，会话结束后不能再进入。'), buttons: [{ label: '取消', value: 'no' }, { label: '结束会话', value: 'yes', kind: 'danger' }] });
      if (r?.value === 'yes') await room.request('endSession', { reason: '工作人员已结束本次远程帮办' });
    }, true)
    : tool('退出', 'leave', () => room.leave(), true);
  const refresh = () => {
    mic.setAttribute('aria-pressed', String(!room.isMuted('mic')));
    cam.setAttribute('aria-pressed', String(!room.isMuted('camera')));
    screen?.setAttribute('aria-pressed', String(Boolean(room.local.screen)));
    mic.classList.toggle('is-off', room.isMuted('mic'));
    cam.classList.toggle('is-off', room.isMuted('camera'));
  };
  room.on('change', refresh);
  refresh();

  room.on('waiting', (p) => {
    toast(`新的申请人进入等候：${p.displayName}（${p.device === 'phone' ? '手机' : '电脑'}）`, 'info');
    document.title = `【有人等候】远程帮办`;
  });
  room.on('ended', (e) => ended(main, ctx, e.kind, e.reason));

  mount(main, h('div', { class: 'panel', dataset: { role: ctx.role } },
    reconnectBanner(room),
    h('div', { class: 'panel-grid' },
      h('div', { class: 'panel-left' },
        card(isClerk ? '视频' : '三方连线 · 视频', [
          h('div', { class: 'stage stage-clerk' }, big, strip, h('div', { class: 'self-view' }, localPreview(room.local.camera)), audioBtn),
          h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': '通话控制' }, mic, cam, screen, quality.el, end),
        ], { key: 'video' }),
        card('文字交流', chatPanel(room), { key: 'chat' })),
      h('div', { class: 'panel-right' },
        sessionCard(ctx),
        isClerk ? waitingCard(ctx) : null,
        participantsCard(ctx),
        isClerk && ctx.info.caseId ? captureCard(ctx) : null,
        isClerk && ctx.info.caseId ? inviteCard(ctx) : null))));
}

function ended(main: HTMLElement, ctx: PanelContext, kind: keyof typeof END_TEXT, reason: string): void {
  const text = kind === 'ended' ? '会话已结束' : END_TEXT[kind].title;
  mount(main, h('section', { class: 'card ended-card', dataset: { screen: 'ended', end: kind } },
    h('h1', { class: 'page-title', tabindex: '-1' }, text),
    reason && kind !== 'lost' ? h('p', { class: 'end-reason' }, reason) : null,
    h('p', { class: 'actions' },
      ctx.info.caseId ? h('a', { class: 'btn btn-primary', href: `/#/cases/${encodeURIComponent(ctx.info.caseId)}` }, '返回办件详情') : null,
      h('a', { class: 'btn', href: '/#/cases' }, '返回窗口工作台'))));
}
