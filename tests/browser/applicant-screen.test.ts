// An applicant at a PC shares their screen (a form they are stuck on, say) and the clerk sees it; when
// the applicant stops, the clerk's picture of it goes away. (On a phone, where browsers cannot share a
// screen, the applicant has 文档模式 instead: tests/browser/capture.test.ts.)
import { describe, expect, test } from 'vitest';
import { login } from '../support/client.js';
import { draftCase, waitFor } from '../support/flows.js';
import { inbound, screenshot, waitForVideoFrom } from '../support/browser.js';
import { applicantJoins, clerkAdmits, clerkStartsSession, waitState } from '../support/rwFlows.js';
import { remoteWindowSuite } from '../support/rwSuite.js';

describe('远程帮办: an applicant on a PC shares the screen', () => {
  const suite = remoteWindowSuite();

  test('the clerk decodes the applicant\'s screen; when the applicant stops, it is gone from the clerk\'s page', async () => {
    const { world } = suite;
    const token = await login(world.url);
    const { caseId } = await draftCase(world.url, token, '640000');
    const [clerk, applicant] = await Promise.all([suite.person(), suite.person()]);
    const s = await clerkStartsSession(clerk.page, world.url, { caseId });
    const applicantId = await applicantJoins(applicant.page, s.joinUrl, '李四');
    await clerk.page.waitForSelector(`[data-waiting][data-participant="${applicantId}"]`);
    await clerkAdmits(clerk.page, applicantId);
    await waitState(applicant.page, 'admitted');

    await applicant.page.click('[data-tool=screen]');
    const screen = await waitForVideoFrom(clerk.page, applicantId, 'screen');
    expect(screen.framesDecoded).toBeGreaterThan(0);
    expect(screen.frameWidth).toBeGreaterThan(0);
    await clerk.page.waitForSelector(`.tile[data-participant="${applicantId}"][data-source=screen]`);
    await screenshot(clerk.page, 'clerk-sees-applicant-screen');

    await applicant.page.click('[data-tool=screen]');
    await clerk.page.waitForSelector(`.tile[data-participant="${applicantId}"][data-source=screen]`, { state: 'detached' });
    await waitFor('no consumer of the applicant\'s screen', () => inbound(clerk.page), (all) => !all.some((i) => i.participantId === applicantId && i.source === 'screen'));
  }, 180_000);
});
