// The applicant's code box in real Chromium: a wrong code, an expired code and too many attempts each
// get a clear Chinese message on the page (the server's refusals: JOIN_CODE_INVALID, JOIN_EXPIRED,
// RATE_LIMITED with Retry-After), and the page holds the button back while the limit lasts. And a
// person left too long in the waiting room is told why.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { launchBrowser, newParticipant, screenshot } from '../support/browser.js';
import { applicantJoins } from '../support/rwFlows.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('远程帮办: the applicant types a 6-digit code', () => {
  let world: World;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startWorld({ remoteWindow: { joinTtlS: 3 } }), launchBrowser()]);
    token = await login(world.url);
    ({ page } = await newParticipant(browser));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  }, 60_000);

  async function tryCode(code: string): Promise<{ code: string | undefined; text: string }> {
    await page.goto(`${world.url}/rw/`);
    await page.fill('#display-name', '张三');
    await page.fill('#join-code', code);
    await page.click('#join-button');
    const slot = await page.waitForSelector('.alert-slot .alert');
    return { code: await page.getAttribute('.alert-slot', 'data-code') ?? undefined, text: (await slot.textContent()) ?? '' };
  }

  test('a code that is not 6 digits is caught on the page before anything is sent', async () => {
    await page.goto(`${world.url}/rw/`);
    await page.fill('#display-name', '张三');
    await page.fill('#join-code', '12a');
    await page.click('#join-button');
    expect(await page.textContent('.alert-slot')).toContain('6 位数字');
    expect(await page.getAttribute('#join-code', 'aria-invalid')).toBe('true');
  });

  test('an expired code is refused with 已过期', async () => {
    const created = await call(world.url, 'POST', '/api/sessions', { token, json: {} });
    expect(created.status).toBe(201);
    await sleep(3500);
    const r = await tryCode(created.body.code);
    expect(r.code).toBe('JOIN_EXPIRED');
    expect(r.text).toContain('已过期');
  }, 30_000);

  test('a wrong code says so, and guessing again and again is stopped with a wait', async () => {
    const first = await tryCode('000000');
    expect(first.code).toBe('JOIN_CODE_INVALID');
    expect(first.text).toContain('帮办码或链接无效');
    let last = first;
    for (let i = 0; i < 12 && last.code !== 'RATE_LIMITED'; i++) last = await tryCode(String(100000 + i));
    expect(last.code).toBe('RATE_LIMITED');
    expect(last.text).toContain('尝试次数过多');
    expect(await page.isDisabled('#join-button')).toBe(true);
    expect(await page.textContent('#join-button')).toMatch(/请 \d+ 秒后再试/);
    await screenshot(page, 'applicant-code-rate-limited');
  }, 60_000);
});

describe('远程帮办: nobody admits the applicant', () => {
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startWorld({ remoteWindow: { waitingTimeoutS: 3 } }), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  }, 60_000);

  test('after the waiting time the applicant is told the wait expired and may queue again', async () => {
    const token = await login(world.url);
    const created = await call(world.url, 'POST', '/api/sessions', { token, json: {} });
    const { page } = await newParticipant(browser, { phone: true });
    await applicantJoins(page, created.body.joinUrl, '孙七');
    await page.waitForSelector('[data-screen=ended][data-end=expired]', { timeout: 15_000 });
    expect(await page.textContent('[data-screen=ended] h1')).toContain('等待时间过长');
    expect(await page.isVisible('[data-screen=ended] button')).toBe(true); // 重新进入
    await screenshot(page, 'applicant-wait-expired');
  }, 30_000);
});
