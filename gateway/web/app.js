// 跨域通办网关 · 窗口工作台: the shell (top bar, left navigation) and the hash router.
// Routes: #/login, #/cases, #/cases/<id>, #/new, #/dead, #/items.
import { h, mount } from './js/dom.js';
import { api, session, setUnauthorizedHandler } from './js/api.js';
import { regionName, setPartners } from './js/format.js';
import { renderLogin } from './js/views/login.js';
import { renderCases } from './js/views/cases.js';
import { renderNewCase } from './js/views/new-case.js';
import { renderCaseDetail } from './js/views/case-detail.js';
import { renderDead } from './js/views/dead.js';
import { renderItems } from './js/views/items.js';
import { alertBox, breadcrumb, pageHeader } from './js/ui.js';

const app = document.getElementById('app');

const NAV = [
  { href: '#/cases', label: '办件管理', match: /^\/cases/ },
  { href: '#/new', label: '新建办件', match: /^\/new/ },
  { href: '#/dead', label: '死信队列', match: /^\/dead/, role: 'operator' },
  { href: '#/items', label: '事项目录', match: /^\/items/ },
];

/** A message for the login page (e.g. why the clerk was sent back to it). */
let loginNotice = null;
/** Where to go after logging in. */
let afterLogin = '#/cases';
/** The current view: its cleanups (timers) run when the clerk navigates away. */
let current = { cleanups: [] };
let shell = null;
/** The partner regions come from the gateway (listPartners), once per login. */
let partnersLoaded = false;

export function navigate(hash) {
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

function parseHash() {
  const raw = window.location.hash.replace(/^#/, '') || '/cases';
  const [path, qs = ''] = raw.split('?', 2);
  return { path: path || '/cases', query: new URLSearchParams(qs) };
}

setUnauthorizedHandler(() => {
  loginNotice = '登录已失效或已过期，请重新登录。';
  const { path } = parseHash();
  if (path !== '/login') afterLogin = window.location.hash || '#/cases';
  shell = null;
  partnersLoaded = false;
  navigate('#/login');
});

function logout() {
  session.clear();
  shell = null;
  partnersLoaded = false;
  loginNotice = '您已安全退出。';
  afterLogin = '#/cases';
  navigate('#/login');
}

function buildShell(clerk) {
  const navLinks = NAV.filter((n) => !n.role || clerk.roles?.includes(n.role))
    .map((n) => ({ ...n, el: h('a', { href: n.href, class: 'nav-link' }, h('span', { class: 'nav-dot', 'aria-hidden': 'true' }), n.label) }));
  const main = h('main', { id: 'main', class: 'content', tabindex: '-1' });
  const root = h('div', { class: 'layout' },
    h('header', { class: 'topbar' },
      h('div', { class: 'brand' },
        h('span', { class: 'brand-logo', 'aria-hidden': 'true' }, '通'),
        h('span', { class: 'brand-title' }, '跨域通办网关 · 窗口工作台'),
      ),
      h('div', { class: 'user', 'aria-label': '当前登录' },
        h('span', { class: 'user-name' }, clerk.displayName || clerk.username),
        h('span', { class: 'user-sep', 'aria-hidden': 'true' }, '|'),
        h('span', { class: 'user-window' }, clerk.window),
        h('span', { class: 'user-sep', 'aria-hidden': 'true' }, '|'),
        h('span', { class: 'user-region' }, `${regionName(clerk.region)}（${clerk.region}）`),
        h('button', { type: 'button', class: 'btn btn-logout', onclick: logout }, '退出'),
      ),
    ),
    h('div', { class: 'body' },
      h('nav', { class: 'sidenav', 'aria-label': '主导航' }, h('ul', null, navLinks.map((n) => h('li', null, n.el)))),
      main,
    ),
  );
  return { root, main, navLinks };
}

function forbidden(main) {
  mount(main,
    breadcrumb([{ label: '首页', href: '#/cases' }, { label: '死信队列' }]),
    pageHeader('死信队列'),
    alertBox('死信队列仅对运维人员开放。如需重新转递某一办件，请在办件详情的「转递」中操作。', 'warning'),
  );
}

async function route() {
  for (const fn of current.cleanups.splice(0)) fn();
  const me = { cleanups: [] };
  current = me;
  const { path, query } = parseHash();
  const s = session.get();

  if (path === '/login' || !s) {
    if (!s && path !== '/login') {
      afterLogin = window.location.hash || '#/cases';
      navigate('#/login');
      return;
    }
    if (s) { navigate('#/cases'); return; }
    shell = null;
    const notice = loginNotice;
    loginNotice = null;
    renderLogin(app, {
      notice,
      onLoggedIn: () => {
        const target = afterLogin && !afterLogin.startsWith('#/login') ? afterLogin : '#/cases';
        afterLogin = '#/cases';
        navigate(target);
      },
    });
    return;
  }

  if (!partnersLoaded) {
    try {
      setPartners((await api.listPartners()).partners);
      partnersLoaded = true;
    } catch {
      // a 401 sends the clerk to the login page; otherwise the pages show region codes and try again next time
    }
    if (current !== me || !session.get()) return;
  }

  if (!shell) {
    shell = buildShell(s.clerk);
    mount(app, shell.root);
  }
  for (const n of shell.navLinks) {
    if (n.match.test(path)) n.el.setAttribute('aria-current', 'page');
    else n.el.removeAttribute('aria-current');
  }

  const main = shell.main;
  const ctx = {
    query,
    navigate,
    clerk: s.clerk,
    /** false once the clerk has navigated elsewhere: late answers must not touch the page */
    alive: () => current === me,
    onCleanup: (fn) => { if (current === me) me.cleanups.push(fn); else fn(); },
  };
  let m;
  if (path === '/cases') await renderCases(main, ctx);
  else if ((m = /^\/cases\/([^/]+)$/.exec(path))) await renderCaseDetail(main, { ...ctx, id: decodeURIComponent(m[1]) });
  else if (path === '/new') await renderNewCase(main, ctx);
  else if (path === '/dead') {
    if (s.clerk.roles?.includes('operator')) await renderDead(main, ctx);
    else forbidden(main);
  } else if (path === '/items') await renderItems(main, ctx);
  else { navigate('#/cases'); return; }
  if (current === me) focusTitle();
}

/** After each navigation, focus the page title so screen readers announce the new page. */
function focusTitle() {
  const t = document.querySelector('main .page-title, .login-title');
  if (t) t.focus({ preventScroll: true });
}

// The skip link focuses the main area without touching the route.
document.querySelector('.skip-link')?.addEventListener('click', (e) => {
  e.preventDefault();
  document.getElementById('main')?.focus();
});

window.addEventListener('hashchange', () => {
  // in-page anchors (not '#/…') are not routes
  if (window.location.hash && !window.location.hash.startsWith('#/')) return;
  route();
});
route();
