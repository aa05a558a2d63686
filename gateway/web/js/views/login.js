// 登录: POST /api/auth/login; the token is kept in sessionStorage (closed with the browser tab).
import { h, mount } from '../dom.js';
import { api, session } from '../api.js';
import { alertBox, showAlert, clearAlert } from '../ui.js';

export function renderLogin(root, { notice, onLoggedIn }) {
  const alertSlot = h('div', { class: 'alert-slot' }, notice && alertBox(notice, 'info'));
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, maxlength: '64' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: '128' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, '登 录');

  const form = h('form', { class: 'login-form', novalidate: true },
    alertSlot,
    h('div', { class: 'field' }, h('label', { for: 'login-username', class: 'field-label' }, '用户名'), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password', class: 'field-label' }, '密码'), password),
    submit,
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearAlert(alertSlot);
    const u = username.value.trim();
    const p = password.value;
    if (!u || !p) {
      showAlert(alertSlot, !u ? '请输入用户名。' : '请输入密码。');
      (!u ? username : password).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = '正在登录…';
    try {
      const res = await api.login(u, p);
      session.set(res);
      onLoggedIn();
    } catch (err) {
      showAlert(alertSlot, err);
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = '登 录';
    }
  });

  mount(root, h('div', { class: 'login-page' },
    h('div', { class: 'login-banner' },
      h('span', { class: 'brand-logo brand-logo-lg', 'aria-hidden': 'true' }, '通'),
      h('div', null,
        h('p', { class: 'login-kicker' }, '浙江省诸暨市 · 政务服务'),
        h('p', { class: 'login-brand' }, '跨域通办网关 · 窗口工作台'),
      ),
    ),
    h('main', { id: 'main', class: 'login-card' },
      h('h1', { class: 'login-title', tabindex: '-1' }, '窗口人员登录'),
      form,
      h('p', { class: 'login-foot' }, '请使用本人账号登录，离开窗口时请及时退出。'),
    ),
  ));
  username.focus();
}
