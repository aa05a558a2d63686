/// <reference lib="dom" />
// Small pieces both pages use: the others' videos wired to the room, the quality indicator (信号
// 好/一般/差, numbers on tap), the chat panel, the 「正在重新连接…」 banner, and the local preview.
import type { ChatMessage, QualityReport, Role } from '../../protocol.js';
import type { Room } from '../room.js';
import { clock, h, mount } from './dom.js';
import { QUALITY_TEXT, ROLE_TEXT } from './messages.js';
import { Stage } from './stage.js';

/**
 * The others' videos for a room: the big area (`prefer`'s camera unless someone shares a screen), the
 * strip, and the 「点击开启声音」 button shown when the browser blocks audio playback; kept up to date
 * with the room's tracks and participants.
 */
export function roomStage(room: Room, opts: { emptyText: string; prefer: Role; showRegion?: boolean }): { stage: Stage; big: HTMLElement; strip: HTMLElement; audioButton: HTMLElement } {
  const big = h('div', { class: 'stage-big is-empty', 'data-empty-text': opts.emptyText });
  const strip = h('div', { class: 'stage-strip' });
  const label = (id: string) => {
    const p = room.participants.get(id);
    if (!p) return '';
    const region = opts.showRegion && p.region ? ` · ${p.region}` : '';
    return `${p.displayName}（${ROLE_TEXT[p.role] ?? p.role}${region}）${p.state === 'reconnecting' ? ' · 重新连接中…' : ''}`;
  };
  const stage = new Stage({
    big, strip, label,
    preferred: (ids) => ids.find((id) => room.participants.get(id)?.role === opts.prefer),
    onAudioBlocked: () => { audioButton.hidden = false; },
  });
  const audioButton = h('button', { type: 'button', class: 'btn btn-primary audio-unlock', hidden: true, onclick: () => { stage.resumeAudio(); audioButton.hidden = true; } }, '点击开启声音');
  for (const rt of room.media.remote.values()) stage.add(rt);
  room.on('remoteTrack', (rt) => stage.add(rt));
  room.on('remoteTrackEnded', (rt) => stage.remove(rt));
  room.on('change', () => stage.relabel());
  return { stage, big, strip, audioButton };
}

export function qualityBadge(): { el: HTMLElement; update(r: QualityReport | null): void } {
  const summary = h('summary', { class: 'quality-summary', 'aria-label': '网络信号' });
  const detail = h('div', { class: 'quality-detail' });
  const el = h('details', { class: 'quality q-unknown', dataset: { level: 'unknown' } }, summary, detail);
  const update = (r: QualityReport | null) => {
    const level = r?.level ?? 'unknown';
    el.className = `quality q-${level}`;
    el.dataset.level = level;
    mount(summary, h('span', { class: 'q-bars', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), `信号 ${QUALITY_TEXT[level]}`);
    mount(detail, r
      ? h('dl', null,
        h('dt', null, '丢包率'), h('dd', null, `${(r.loss * 100).toFixed(1)} %`),
        h('dt', null, '往返时延'), h('dd', null, r.rttMs === null ? '—' : `${r.rttMs} ms`),
        h('dt', null, '上行'), h('dd', null, `${r.sendKbps} kbit/s`),
        h('dt', null, '下行'), h('dd', null, `${r.recvKbps} kbit/s`))
      : '正在检测网络…');
  };
  update(null);
  return { el, update };
}

export function chatPanel(room: Room, opts: { compact?: boolean } = {}): HTMLElement {
  const list = h('ol', { class: 'chat-list', 'aria-live': 'polite' });
  const input = h('input', { type: 'text', class: 'chat-input', maxlength: '500', placeholder: '输入文字消息', 'aria-label': '文字消息' });
  const err = h('p', { class: 'field-error', 'aria-live': 'polite' });
  const line = (m: ChatMessage) => h('li', { class: ['chat-msg', m.from === room.myId && 'is-mine'] },
    h('span', { class: 'chat-meta' }, `${m.displayName} ${clock(m.at)}`), h('span', { class: 'chat-text' }, m.text));
  const render = () => {
    mount(list, room.chat.map(line));
    list.scrollTop = list.scrollHeight;
  };
  const send = async (e: Event) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    err.textContent = '';
    try {
      await room.request('chat', { text });
      input.value = '';
    } catch {
      err.textContent = '消息未发出，请稍后重试。';
    }
  };
  room.on('chat', render);
  room.on('change', () => { if (list.childElementCount !== room.chat.length) render(); });
  render();
  return h('div', { class: ['chat', opts.compact && 'chat-compact'] },
    list,
    h('form', { class: 'chat-form', onsubmit: send }, input, h('button', { type: 'submit', class: 'btn btn-primary' }, '发送')),
    err);
}

export function reconnectBanner(room: Room): HTMLElement {
  const el = h('div', { class: 'banner banner-warning', role: 'alert', hidden: true, dataset: { banner: 'reconnecting' } },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在重新连接…请勿关闭页面，网络恢复后将自动继续。');
  room.on('link', (l) => { el.hidden = l !== 'reconnecting'; });
  return el;
}

export function localPreview(track: MediaStreamTrack | null | undefined, mirror = true): HTMLVideoElement {
  const v = h('video', { autoplay: true, playsinline: true, muted: true, class: ['local-video', mirror && 'mirror'] });
  v.muted = true;
  if (track) v.srcObject = new MediaStream([track]);
  return v;
}
