// Network trouble in real Chromium: a TCP proxy between the applicant's browser and the gateway cuts
// every connection and refuses new ones for a while (a phone losing its network), then lets them
// through. The applicant comes back into the same session as the same participant, without the clerk
// doing anything; the clerk saw 「重新连接中」, never 「已离开」; media flows again. And when the media
// worker itself dies, the pages rebuild their media on its replacement.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWorld, type World } from '../support/world.js';
import { login } from '../support/client.js';
import { draftCase } from '../support/flows.js';
import { inbound, launchBrowser, newParticipant, rw, screenshot, waitForVideoFrom, type Participant } from '../support/browser.js';
import { applicantJoins, clerkAdmits, clerkStartsSession, waitState } from '../support/rwFlows.js';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('远程帮办: the applicant\'s signalling connection drops and comes back', () => {
  let world: World;
  let browser: Browser;
  let proxy: TcpProxy;
  let clerk: Participant;
  let applicant: Participant;
  let applicantId: string;
  let clerkId: string;
  let joinUrl: string;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startWorld({ remoteWindow: true }), launchBrowser()]);
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(world.url).port) });
    const token = await login(world.url);
    const { caseId } = await draftCase(world.url, token, '610700');
    [clerk, applicant] = await Promise.all([newParticipant(browser), newParticipant(browser, { phone: true })]);
    const s = await clerkStartsSession(clerk.page, world.url, { caseId });
    joinUrl = s.joinUrl;
    // the applicant reaches the gateway only through the proxy: page, API and ws
    applicantId = await applicantJoins(applicant.page, `${proxy.url}${new URL(s.joinUrl).pathname}`, '赵六');
    await clerk.page.waitForSelector(`[data-waiting][data-participant="${applicantId}"]`);
    await clerkAdmits(clerk.page, applicantId);
    await waitState(applicant.page, 'admitted');
    clerkId = await rw<string>(clerk.page, 'participantId');
    await waitForVideoFrom(applicant.page, clerkId, 'camera');
    await waitForVideoFrom(clerk.page, applicantId, 'camera');
    // every state the clerk's panel shows for the applicant, as it happens
    await clerk.page.evaluate((id) => {
      const g = globalThis as any; // runs in the page
      const seen: string[] = [];
      g.__seenStates = seen;
      const look = () => {
        const row = g.document.querySelector(`[data-card=participants] [data-participant="${id}"]`);
        const label = row?.querySelector('[data-state-label]')?.textContent ?? 'none';
        if (seen.at(-1) !== label) seen.push(label);
      };
      new g.MutationObserver(look).observe(g.document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      look();
    }, applicantId);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await world?.close();
  }, 60_000);

  async function dropFor(gapMs: number, shot?: string): Promise<void> {
    const reconnectsBefore = await rw<number>(applicant.page, 'reconnects');
    proxy.sever();
    await clerk.page.waitForSelector(`[data-card=participants] [data-participant="${applicantId}"][data-state=reconnecting]`, { timeout: 15_000 });
    await applicant.page.waitForSelector('[data-banner=reconnecting]:not([hidden])');
    if (shot) {
      await screenshot(clerk.page, `${shot}-clerk`);
      await screenshot(applicant.page, `${shot}-applicant`);
    }
    await sleep(gapMs);
    expect(await rw<string>(applicant.page, 'link')).toBe('reconnecting');
    proxy.restore();
    await applicant.page.waitForFunction((n) => (globalThis as any).__rw.link === 'open' && (globalThis as any).__rw.reconnects > n, reconnectsBefore, { timeout: 20_000 });
    await clerk.page.waitForSelector(`[data-card=participants] [data-participant="${applicantId}"][data-state=admitted]`, { timeout: 15_000 });
  }

  async function framesFrom(page: Participant['page'], from: string): Promise<number> {
    return (await inbound(page)).find((s) => s.participantId === from && s.kind === 'video' && s.source === 'camera')?.framesDecoded ?? 0;
  }

  test('after 5 s without network: same participant, the clerk saw 重新连接中 and not 已离开, media flows again', async () => {
    const before = await framesFrom(applicant.page, clerkId);
    await dropFor(5000, 'reconnecting');
    expect(await rw<string>(applicant.page, 'participantId')).toBe(applicantId);
    expect(await rw<string>(applicant.page, 'state')).toBe('admitted');
    await applicant.page.waitForSelector('[data-banner=reconnecting][hidden]', { state: 'attached' });
    const seen = await clerk.page.evaluate(() => (globalThis as any).__seenStates as string[]);
    expect(seen).toContain('重新连接中');
    expect(seen).not.toContain('已离开');
    expect(seen.at(-1)).toBe('在线');
    const after = await waitForVideoFrom(applicant.page, clerkId, 'camera');
    expect(after.framesDecoded).toBeGreaterThan(before);
    await waitForVideoFrom(clerk.page, applicantId, 'camera');
    expect(await rw<number>(applicant.page, 'iceRestarts')).toBeGreaterThanOrEqual(2); // send and recv transports
  }, 60_000);

  test('after 28 s without network (near the 30 s the issue asks for) it still resumes the same session', async () => {
    await dropFor(28_000);
    expect(await rw<string>(applicant.page, 'participantId')).toBe(applicantId);
    const seen = await clerk.page.evaluate(() => (globalThis as any).__seenStates as string[]);
    expect(seen).not.toContain('已离开');
    await waitForVideoFrom(applicant.page, clerkId, 'camera');
    await waitForVideoFrom(clerk.page, applicantId, 'camera');
  }, 90_000);

  test('the media worker dies: it is replaced, both pages rebuild their media on it and decode each other again; one waiting meanwhile sees the clerk once admitted', async () => {
    // a second person waits (and has prepared a receiving transport on the router that is about to die)
    const waiting = await newParticipant(browser);
    const waitingId = await applicantJoins(waiting.page, joinUrl, '钱七');
    await clerk.page.waitForSelector(`[data-waiting][data-participant="${waitingId}"]`);
    await waiting.page.waitForFunction(() => 'transportCreated:recv' in (globalThis as any).__rw.marks, undefined, { timeout: 15_000 });
    const [worker] = world.gateway.remote!.window.workers();
    const oldPid = worker!.pid;
    process.kill(oldPid, 'SIGKILL');
    // the pages drop the consumers of the dead router, then consume the re-made producers on the new one
    await applicant.page.waitForFunction(() => (globalThis as any).__rw.events.some((e: string) => e.includes('track- ')), undefined, { timeout: 15_000 });
    await waitForVideoFrom(applicant.page, clerkId, 'camera', 30_000);
    await waitForVideoFrom(clerk.page, applicantId, 'camera', 30_000);
    expect(world.gateway.remote!.window.workers().map((w) => w.pid)).not.toContain(oldPid);
    expect(await rw<string>(applicant.page, 'participantId')).toBe(applicantId);

    await clerkAdmits(clerk.page, waitingId);
    await waitState(waiting.page, 'admitted');
    await waitForVideoFrom(waiting.page, clerkId, 'camera', 30_000);
    await waiting.context.close();
  }, 90_000);
});
