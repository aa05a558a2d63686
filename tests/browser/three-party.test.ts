// 三方连线 in real Chromium: the applicant, the window clerk and the clerk of the region with
// authority each decode the others' video (real mediasoup worker, fake cameras), and the clerk's
// screen share reaches the applicant.
import { describe, expect, test } from 'vitest';
import { login } from '../support/client.js';
import { draftCase } from '../support/flows.js';
import { screenshot, waitForVideoFrom, type Participant } from '../support/browser.js';
import { applicantJoins, clerkAdmits, clerkStartsSession, partnerClerkJoins, waitState } from '../support/rwFlows.js';
import { remoteWindowSuite } from '../support/rwSuite.js';

describe('远程帮办: applicant, clerk and partner clerk in one session', () => {
  const suite = remoteWindowSuite();
  const people: Participant[] = [];

  test('each one decodes video from the two others, and the applicant decodes the clerk\'s shared screen', async () => {
    const { world } = suite;
    const token = await login(world.url);
    const { caseId } = await draftCase(world.url, token, '610700'); // 汉中 decides: its clerk may join
    const [clerk, applicant, partner] = await Promise.all([suite.person(), suite.person({ phone: true }), suite.person()]);
    people.push(clerk, applicant, partner);

    const s = await clerkStartsSession(clerk.page, world.url, { caseId });
    expect(s.code).toMatch(/^\d{6}$/);
    await screenshot(clerk.page, 'clerk-panel-empty');
    await applicant.page.goto(s.joinUrl);
    await screenshot(applicant.page, 'applicant-join-form');
    const applicantId = await applicantJoins(applicant.page, s.joinUrl, '张三');
    await screenshot(applicant.page, 'applicant-waiting');
    await clerk.page.waitForSelector(`[data-waiting][data-participant="${applicantId}"]`);
    await clerkAdmits(clerk.page, applicantId);
    await waitState(applicant.page, 'admitted');

    const partnerId = await partnerClerkJoins(clerk.page, partner.page, 'hanzhong01');
    const clerkId = await clerk.page.evaluate(() => (globalThis as any).__rw.participantId as string);

    const pairs: Array<[Participant, string]> = [
      [applicant, clerkId], [applicant, partnerId],
      [clerk, applicantId], [clerk, partnerId],
      [partner, applicantId], [partner, clerkId],
    ];
    for (const [who, from] of pairs) {
      const got = await waitForVideoFrom(who.page, from, 'camera');
      expect(got.framesDecoded).toBeGreaterThan(0);
    }

    await clerk.page.click('[data-tool=screen]');
    const screen = await waitForVideoFrom(applicant.page, clerkId, 'screen');
    expect(screen.frameWidth).toBeGreaterThan(0);
    await applicant.page.waitForSelector('.stage-big .tile[data-source=screen]');
    await clerk.page.waitForSelector(`[data-participant="${partnerId}"][data-state=admitted]`);
    await screenshot(applicant.page, 'applicant-session-screen-share');
    await screenshot(clerk.page, 'clerk-panel-three-party');
    await screenshot(partner.page, 'partner-clerk-panel');
  }, 180_000);

  test('chat reaches everyone, the clerk mutes the applicant, and ending the session ends it for all', async () => {
    const [clerk, applicant, partner] = people as [Participant, Participant, Participant];
    await applicant.page.click('button:has-text("文字")');
    await applicant.page.fill('.chat-input', '请问身份证复印件需要几份？');
    await applicant.page.click('.chat-form button[type=submit]');
    for (const p of [clerk, partner]) await p.page.waitForSelector('.chat-text:has-text("请问身份证复印件需要几份？")');
    await clerk.page.fill('.chat-input', '一份即可。');
    await clerk.page.press('.chat-input', 'Enter');
    await applicant.page.waitForSelector('.chat-text:has-text("一份即可。")');

    const applicantId = await applicant.page.evaluate(() => (globalThis as any).__rw.participantId as string);
    await clerk.page.click(`[data-card=participants] [data-participant="${applicantId}"] [data-action=mute]`);
    await applicant.page.waitForSelector('[data-tool=mic].is-off');
    await clerk.page.waitForSelector(`[data-card=participants] [data-participant="${applicantId}"] .tag:has-text("已静音")`);

    await clerk.page.click('[data-tool=end]');
    await clerk.page.click('dialog button[data-value=yes]');
    await applicant.page.waitForSelector('[data-screen=ended][data-end=ended]');
    await partner.page.waitForSelector('[data-screen=ended][data-end=ended]');
    await clerk.page.waitForSelector('[data-screen=ended]');
    expect(await applicant.page.textContent('[data-screen=ended] h1')).toContain('本次远程帮办已结束');
  }, 120_000);
});
