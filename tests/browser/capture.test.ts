// 拍摄材料 with consent, in real Chromium: the applicant on a phone switches to 文档模式, the clerk
// captures a still of the applicant's video; with the applicant's consent it becomes a material of
// the case whose SHA-256 is the one the clerk's page computed; refused, nothing is stored.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWorld, type World } from '../support/world.js';
import { login } from '../support/client.js';
import { draftCase, getCase } from '../support/flows.js';
import { launchBrowser, newParticipant, screenshot, waitForVideoFrom, type Participant } from '../support/browser.js';
import { applicantJoins, clerkAdmits, clerkStartsSession, waitState } from '../support/rwFlows.js';

describe('远程帮办: capturing a document with the applicant\'s consent', () => {
  let world: World;
  let browser: Browser;
  let clerk: Participant;
  let applicant: Participant;
  let token: string;
  let caseId: string;
  let applicantId: string;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startWorld({ remoteWindow: true }), launchBrowser()]);
    token = await login(world.url);
    ({ caseId } = await draftCase(world.url, token, '310104'));
    [clerk, applicant] = await Promise.all([newParticipant(browser), newParticipant(browser, { phone: true })]);
    const s = await clerkStartsSession(clerk.page, world.url, { caseId });
    applicantId = await applicantJoins(applicant.page, s.joinUrl, '王五');
    await clerk.page.waitForSelector(`[data-waiting][data-participant="${applicantId}"]`);
    await clerkAdmits(clerk.page, applicantId);
    await waitState(applicant.page, 'admitted');
    await waitForVideoFrom(clerk.page, applicantId, 'camera');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  }, 60_000);

  async function capture(note: string): Promise<string> {
    const before = await clerk.page.$$eval('[data-capture]', (els) => els.length);
    await clerk.page.fill('#capture-note', note);
    await clerk.page.click('[data-action=capture]');
    await clerk.page.waitForFunction((n) => (globalThis as any).document.querySelectorAll('[data-capture]').length > n, before);
    await applicant.page.waitForSelector('dialog .consent-image');
    return (await clerk.page.getAttribute('[data-capture]', 'data-capture')) as string;
  }

  test('the phone switches to document mode and the clerk sees it', async () => {
    await applicant.page.click('[data-tool=document]');
    await clerk.page.waitForSelector(`[data-card=participants] [data-participant="${applicantId}"] .tag-cyan`);
    expect(await clerk.page.textContent(`[data-card=participants] [data-participant="${applicantId}"]`)).toContain('文档模式');
    // the camera producer now carries the document track: video keeps arriving on the same consumer
    await waitForVideoFrom(clerk.page, applicantId, 'camera');
  }, 30_000);

  test('with consent, the still becomes a material of the case with the SHA-256 the clerk\'s page computed', async () => {
    const captureId = await capture('身份证正面');
    await screenshot(applicant.page, 'applicant-consent-dialog');
    await applicant.page.click('dialog button[data-value=yes]');
    const row = await clerk.page.waitForSelector(`[data-capture="${captureId}"][data-status=stored]`);
    const localSha = await row.getAttribute('data-local-sha256');
    const serverSha = await row.getAttribute('data-sha256');
    expect(localSha).toMatch(/^[0-9a-f]{64}$/);
    expect(serverSha).toBe(localSha);
    const c = await getCase(world.url, token, caseId);
    const stored = c.materials.filter((m: { sha256: string }) => m.sha256 === localSha);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ mediaType: 'image/jpeg', source: 'remote_capture' });
    await screenshot(clerk.page, 'clerk-capture-stored');
  }, 30_000);

  test('refused, nothing is stored and the clerk sees the refusal', async () => {
    const materialsBefore = (await getCase(world.url, token, caseId)).materials.length;
    const captureId = await capture('户口簿首页');
    const sha = await clerk.page.getAttribute(`[data-capture="${captureId}"]`, 'data-local-sha256');
    await applicant.page.click('dialog button[data-value=no]');
    await clerk.page.waitForSelector(`[data-capture="${captureId}"][data-status=refused]`);
    const c = await getCase(world.url, token, caseId);
    expect(c.materials).toHaveLength(materialsBefore);
    expect(c.materials.some((m: { sha256: string }) => m.sha256 === sha)).toBe(false);
  }, 30_000);
});
