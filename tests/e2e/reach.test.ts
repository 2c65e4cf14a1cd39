import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { failed } from '../../cloudfunctions/_runtime/reach/outcome';
import { memoryReachChannels } from '../../cloudfunctions/_runtime/reach/memory';
import type { SubscriptionCredit } from '../../src/domain/notice/types';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, launchChromium, phoneContext, signInAs, visible } from './support/browser';
import { tomorrowAt } from './support/daytime';
import { startHost, type TestHost } from './support/host';

/**
 * The secretary reminds the unread and sees who was reached by which channel, why the rest were not,
 * and by name whom nothing reached. The host runs with a recording channel set where WeCom is
 * configured (no network): one member's WeCom account is unknown (60111), one has neither WeChat nor
 * a mobile, one holds a WeChat credit.
 */
const SHOTS = '/tmp/reach-flow';
const TITLE = '关于本周五党员大会的通知';
let host: TestHost;
let browser: Browser;
let ghostId = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const channels = memoryReachChannels({
    configured: { wechat: true, wecom: true },
    respond: (ch, to) => (ch === 'wecom' && to.memberId === ghostId ? failed(to, 'unknown_user', 60111) : undefined),
  });
  host = await startHost(undefined, { channels });
  // Daytime in Shanghai: reminders go at once instead of waiting for quiet hours to end.
  host.clock.set(tomorrowAt('10:00').at);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

/**
 * Scrolls to the reach report. Right after a navigation the page sliding out may still show its own
 * report, which goes a moment later (Playwright then says "not attached"): try again on the new page's.
 */
async function scrollToReport(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await visible(page, '.reach-report').scrollIntoViewIfNeeded({ timeout: 5000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.waitForTimeout(300);
    }
  }
}

async function publishAndTrack(page: Page) {
  await page.goto(`${host.url}#/admin/notice-compose/index`);
  await visible(page, '.compose-title input').fill(TITLE);
  await visible(page, '.compose-body textarea').fill('请全体党员周五 17:30 到示教室参加党员大会。');
  await visible(page, '.audience-branch').click();
  await visible(page, '.publish-button').click();
  await visible(page, '.track-read-count').waitFor({ timeout: 15000 });
}

describe('reach report in the browser', () => {
  it('the secretary reminds and sees the per-channel report with the names nothing reached', async () => {
    const members = host.storage.collection<Member>('members');
    const [secretary] = await members.find({ branchId: 'b_demo01', role: 'secretary' });
    const bound = await members.find({ branchId: 'b_demo01', role: 'member', openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 3 });
    const [unreachable] = await members.find({ branchId: 'b_demo01', role: 'member', openid: null }, { orderBy: [['employeeNo', 'asc']], limit: 1 });
    ghostId = bound[1]._id;
    await members.updateById(unreachable._id, { $set: { phone: null } });
    await host.storage.collection<SubscriptionCredit>('subscriptionCredits').put({ _id: `${bound[0]._id}:notice_reminder`, memberId: bound[0]._id, templateKey: 'notice_reminder', credits: 1, updatedAt: 0 });
    const recipients = await members.count({ branchId: 'b_demo01', status: 'active', _id: { $ne: secretary._id } });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAs(page, host.url, secretary.name);
    await publishAndTrack(page);

    await visible(page, '.remind-button').click();
    await visible(page, '.reach-report').waitFor({ timeout: 15000 });
    const counts = Object.fromEntries(
      await Promise.all(
        (['wechat', 'wecom', 'sms', 'inapp'] as const).map(async (c) => [c, Number(await visible(page, `.reach-channel--${c} .reach-channel__count`).textContent())]),
      ),
    );
    // WeCom configured: everyone unread is reminded, the unbound too; one by WeChat, two by nothing.
    expect(counts).toEqual({ wechat: 1, wecom: recipients - 3, sms: 0, inapp: 2 });
    expect(await visible(page, '.remind-result').textContent()).toContain(`已提醒 ${recipients} 人`);
    const failures = await visible(page, '.reach-failure').allTextContents();
    expect(failures).toEqual(expect.arrayContaining(['企业微信 · 企业微信查无此人 1 人']));
    const people = await visible(page, '.reach-person').allTextContents();
    expect(people).toHaveLength(2);
    expect(people.find((t) => t.startsWith(bound[1].name))).toContain('企业微信查无此人');
    expect(people.find((t) => t.startsWith(unreachable.name))).toContain('无企业微信账号或手机号');
    expect(await visible(page, '.reach-unreached .reach-section-title').textContent()).toContain('未能送达 2 人');
    await scrollToReport(page);
    await page.screenshot({ path: `${SHOTS}/phone-report.png`, fullPage: false });

    // The report survives a reload (it is stored, not just the answer to the tap).
    await page.reload();
    await visible(page, '.reach-report').waitFor({ timeout: 15000 });
    expect(await visible(page, '.reach-person').count()).toBe(2);
    expect(errors).toEqual([]);

    // Desktop, then night with large text (chosen in 我的, as a member would).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(500);
    await scrollToReport(page);
    await page.screenshot({ path: `${SHOTS}/desktop-report.png` });
    await page.setViewportSize({ width: 375, height: 812 });
    const trackUrl = page.url();
    await page.goto(`${host.url}#/pages/me/index`);
    await visible(page, '.display-dark-on').click();
    await visible(page, '.display-large-on').click();
    await page.goto(trackUrl);
    await visible(page, '.reach-report').waitFor({ timeout: 15000 });
    await scrollToReport(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/night-large-report.png` });
    const overflow = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.reach-report *')).filter((el) => (el as HTMLElement).offsetParent !== null && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible').length,
    );
    expect(overflow).toBe(0);
    await context.close();
  });
});
