/// <reference lib="dom" />
// The clerk's login for the session panel. It shares the console's session (gateway/web/js/api.js keeps
// { token, expiresAt, clerk } in sessionStorage under 'kytb.console.session'), so a clerk who came from
// the console is already logged in; a partner region's clerk opening an invitation logs in here.
import { api, HttpError } from '../ui/http.js';
import { h, mount } from '../ui/dom.js';
import { httpMessage } from '../ui/messages.js';
import { alertBox } from '../ui/shell.js';

const KEY = 'kytb.console.session';

export interface Clerk { username: string; displayName?: string; region: string; window?: string; roles?: string[] }
export interface ConsoleSession { token: string; expiresAt?: string; clerk: Clerk }

export function consoleSession(): ConsoleSession | null {
  let s: ConsoleSession | null;
  try { s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null'); } catch { s = null; }
  if (!s?.token) return null;
  if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return s;
}

export function clearConsoleSession(): void {
  sessionStorage.removeItem(KEY);
}

export function renderLogin(main: HTMLElement, opts: { notice?: string; partner: boolean; onLoggedIn(s: ConsoleSession): void }): void {
  const username = h('input', { id: 'login-username', class: 'input', autocomplete: 'username', required: true, maxlength: '64' });
  const password = h('input', { id: 'login-password', class: 'input', type: 'password', autocomplete: 'current-password', required: true, maxlength: '128' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, '登 录');
  const slot = h('div', { class: 'alert-slot' }, opts.notice ? alertBox(opts.notice, 'info') : null);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!username.value.trim() || !password.value) {
      slot.replaceChildren(alertBox('请输入用户名和密码。', 'warning'));
      return;
    }
    submit.disabled = true;
    submit.textContent = '正在登录…';
    try {
      const r = await api<ConsoleSession>('POST', '/api/auth/login', { json: { username: username.value.trim(), password: password.value } });
      const s = { token: r.token, expiresAt: r.expiresAt, clerk: r.clerk } as ConsoleSession;
      sessionStorage.setItem(KEY, JSON.stringify(s));
      opts.onLoggedIn(s);
    } catch (err) {
      slot.replaceChildren(alertBox(err instanceof HttpError ? httpMessage(err) : '登录失败，请重试。'));
      password.value = '';
      submit.disabled = false;
      submit.textContent = '登 录';
    }
  };
  mount(main, h('section', { class: 'card login-card' },
    h('h1', { class: 'page-title', tabindex: '-1' }, opts.partner ? '办理地工作人员登录（三方连线）' : '窗口人员登录'),
    h('p', { class: 'lead' }, opts.partner ? '您受邀参加一次远程帮办。请使用本地区的工作人员账号登录后进入。' : '请登录后进入远程帮办会话。'),
    h('form', { class: 'login-form', novalidate: true, onsubmit: onSubmit },
      slot,
      h('label', { class: 'field', for: 'login-username' }, h('span', { class: 'field-label' }, '用户名'), username),
      h('label', { class: 'field', for: 'login-password' }, h('span', { class: 'field-label' }, '密码'), password),
      submit)));
  username.focus();
}
