/// <reference lib="dom" />
// The applicant's page (/rw/ with a 6-digit code, /rw/j/<joinToken> or /rw/?t=<joinToken> from the
// link or QR code): device check and name → join → waiting room → session → the end, in zh-CN,
// mobile first.
import { exposeDebug } from '../debug.js';
import { deviceKind } from '../devices.js';
import { shell } from '../ui/shell.js';
import { renderJoinForm, type Joined } from './applicant-form.js';
import { renderRoom } from './applicant-room.js';

function joinTokenFromUrl(): string | null {
  const m = /^\/rw\/j\/([^/?#]+)/.exec(window.location.pathname);
  if (m?.[1]) return decodeURIComponent(m[1]);
  return new URLSearchParams(window.location.search).get('t');
}

exposeDebug();
const main = shell('远程帮办 · 跨域通办');
const token = joinTokenFromUrl();
const device = deviceKind();
document.documentElement.dataset.device = device;

function start(): void {
  renderJoinForm(main, { token, device, onJoined: (joined: Joined) => renderRoom(main, joined, { onAgain: start }) });
}
start();
