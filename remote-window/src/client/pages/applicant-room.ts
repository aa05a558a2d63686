/// <reference lib="dom" />
// The applicant once joined: the waiting room (「请稍候…」, how long, the position), the session (the
// clerk big, oneself small, mute, document mode on phones / screen sharing on PCs, chat, the signal
// indicator, the reconnecting banner, the consent dialog for captures) and the end (why).
import type { Events } from '../../protocol.js';
import { imageUrl } from '../capture.js';
import { canShareScreen, openCamera, openDocumentCamera, openScreen } from '../devices.js';
import type { Room } from '../room.js';
import { ask, duration, h, mount, toast } from '../ui/dom.js';
import { END_TEXT, signalMessage } from '../ui/messages.js';
import { chatPanel, localPreview, qualityBadge, reconnectBanner, roomStage } from '../ui/widgets.js';
import type { Joined } from './applicant-form.js';

export function renderRoom(main: HTMLElement, joined: Joined, opts: { onAgain(): void }): void {
  const { room } = joined;
  let timer: ReturnType<typeof setInterval> | null = null;
  const render = () => {
    if (timer) clearInterval(timer);
    if (room.state === 'waiting') timer = waiting(main, room);
    else if (room.state === 'admitted') session(main, joined);
    else if (room.state === 'ended') ended(main, room, opts.onAgain);
  };
  room.on('state', render);
  room.on('captureRequested', (c) => void consent(room, c));
  room.on('muteRequested', (source) => toast(source === 'mic' ? '工作人员已将您的麦克风静音，如需发言请再次开启。' : '工作人员已关闭您的摄像头画面。', 'info'));
  render();
}

function waiting(main: HTMLElement, room: Room): ReturnType<typeof setInterval> {
  const since = Date.now();
  const waited = h('span', { class: 'waited' }, '0 秒');
  const position = h('p', { class: 'position' });
  const update = () => {
    waited.textContent = duration(Date.now() - since);
    const me = room.participants.get(room.myId);
    const ahead = me ? [...room.participants.values()].filter((p) => p.state === 'waiting' && p.joinedAt < me.joinedAt).length : 0;
    position.textContent = ahead > 0 ? `您前面还有 ${ahead} 位` : '';
  };
  mount(main, h('section', { class: 'card waiting-card', dataset: { screen: 'waiting' } },
    h('div', { class: 'waiting-spinner', 'aria-hidden': 'true' }),
    h('h1', { class: 'page-title', tabindex: '-1' }, '请稍候，工作人员即将为您服务'),
    h('p', { class: 'lead' }, '已等待 ', waited, '。请不要关闭或刷新本页面。'),
    position,
    reconnectBanner(room),
    h('div', { class: 'preview-box small' }, localPreview(room.local.camera)),
    h('button', { type: 'button', class: 'btn btn-block', onclick: () => void room.leave() }, '退出排队')));
  update();
  return setInterval(update, 1000);
}

