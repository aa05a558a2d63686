// A deployment with TLS (TLS_CERT_FILE/TLS_KEY_FILE) on a host name other than the machine itself:
// browsers give a page the camera only in a secure context, which there means HTTPS. The applicant's
// page at https://kytb.test is one, joins over wss, and the clerk and the applicant see each other.
// (Chromium resolves kytb.test to 127.0.0.1 and trusts exactly this certificate's key.)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWorld, type World } from '../support/world.js';
import { launchBrowser, newParticipant, rw, waitForVideoFrom } from '../support/browser.js';
import { applicantJoins, clerkAdmits, clerkStartsSession, waitState } from '../support/rwFlows.js';
import { selfSignedCert } from '../support/tls.js';

const HOST = 'kytb.test';

describe('远程帮办 over HTTPS on a host name', () => {
  let dir: string;
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kytb-https-'));
    const { certFile, keyFile, spkiSha256 } = await selfSignedCert(dir, `DNS:${HOST}`);
    [world, browser] = await Promise.all([
      startWorld({ remoteWindow: true, tls: { certFile, keyFile, host: HOST } }),
      launchBrowser({ trustSpki: spkiSha256, localHosts: [HOST] }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  test('the applicant\'s page is a secure context, signalling is wss, and both decode each other', async () => {
    expect(world.url).toMatch(/^https:\/\/kytb\.test:\d+$/);
    const [clerk, applicant] = await Promise.all([newParticipant(browser), newParticipant(browser, { phone: true })]);
    const s = await clerkStartsSession(clerk.page, world.url);
    expect(s.joinUrl.startsWith(`${world.url}/rw/`)).toBe(true);
    const applicantId = await applicantJoins(applicant.page, s.joinUrl, '孙八');
    expect(await applicant.page.evaluate(() => (globalThis as unknown as { isSecureContext: boolean }).isSecureContext)).toBe(true);
    await clerk.page.waitForSelector(`[data-waiting][data-participant="${applicantId}"]`);
    await clerkAdmits(clerk.page, applicantId);
    await waitState(applicant.page, 'admitted');
    const clerkId = await rw<string>(clerk.page, 'participantId');
    expect((await waitForVideoFrom(applicant.page, clerkId, 'camera')).framesDecoded).toBeGreaterThan(0);
    expect((await waitForVideoFrom(clerk.page, applicantId, 'camera')).framesDecoded).toBeGreaterThan(0);
    // an https page may open only wss (a ws:// socket would be blocked as mixed content): its link is open
    expect(await rw<string>(applicant.page, 'link')).toBe('open');
    await applicant.context.close();
    await clerk.context.close();
  }, 120_000);
});
