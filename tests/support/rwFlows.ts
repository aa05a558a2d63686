// Story steps of the remote window driven through the real pages (clicks and fills): a clerk logs in
// to the console and starts a session from a case, an applicant joins with the link or the code, the
// clerk admits, a partner region's clerk joins from the invitation.
import type { Page } from 'playwright-core';
import { rw } from './browser.js';

export interface OpenedSession { sessionId: string; code: string; joinUrl: string }

export async function consoleLogin(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/#/login`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar .user-name');
}

/** The clerk clicks 「远程帮办」 on the case page (or 「发起远程帮办（无办件）」 on the list without a case). */
export async function clerkStartsSession(page: Page, base: string, opts: { caseId?: string; username?: string; password?: string } = {}): Promise<OpenedSession> {
  await consoleLogin(page, base, opts.username ?? 'zhuji01', opts.password ?? 'Zhuji@2026');
  await page.goto(`${base}/#/cases${opts.caseId ? `/${opts.caseId}` : ''}`);
  await page.click('button[data-key=remote]');
  await page.waitForURL(/\/rw\/clerk\.html\?session=/);
  await page.waitForSelector('.panel [data-card=session] [data-join-code]');
  await waitState(page, 'admitted');
  return {
    sessionId: new URL(page.url()).searchParams.get('session') as string,
    code: (await page.getAttribute('[data-join-code]', 'data-join-code')) as string,
    joinUrl: await page.inputValue('input[aria-label=入会链接]'),
  };
}

/** The applicant opens the link (or /rw/ and types the code), gives a name and clicks 「进入远程帮办」. */
export async function applicantJoins(page: Page, url: string, name: string, code?: string): Promise<string> {
  await page.goto(url);
  await page.fill('#display-name', name);
  if (code !== undefined) await page.fill('#join-code', code);
  await page.click('#join-button');
  await page.waitForSelector('[data-screen=waiting], [data-screen=session]');
  return rw<string>(page, 'participantId');
}

export async function clerkAdmits(clerk: Page, participantId: string): Promise<void> {
  await clerk.click(`[data-waiting][data-participant="${participantId}"] [data-action=admit]`);
}

export async function clerkDeclines(clerk: Page, participantId: string, reason: string): Promise<void> {
  await clerk.click(`[data-waiting][data-participant="${participantId}"] [data-action=decline]`);
  await clerk.fill('dialog .dlg-input', reason);
  await clerk.click('dialog button[data-value=yes]');
}

export async function waitState(page: Page, state: string, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction((s) => (globalThis as unknown as { __rw?: { state: string } }).__rw?.state === s, state, { timeout: timeoutMs });
}

/** The clerk invites the 办理地 and the partner clerk opens the link, logs in and joins. */
export async function partnerClerkJoins(clerk: Page, partner: Page, username: string, password = 'Partner@2026'): Promise<string> {
  await clerk.click('[data-action=invite]');
  const inviteUrl = await (await clerk.waitForSelector('#invite-url')).inputValue();
  await partner.goto(inviteUrl);
  await partner.fill('#login-username', username);
  await partner.fill('#login-password', password);
  await partner.click('button[type=submit]');
  await waitState(partner, 'admitted');
  return rw<string>(partner, 'participantId');
}