function session(main: HTMLElement, { room, device }: Joined): void {
  const { big, strip, audioButton: audioBtn } = roomStage(room, { emptyText: '正在等待工作人员画面…', prefer: 'clerk' });
  const self = localPreview(room.local.camera, device === 'phone');

  const quality = qualityBadge();
  room.on('quality', quality.update);
  const mic = toolButton('麦克风', 'mic', () => room.setMuted('mic', !room.isMuted('mic')));
  const cam = toolButton('摄像头', 'camera', () => room.setMuted('camera', !room.isMuted('camera')));
  let docTrack: MediaStreamTrack | null = null;
  const extra = canShareScreen()
    ? toolButton('共享屏幕', 'screen', async () => {
      if (room.local.screen) await room.removeTrack('screen');
      else await room.addTrack('screen', await openScreen());
    })
    : toolButton('文档模式', 'document', async () => {
      if (docTrack) {
        docTrack = null;
        await room.replaceTrack('camera', await openCamera());
        await room.request('setMuted', { source: 'document', muted: true }).catch(() => undefined);
      } else {
        room.local.camera?.stop(); // phones rarely open two cameras at once
        try {
          docTrack = await openDocumentCamera();
        } catch {
          await room.replaceTrack('camera', await openCamera());
          throw new Error('未能打开后置摄像头。');
        }
        await room.replaceTrack('camera', docTrack);
        await room.request('setMuted', { source: 'document', muted: false }).catch(() => undefined);
        const s = docTrack.getSettings();
        toast(`已切换到文档模式（${s.width}×${s.height}）：请将材料平放，对准后置摄像头。`, 'info');
      }
      self.srcObject = room.local.camera ? new MediaStream([room.local.camera]) : null;
      self.classList.toggle('mirror', !docTrack);
    });
  room.on('localSourceEnded', (src) => { if (src === 'screen') void room.removeTrack('screen'); });
  const chat = chatPanel(room, { compact: true });
  const chatToggle = h('button', { type: 'button', class: 'tool', 'aria-expanded': 'false', onclick: () => {
    chat.classList.toggle('is-open');
    chatToggle.setAttribute('aria-expanded', String(chat.classList.contains('is-open')));
  } }, h('span', { class: 'tool-icon icon-chat', 'aria-hidden': 'true' }), '文字');
  room.on('chat', (m) => { if (m.from !== room.myId && !chat.classList.contains('is-open')) chatToggle.classList.add('has-news'); });
  const leave = h('button', { type: 'button', class: 'tool tool-danger', onclick: async () => {
    const r = await ask({ title: '确定离开远程帮办？', buttons: [{ label: '继续帮办', value: 'no' }, { label: '离开', value: 'yes', kind: 'danger' }] });
    if (r?.value === 'yes') await room.leave();
  } }, h('span', { class: 'tool-icon icon-leave', 'aria-hidden': 'true' }), '离开');
  const refresh = () => {
    mic.setOn(!room.isMuted('mic'));
    cam.setOn(!room.isMuted('camera'));
    extra.setOn(Boolean(room.local.screen || docTrack));
  };
  room.on('change', refresh);
  refresh();
  mount(main, h('section', { class: 'session applicant-session', dataset: { screen: 'session' } },
    reconnectBanner(room),
    h('div', { class: 'stage' }, big, strip, h('div', { class: 'self-view' }, self), audioBtn),
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': '通话控制' }, mic.el, cam.el, extra.el, chatToggle, quality.el, leave),
    chat));
}

function toolButton(label: string, key: string, act: () => Promise<void>) {
  const el = h('button', { type: 'button', class: 'tool', dataset: { tool: key }, 'aria-pressed': 'false' }, h('span', { class: `tool-icon icon-${key}`, 'aria-hidden': 'true' }), label);
  el.addEventListener('click', async () => {
    el.disabled = true;
    try { await act(); } catch (err) { toast((err as Error).message && !(err as { code?: string }).code ? (err as Error).message : signalMessage(err), 'error'); }
    finally { el.disabled = false; }
  });
  // mic and camera are normally on (off is a warning, red); screen and document mode are normally off
  const warnWhenOff = key === 'mic' || key === 'camera';
  return { el, setOn: (on: boolean) => { el.setAttribute('aria-pressed', String(on)); el.classList.toggle('is-off', warnWhenOff && !on); } };
}

async function consent(room: Room, c: Events['captureRequested']): Promise<void> {
  const url = imageUrl(c.mediaType, c.imageBase64);
  const r = await ask({
    title: '工作人员请求将以下画面作为办件材料',
    required: true,
    body: [
      h('img', { class: 'consent-image', src: url, alt: '拍摄的画面' }),
      c.note ? h('p', null, `说明：${c.note}`) : null,
      h('p', null, '同意后，该画面将存入您的办件，作为申请材料使用；拒绝则不保存。'),
      h('p', { class: 'muted small mono' }, `SHA-256：${c.sha256}`),
    ],
    buttons: [{ label: '拒绝', value: 'no', kind: 'default' }, { label: '同意提交', value: 'yes', kind: 'primary' }],
  });
  URL.revokeObjectURL(url);
  const granted = r?.value === 'yes';
  try {
    await room.request('captureConsent', { captureId: c.captureId, granted }, 30_000);
    toast(granted ? '已同意，材料已提交给工作人员。' : '已拒绝，该画面不会保存。', granted ? 'success' : 'info');
  } catch (err) {
    toast(`未能提交您的选择：${signalMessage(err)}`, 'error');
  }
}

function ended(main: HTMLElement, room: Room, again: () => void): void {
  const end = room.end ?? { kind: 'lost' as const, reason: '' };
  const text = END_TEXT[end.kind];
  mount(main, h('section', { class: 'card ended-card', dataset: { screen: 'ended', end: end.kind } },
    h('h1', { class: 'page-title', tabindex: '-1' }, text.title),
    end.reason && ['declined', 'expired', 'removed', 'ended'].includes(end.kind) ? h('p', { class: 'end-reason' }, `原因：${end.reason}`) : null,
    h('p', { class: 'lead' }, text.hint),
    end.kind !== 'ended' && end.kind !== 'removed' ? h('button', { type: 'button', class: 'btn btn-primary btn-block', onclick: again }, '重新进入') : null));
}
