// The waiting room in real Chromium, for a walk-in session (no case): two applicants wait at once, the clerk's panel announces both,
// the clerk admits one (who then sees the clerk) and declines the other, who is told why; then the
// clerk removes the admitted one, who is told why too.
import { describe, expect, test } from 'vitest';
import { screenshot, waitForVideoFrom, rw } from '../support/browser.js';
import { applicantJoins, clerkAdmits, clerkDeclines, clerkStartsSession, waitState } from '../support/rwFlows.js';
import { remoteWindowSuite } from '../support/rwSuite.js';

describe('远程帮办: the waiting room', () => {
  const suite = remoteWindowSuite();

  test('two applicants waiting are both announced; one is admitted, the other declined and told why', async () => {
    const { world } = suite;
    const [clerk, first, second] = await Promise.all([suite.person(), suite.person({ phone: true }), suite.person()]);

    // a walk-in: 「发起远程帮办（无办件）」 on the case list
    const s = await clerkStartsSession(clerk.page, world.url);
    expect(await clerk.page.textContent('[data-card=session]')).toContain('无（现场咨询，未关联办件）');
    // one comes with the link, the other types the code on /rw/
    const firstId = await applicantJoins(first.page, s.joinUrl, '张三');
    const secondId = await applicantJoins(second.page, `${world.url}/rw/`, '李四', s.code);
    await first.page.waitForSelector('[data-screen=waiting]');
    await second.page.waitForSelector('[data-screen=waiting]');
    expect(await first.page.textContent('[data-screen=waiting] h1')).toContain('请稍候，工作人员即将为您服务');

    await clerk.page.waitForSelector(`[data-waiting][data-participant="${firstId}"]`);
    await clerk.page.waitForSelector(`[data-waiting][data-participant="${secondId}"]`);
    const rows = await clerk.page.$$eval('[data-waiting] .row-name', (els) => els.map((e) => e.textContent));
    expect(rows).toEqual(['张三', '李四']);
    expect(await clerk.page.textContent('[data-card=waiting] .card-header .tag')).toBe('2');
    await screenshot(clerk.page, 'clerk-waiting-two');

    await clerkAdmits(clerk.page, firstId);
    await waitState(first.page, 'admitted');
    await clerkDeclines(clerk.page, secondId, '今日号源已满，请明天上午再来');
    await second.page.waitForSelector('[data-screen=ended][data-end=declined]');
    expect(await second.page.textContent('[data-screen=ended]')).toContain('今日号源已满，请明天上午再来');
    expect(await second.page.textContent('[data-screen=ended] h1')).toContain('工作人员暂时无法为您办理');
    await screenshot(second.page, 'applicant-declined');

    const clerkId = await rw<string>(clerk.page, 'participantId');
    await waitForVideoFrom(first.page, clerkId, 'camera');
    await clerk.page.waitForSelector('[data-card=waiting] .empty');
    await clerk.page.waitForSelector(`[data-card=participants] [data-participant="${firstId}"][data-state=admitted]`);
    expect(await clerk.page.$(`[data-card=participants] [data-participant="${secondId}"][data-state=admitted]`)).toBeNull();

    // 移出: the admitted applicant is removed and told why
    await clerk.page.click(`[data-card=participants] [data-participant="${firstId}"] [data-action=remove]`);
    await clerk.page.fill('dialog .dlg-input', '材料已核验完毕');
    await clerk.page.click('dialog button[data-value=yes]');
    await first.page.waitForSelector('[data-screen=ended][data-end=removed]');
    expect(await first.page.textContent('[data-screen=ended]')).toContain('材料已核验完毕');
    await clerk.page.waitForSelector(`[data-card=participants] [data-participant="${firstId}"][data-state=left]`);
  }, 120_000);
});
