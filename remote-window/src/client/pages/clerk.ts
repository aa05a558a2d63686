/// <reference lib="dom" />
// The clerk's session panel (/rw/clerk.html?session=<id>), also used by an invited clerk of the region
// with authority (三方连线, role partner_clerk): log in (or reuse the console's login), get a ticket,
// open camera and microphone, join, and run the session.
import { debugRoom, exposeDebug } from '../debug.js';
import { openCamera, openMicrophone } from '../devices.js';
import { Room } from '../room.js';
import { api, HttpError } from '../ui/http.js';
import { h, mount } from '../ui/dom.js';
import { httpMessage, signalMessage } from '../ui/messages.js';
import { alertBox, shell, wsEndpoint } from '../ui/shell.js';
import { clearConsoleSession, consoleSession, renderLogin, type ConsoleSession } from './clerk-auth.js';
import type { SessionInfo } from './clerk-common.js';
import { renderPanel } from './clerk-panel.js';

interface Ticket { ticket: string; wsUrl: string; role: 'clerk' | 'partner_clerk' }

exposeDebug();
const params = new URLSearchParams(window.location.search);
const sessionId = params.get('session');
/** an invitation link (三方连线) carries `invite=<region>`: the login page says so */
const invited = params.has('invite') || params.has('invited');
const user = h('div', { class: 'user' });
const main = shell('跨域通办网关 · 远程帮办', user);

function showUser(s: ConsoleSession): void {
  mount(user, h('span', { class: 'user-name' }, s.clerk.displayName ?? s.clerk.username), h('span', { class: 'user-sep' }, '|'), h('span', null, s.clerk.region));
}

function fail(message: string, again?: () => void): void {
  mount(main, h('section', { class: 'card' },
    h('h1', { class: 'page-title', tabindex: '-1' }, '无法进入远程帮办'),
    alertBox(message, 'error'),
    h('p', { class: 'actions' },
      again ? h('button', { type: 'button', class: 'btn btn-primary', onclick: again }, '重试') : null,
      h('a', { class: 'btn', href: '/#/cases' }, '返回窗口工作台'))));
}

async function start(notice?: string): Promise<void> {
  if (!sessionId) return fail('链接缺少会话编号。请从窗口工作台的办件详情中点击「远程帮办」进入。');
  const s = consoleSession();
  if (!s) return renderLogin(main, { partner: invited, ...(notice ? { notice } : {}), onLoggedIn: () => void start() });
  showUser(s);
  mount(main, h('p', { class: 'loading', role: 'status' }, '正在进入会话…'));
  let info: SessionInfo;
  let ticket: Ticket;
  try {
    const created = JSON.parse(sessionStorage.getItem(`kytb.rw.created.${sessionId}`) ?? '{}') as Partial<SessionInfo>;
    info = { ...created, ...(await api<SessionInfo>('GET', `/api/sessions/${encodeURIComponent(sessionId)}`, { token: s.token }).catch((e) => {
      if (invited && e instanceof HttpError && e.status === 403) return { sessionId } as SessionInfo; // a partner may not read it
      throw e;
    })) };
    ticket = await api<Ticket>('POST', `/api/sessions/${encodeURIComponent(sessionId)}/tickets`, { token: s.token, json: {} });
  } catch (err) {
    if (err instanceof HttpError && err.status === 401) {
      clearConsoleSession();
      return start('登录已失效，请重新登录。');
    }
    return fail(httpMessage(err), () => void start());
  }
  const [camera, mic] = await Promise.all([openCamera().catch(() => null), openMicrophone().catch(() => null)]);
  const room = new Room({
    url: wsEndpoint(ticket.wsUrl), ticket: ticket.ticket,
    hello: { device: 'pc', displayName: s.clerk.displayName ?? s.clerk.username }, tracks: { camera, mic },
  });
  debugRoom(room);
  try {
    await room.join();
  } catch (err) {
    return fail(`无法建立连接：${signalMessage(err)}`, () => void start());
  }
  renderPanel(main, { room, info: { ...info, sessionId }, token: s.token, role: ticket.role, clerk: s.clerk });
}

void start();
