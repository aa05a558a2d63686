/// <reference lib="dom" />
// h(): builds elements without innerHTML (names and chat text from others are never parsed as HTML).

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, unknown> | null;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : String(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): Element {
  for (const c of children.flat(Infinity as 1) as Child[]) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export function mount(el: Element, ...children: Child[]): Element {
  el.replaceChildren();
  return append(el, children);
}

export const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document): T | null => root.querySelector<T>(sel);

/** 「3 分 05 秒」 */
export function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} 分 ${String(s % 60).padStart(2, '0')} 秒` : `${s} 秒`;
}

/** HH:mm in Asia/Shanghai */
export function clock(iso: string | number | Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

let toastHost: HTMLElement | null = null;
export function toast(message: string, kind: 'success' | 'info' | 'warning' | 'error' = 'info'): void {
  if (!toastHost) {
    toastHost = h('div', { class: 'toast-host', role: 'status', 'aria-live': 'polite' });
    document.body.append(toastHost);
  }
  const t = h('div', { class: `toast toast-${kind}` }, message);
  toastHost.append(t);
  setTimeout(() => t.remove(), 5000);
}

/** A modal question; resolves with the clicked button's value, or null when dismissed. */
export function ask(opts: { title: string; body?: Child; required?: boolean; buttons: Array<{ label: string; value: string; kind?: 'primary' | 'danger' | 'default' }>; input?: { label: string; placeholder?: string; value?: string } }): Promise<{ value: string; text: string } | null> {
  return new Promise((resolve) => {
    const input = opts.input ? h('textarea', { rows: '2', maxlength: '200', class: 'dlg-input', placeholder: opts.input.placeholder ?? null }) : null;
    if (input && opts.input?.value) input.value = opts.input.value;
    let result: { value: string; text: string } | null = null;
    const dlg = h('dialog', { class: 'dialog', 'aria-label': opts.title },
      h('h2', { class: 'dialog-title' }, opts.title),
      opts.body && h('div', { class: 'dialog-body' }, opts.body),
      input && h('label', { class: 'field' }, h('span', { class: 'field-label' }, opts.input?.label ?? ''), input),
      h('div', { class: 'dialog-actions' }, opts.buttons.map((b) => h('button', {
        type: 'button', class: ['btn', b.kind === 'primary' && 'btn-primary', b.kind === 'danger' && 'btn-danger'], dataset: { value: b.value },
        onclick: () => { result = { value: b.value, text: input?.value.trim() ?? '' }; dlg.close(); },
      }, b.label))),
    );
    if (opts.required) dlg.addEventListener('cancel', (e) => e.preventDefault());
    dlg.addEventListener('close', () => { dlg.remove(); resolve(result); });
    document.body.append(dlg);
    dlg.showModal();
  });
}
