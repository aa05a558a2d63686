/// <reference lib="dom" />
// The page frame shared by the applicant and clerk pages: the government top bar and a main area.
import { h, mount } from './dom.js';

export function shell(title: string, right?: Node | null): HTMLElement {
  const main = h('main', { id: 'main', class: 'rw-main', tabindex: '-1' });
  mount(document.body,
    h('header', { class: 'topbar' },
      h('div', { class: 'brand' },
        h('span', { class: 'brand-logo', 'aria-hidden': 'true' }, '通'),
        h('span', { class: 'brand-title' }, title)),
      right ?? null),
    main);
  return main;
}

export function alertBox(message: string, kind: 'error' | 'warning' | 'info' | 'success' = 'error', extra?: Node | string | null): HTMLElement {
  return h('div', { class: `alert alert-${kind}`, role: kind === 'error' || kind === 'warning' ? 'alert' : 'status' },
    h('p', { class: 'alert-title' }, message), extra ?? null);
}

/** "ws(s)://<this page's host><path of wsUrl>": pages and the ws endpoint are served by the same gateway. */
export function wsEndpoint(wsUrl: string): string {
  const path = new URL(wsUrl, window.location.href).pathname;
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${path}`;
}
