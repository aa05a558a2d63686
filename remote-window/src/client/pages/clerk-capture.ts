/// <reference lib="dom" />
// 「拍摄材料」: the clerk grabs a still of an applicant's video (at its full resolution), the applicant
// is asked for consent, and the outcome is shown (stored in the case with its SHA-256, or refused).
// 「邀请办理地工作人员」: an invitation link for a clerk of the region with authority (三方连线).
import type { Events } from '../../protocol.js';
import { captureStill } from '../capture.js';
import { api } from '../ui/http.js';
import { clock, h, mount, toast } from '../ui/dom.js';
import { httpMessage, signalMessage } from '../ui/messages.js';
import { card, copy, type PanelContext } from './clerk-common.js';

interface Shot { captureId: string; sha256: string; localSha256: string; at: Date; preview: string; size: string; who: string; status: 'pending' | 'stored' | 'refused'; materialId?: string }

export function captureCard(ctx: PanelContext): HTMLElement {
  const { room, stage } = ctx;
  const shots: Shot[] = [];
  const target = h('select', { class: 'select', 'aria-label': '拍摄对象', id: 'capture-target' });
  const note = h('input', { class: 'input', maxlength: '50', placeholder: '材料说明，如：身份证正面', 'aria-label': '材料说明', id: 'capture-note' });
  const button = h('button', { type: 'button', class: 'btn btn-primary', dataset: { action: 'capture' } }, '拍摄材料');
  const list = h('ul', { class: 'list capture-list' });
  const applicants = () => [...room.participants.values()].filter((p) => p.role === 'applicant' && p.state !== 'waiting' && p.state !== 'left');
  let shown = '';
  let busy = false;
  const renderTargets = () => {
    const options = applicants().map((p) => [p.participantId, `${p.displayName}${p.muted?.document === false ? '（文档模式）' : ''}`] as const);
    button.disabled = busy || options.length === 0;
    const key = JSON.stringify(options);
    if (key === shown) return; // an open drop-down must not be rebuilt under the pointer
    shown = key;
    const current = target.value;
    mount(target, options.map(([id, text]) => h('option', { value: id, selected: id === current }, text)));
  };
  const render = () => mount(list, shots.length === 0 ? h('li', { class: 'empty' }, '尚未拍摄。拍摄后需申请人在其页面上同意，才会存入办件。') : shots.map((s) => h('li', { class: 'list-row capture-row', dataset: { capture: s.captureId, status: s.status, sha256: s.sha256, localSha256: s.localSha256, materialId: s.materialId ?? '' } },
    h('img', { class: 'capture-thumb', src: s.preview, alt: '拍摄的画面' }),
    h('div', { class: 'row-main' },
      h('strong', null, `${s.who} · ${clock(s.at)} · ${s.size}`),
      h('span', { class: ['tag', s.status === 'stored' ? 'tag-green' : s.status === 'refused' ? 'tag-red' : 'tag-orange'] },
        s.status === 'stored' ? `已存入办件${s.materialId ? `（材料 ${s.materialId}）` : ''}` : s.status === 'refused' ? '申请人拒绝，未保存' : '等待申请人同意…'),
      h('span', { class: 'mono small sha', title: 'SHA-256' }, `SHA-256 ${s.sha256}`)))));

  button.addEventListener('click', async () => {
    const who = target.value;
    const video = stage.videoOf(who);
    if (!video) { toast('尚未收到该申请人的画面，无法拍摄。', 'warning'); return; }
    busy = true;
    button.disabled = true;
    try {
      const still = await captureStill(video);
      const text = note.value.trim();
      const r = await room.request('captureStill', { fromParticipantId: who, mediaType: still.mediaType, imageBase64: still.imageBase64, ...(text ? { note: text } : {}) }, 30_000);
      if (r.sha256 !== still.sha256) toast('服务器计算的 SHA-256 与本地不一致，请重新拍摄。', 'error');
      shots.unshift({ captureId: r.captureId, sha256: r.sha256, localSha256: still.sha256, at: new Date(), preview: still.previewUrl, size: `${still.width}×${still.height}`, who: room.participants.get(who)?.displayName ?? '', status: 'pending' });
      render();
      toast('已拍摄，等待申请人同意。', 'info');
    } catch (err) {
      toast((err as { code?: string }).code ? signalMessage(err) : (err as Error).message, 'error');
    } finally {
      busy = false;
      renderTargets();
    }
  });
  room.on('captureResolved', (c: Events['captureResolved']) => {
    const s = shots.find((x) => x.captureId === c.captureId);
    if (!s) return;
    s.status = c.granted ? 'stored' : 'refused';
    if (c.materialId) s.materialId = c.materialId;
    render();
    toast(c.granted ? '申请人已同意，材料已存入办件。' : '申请人拒绝了本次拍摄，画面未保存。', c.granted ? 'success' : 'warning');
  });
  room.on('change', renderTargets);
  renderTargets();
  render();
  return card('拍摄材料', [h('div', { class: 'capture-controls' }, target, note, button), list], { key: 'capture' });
}

export function inviteCard(ctx: PanelContext): HTMLElement {
  const out = h('div', { class: 'invite-out' });
  const button = h('button', { type: 'button', class: 'btn', dataset: { action: 'invite' } }, '邀请办理地工作人员（三方连线）');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const r = await api<{ inviteUrl: string; expiresAt: string }>('POST', `/api/sessions/${encodeURIComponent(ctx.info.sessionId)}/invitations`, { token: ctx.token, json: {} });
      const input = h('input', { class: 'input mono', readonly: true, value: r.inviteUrl, id: 'invite-url', 'aria-label': '邀请链接' });
      mount(out,
        h('div', { class: 'copy-row' }, input, h('button', { type: 'button', class: 'btn btn-small', onclick: () => copy(r.inviteUrl, '邀请链接已复制') }, '复制')),
        h('p', { class: 'muted small' }, `有效至 ${clock(r.expiresAt)}。请发送给办理地工作人员，对方须使用本地区工作人员账号登录后进入。`));
    } catch (err) {
      mount(out, h('p', { class: 'field-error' }, httpMessage(err)));
    } finally {
      button.disabled = false;
    }
  });
  return card('三方连线', [h('p', { class: 'muted small' }, '邀请对本办件有办理权限的地区（办理地）的工作人员加入本次会话。'), button, out], { key: 'invite' });
}
