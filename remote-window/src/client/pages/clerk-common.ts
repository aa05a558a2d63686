/// <reference lib="dom" />
// What the clerk panel's parts share: the panel context, the card frame, and action feedback.
import type { Room } from '../room.js';
import { h, toast } from '../ui/dom.js';
import { signalMessage } from '../ui/messages.js';
import type { Stage } from '../ui/stage.js';
import type { Clerk } from './clerk-auth.js';

export interface SessionInfo {
  sessionId: string;
  caseId?: string;
  caseNo?: string;
  itemName?: string;
  code?: string;
  joinUrl?: string;
  qrSvg?: string;
  expiresAt?: string;
  status?: string;
}

export interface PanelContext { room: Room; info: SessionInfo; token: string; role: 'clerk' | 'partner_clerk'; clerk: Clerk; stage: Stage }

export function card(title: string, body: Node | Node[], opts: { key?: string; actions?: Node | null } = {}): HTMLElement {
  return h('section', { class: 'card', dataset: { card: opts.key ?? '' }, 'aria-label': title },
    h('header', { class: 'card-header' }, h('h2', { class: 'card-title' }, title), opts.actions ?? null),
    h('div', { class: 'card-body' }, body));
}

export async function act(fn: () => Promise<unknown>, done: string): Promise<void> {
  try {
    await fn();
    toast(done, 'success');
  } catch (err) {
    toast(signalMessage(err), 'error');
  }
}

export async function copy(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast(done, 'success');
  } catch {
    toast('无法自动复制，请手动选择并复制。', 'warning');
  }
}
