/// <reference lib="dom" />
// The applicant's first screen: device check (camera preview, microphone meter, camera choice, on/off)
// and the join form (name, and the 6-digit code when there is no link). The click on 「进入远程帮办」 is
// the moment the page asks to join (mark 'joinClick'): joinSession over HTTP, then the ws and hello.
import type { Params } from '../../protocol.js';
import { debugRoom } from '../debug.js';
import { listCameras, micLevel, openCamera, openMicrophone, type DeviceKind } from '../devices.js';
import { mark } from '../marks.js';
import { Room } from '../room.js';
import { api, HttpError } from '../ui/http.js';
import { h, mount } from '../ui/dom.js';
import { httpMessage, signalMessage } from '../ui/messages.js';
import { alertBox, wsEndpoint } from '../ui/shell.js';
import { localPreview } from '../ui/widgets.js';

export interface Joined { room: Room; device: DeviceKind; displayName: string }
interface JoinAnswer { sessionId: string; ticket: string; wsUrl: string }
const NAME_KEY = 'rw.displayName';

export function renderJoinForm(main: HTMLElement, opts: { token: string | null; device: DeviceKind; onJoined(j: Joined): void }): void {
  let camera: MediaStreamTrack | null = null;
  let mic: MediaStreamTrack | null = null;
  let stopMeter = () => undefined as void;
  const preview = localPreview(null, opts.device === 'phone');
  const meterBar = h('span', { class: 'meter-bar' });
  const meter = h('div', { class: 'meter', role: 'meter', 'aria-label': '麦克风音量', 'aria-valuemin': '0', 'aria-valuemax': '100' }, meterBar);
  const camSelect = h('select', { id: 'camera-select', class: 'select', 'aria-label': '选择摄像头', hidden: true });
  const camOn = h('input', { type: 'checkbox', id: 'camera-on', checked: true });
  const micOn = h('input', { type: 'checkbox', id: 'mic-on', checked: true });
  const deviceNote = h('p', { class: 'device-note', 'aria-live': 'polite' }, '正在打开摄像头和麦克风…');
  const name = h('input', { id: 'display-name', class: 'input', maxlength: '20', autocomplete: 'name', placeholder: '如：张先生', required: true });
  name.value = localStorage.getItem(NAME_KEY) ?? '';
  const code = opts.token ? null : h('input', {
    id: 'join-code', class: 'input input-code', inputmode: 'numeric', maxlength: '6', pattern: '[0-9]{6}', autocomplete: 'one-time-code', placeholder: '6 位数字', required: true,
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block btn-large', id: 'join-button' }, '进入远程帮办');
  const alertSlot = h('div', { class: 'alert-slot', 'aria-live': 'assertive' });

  async function openDevices(deviceId?: string): Promise<void> {
    stopMeter();
    camera?.stop();
    const notes: string[] = [];
    try {
      camera = await openCamera(deviceId);
      preview.srcObject = new MediaStream([camera]);
      camera.enabled = camOn.checked;
    } catch {
      camera = null;
      notes.push('未能打开摄像头（请在浏览器中允许使用摄像头）');
    }
    if (!mic) {
      try { mic = await openMicrophone(); } catch { notes.push('未能打开麦克风'); }
    }
    if (mic) stopMeter = micLevel(mic, (l) => { meterBar.style.width = `${Math.round(l * 100)}%`; meter.setAttribute('aria-valuenow', String(Math.round(l * 100))); });
    deviceNote.textContent = notes.length ? `${notes.join('；')}。您仍可进入，通过文字与工作人员交流。` : '摄像头和麦克风正常：请对着麦克风说话，音量条会随声音变化。';
    deviceNote.classList.toggle('is-warning', notes.length > 0);
    const cams = await listCameras().catch(() => []);
    camSelect.hidden = cams.length < 2;
    mount(camSelect, cams.map((c, i) => h('option', { value: c.deviceId, selected: camera?.getSettings().deviceId === c.deviceId }, c.label || `摄像头 ${i + 1}`)));
  }
  camSelect.addEventListener('change', () => void openDevices(camSelect.value));
  camOn.addEventListener('change', () => { if (camera) camera.enabled = camOn.checked; preview.classList.toggle('is-off', !camOn.checked); });
  micOn.addEventListener('change', () => { if (mic) mic.enabled = micOn.checked; });

  let blockedUntil = 0;
  async function join(e: Event): Promise<void> {
    e.preventDefault();
    alertSlot.replaceChildren();
    const displayName = name.value.trim();
    if (!displayName) return fieldError(name, '请填写您的称呼，方便工作人员称呼您。');
    if (code && !/^\d{6}$/.test(code.value.trim())) return fieldError(code, '请输入工作人员告知的 6 位数字帮办码。');
    if (Date.now() < blockedUntil) return;
    mark('joinClick', false);
    localStorage.setItem(NAME_KEY, displayName);
    submit.disabled = true;
    submit.textContent = '正在进入…';
    const body = { displayName, device: opts.device, ...(opts.token ? { joinToken: opts.token } : { code: code?.value.trim() }) };
    try {
      const r = await api<JoinAnswer>('POST', '/api/rw/join', { json: body });
      mark('joinAnswered', false);
      const hello: Params['hello'] = { device: opts.device, displayName };
      const room = new Room({ url: wsEndpoint(r.wsUrl), ticket: r.ticket, hello, tracks: { camera, mic } });
      debugRoom(room);
      await room.join();
      stopMeter();
      opts.onJoined({ room, device: opts.device, displayName });
    } catch (err) {
      submit.disabled = false;
      submit.textContent = '进入远程帮办';
      const msg = err instanceof HttpError ? httpMessage(err) : `无法建立连接：${signalMessage(err)}`;
      alertSlot.replaceChildren(alertBox(msg, 'error'));
      alertSlot.dataset.code = err instanceof HttpError ? err.code : 'WS';
      if (err instanceof HttpError && err.status === 429) countdown(err.retryAfterS ?? 60);
      if (code && err instanceof HttpError && err.status !== 429) code.select();
    }
  }

  function countdown(seconds: number): void {
    blockedUntil = Date.now() + seconds * 1000;
    submit.disabled = true;
    const tick = () => {
      const left = Math.ceil((blockedUntil - Date.now()) / 1000);
      if (left <= 0) { submit.disabled = false; submit.textContent = '进入远程帮办'; return; }
      submit.textContent = `请 ${left} 秒后再试`;
      setTimeout(tick, 1000);
    };
    tick();
  }

  function fieldError(input: HTMLInputElement, message: string): void {
    alertSlot.replaceChildren(alertBox(message, 'warning'));
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  mount(main, h('section', { class: 'card join-card' },
    h('h1', { class: 'page-title', tabindex: '-1' }, '远程帮办'),
    h('p', { class: 'lead' }, opts.token ? '您正在通过工作人员发送的链接进入远程帮办。' : '请输入工作人员告知的 6 位帮办码。'),
    h('form', { class: 'join-form', novalidate: true, onsubmit: (e: Event) => void join(e) },
      h('fieldset', { class: 'device-check' },
        h('legend', null, '设备检测'),
        h('div', { class: 'preview-box' }, preview),
        h('div', { class: 'meter-row' }, h('span', { class: 'meter-label' }, '麦克风'), meter),
        deviceNote,
        camSelect,
        h('div', { class: 'toggles' },
          h('label', { class: 'toggle' }, camOn, '开启摄像头'),
          h('label', { class: 'toggle' }, micOn, '开启麦克风'))),
      h('label', { class: 'field', for: 'display-name' }, h('span', { class: 'field-label is-required' }, '您的称呼'), name),
      code && h('label', { class: 'field', for: 'join-code' }, h('span', { class: 'field-label is-required' }, '帮办码'), code),
      alertSlot,
      submit,
      h('p', { class: 'muted small privacy' }, '进入即表示您同意工作人员在本次帮办中与您进行视频通话。通话不录音录像；拍摄材料前会单独征得您的同意。'))));
  void openDevices();
}
