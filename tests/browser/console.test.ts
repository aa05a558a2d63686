// The clerk console (gateway/web) in a real headless Chromium, against the real gateway and the
// simulated partners: a clerk logs in, is stopped by a wrong ID check digit, creates a case, uploads
// the scanned materials through the file picker, submits, and watches it reach the partner.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, login } from '../support/client.js';
import { TINY_PDF } from '../support/fixtures.js';
import { launchBrowser, newParticipant, screenshot } from '../support/browser.js';
import { startWorld, type World } from '../support/world.js';
import { PARTNERS } from '../support/registry.js';

let world: World;
let browser: Browser;

beforeAll(async () => {
  world = await startWorld({ env: { AUDIT_ANCHOR_INTERVAL_S: '1' } });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

const ID_NUMBER = '330681199003071233';

describe('the clerk console in a browser', () => {
  test('a clerk takes a case from the window to the partner region without touching the API', async () => {
    const token = await login(world.url);
    const items = (await call(world.url, 'GET', '/api/items', { token })).body.items as Array<{ itemCode: string; name: string; partner: string; applicantKinds: string[]; materials: Array<{ code: string; name: string; required: boolean }> }>;
    const item = items.find((it) => it.partner === '310104' && it.applicantKinds.includes('person'));
    expect(item, 'a 徐汇 item a person may apply for').toBeDefined();
    const before = await world.gateway.core.store.count();

    const { page, logs, context } = await newParticipant(browser);
    await page.goto(`${world.url}/#/login`);
    await page.locator('#login-username').fill('zhuji01');
    await page.locator('#login-password').fill('Zhuji@2026');
    await page.getByRole('button', { name: '登 录' }).click();
    // the partner filter lists the registered regions, named as the gateway names them (GET /api/partners)
    await expect.poll(() => page.locator('#f-partner option').allTextContents(), { timeout: 10_000 }).toEqual(['全部', ...PARTNERS.map((m) => `${m.name}（${m.region}）`)]);
    await page.getByRole('link', { name: '新建办件' }).first().click();

    await page.locator('#item-search').fill(item!.itemCode);
    await page.locator('.item-option', { hasText: item!.name }).first().click();
    await page.getByLabel('姓名').filter({ visible: true }).fill('王芳');
    await page.getByLabel('证件号码').filter({ visible: true }).fill('330681199003071234'); // wrong check digit
    await page.getByLabel('联系电话').filter({ visible: true }).fill('13812345678');
    const address = page.getByLabel('寄送地址').filter({ visible: true });
    if (await address.isVisible()) await address.fill('浙江省诸暨市暨阳街道艮塔西路1号');
    await page.getByRole('button', { name: '创建办件（草稿）' }).click();
    await expect.poll(() => page.locator('.field-msg-error').allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/校验|证件号码/)]));
    expect(await world.gateway.core.store.count(), 'nothing is created while the ID number is wrong').toBe(before);

    await page.getByLabel('证件号码').filter({ visible: true }).fill(ID_NUMBER);
    await page.getByRole('button', { name: '创建办件（草稿）' }).click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}/, { timeout: 15_000 });
    const caseId = /#\/cases\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    for (const m of item!.materials.filter((x) => x.required)) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: `上传 ${m.name}` }).click();
      await (await chooser).setFiles({ name: `${m.code}.pdf`, mimeType: 'application/pdf', buffer: TINY_PDF });
      await expect.poll(async () => ((await call(world.url, 'GET', `/api/cases/${caseId}`, { token })).body.materials as Array<{ code: string }>).some((x) => x.code === m.code), { timeout: 15_000 }).toBe(true);
    }

    await page.getByRole('button', { name: '形式审查通过，收件并转递' }).click();
    await page.getByRole('button', { name: '确认收件并转递' }).click();
    // the page polls the case: the partner acknowledges and the status becomes 已转递
    await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain('已转递');
    const c = (await call(world.url, 'GET', `/api/cases/${caseId}`, { token })).body;
    expect(c.status).toBe('forwarded');
    expect(c.handoffs[0].status).toBe('delivered');

    // personal data is masked on screen: the full ID number never appears in the page
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(ID_NUMBER);
    expect(text).toMatch(/3306\*+1233/);
    await screenshot(page, 'console-case-forwarded');

    // the clerk checks the case's audit trail: complete, and pinned by a signed anchor once one is written
    await expect.poll(async () => (await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body.anchor?.n ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: '校验审计链' }).click();
    await expect.poll(() => page.locator('.verdict').innerText(), { timeout: 10_000 }).toContain('审计链完整');
    expect(await page.locator('.verdict').innerText()).toMatch(/已签名锚定：第 \d+ 号锚点/);
    await screenshot(page, 'console-audit-anchored');
    expect(logs.filter((l) => l.startsWith('[pageerror]'))).toEqual([]);
    await context.close();
  }, 120_000);
});
