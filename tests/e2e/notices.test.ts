import type { Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { tomorrowAt } from './support/daytime';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();
// Daytime in Shanghai: reminders go at once instead of waiting for quiet hours to end.
beforeAll(() => suite.host.clock.set(tomorrowAt('10:00').at));

const TITLE = '关于周五主题党日的通知';
const BODY = '请各位党员周五 17:30 到示教室。\n<b>带好笔记本</b><img src=x onerror="window.__xss=1">';

async function memberPage(member: Member): Promise<Page> {
  const context = await phoneContext(suite.browser);
  const page = await context.newPage();
  await signInAs(page, suite.host.url, member.name);
  return page;
}

async function openNotice(page: Page) {
  await page.locator('.taro-tabbar__tabbar').getByText('通知', { exact: true }).click();
  await visible(page, '.notice-item').filter({ hasText: TITLE }).first().click();
  await visible(page, '.notice-title').waitFor({ timeout: 15000 });
}

describe('notices with read receipts in the browser', () => {
  it('a secretary publishes; two members read it; the secretary sees 2 / N by name and reminds the rest; another branch never sees it', async () => {
    const members = suite.host.storage.collection<Member>('members');
    const [secretary] = await members.find({ branchId: 'b_demo01', role: 'secretary' });
    const readers = await members.find({ branchId: 'b_demo01', role: 'member', openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 2 });
    const [outsider] = await members.find({ branchId: 'b_demo02', role: 'member', openid: { $ne: null } }, { limit: 1 });
    // Who is expected to read: the branch without the publishing secretary and without members who never bound WeChat.
    const total = await members.count({ branchId: 'b_demo01', status: 'active', openid: { $ne: null }, _id: { $ne: secretary._id } });
    const unbound = await members.count({ branchId: 'b_demo01', status: 'active', openid: null });

    // The secretary writes and publishes to the whole branch.
    const context = await phoneContext(suite.browser);
    const publisher = await context.newPage();
    const errors = collectPageErrors(publisher);
    await signInAs(publisher, suite.host.url, secretary.name);
    await publisher.goto(`${suite.host.url}#/admin/notice-compose/index`);
    await visible(publisher, '.compose-title input').fill(TITLE);
    await visible(publisher, '.compose-body textarea').fill(BODY);
    await visible(publisher, '.audience-branch').click();
    await visible(publisher, '.publish-button').click();
    await visible(publisher, '.track-read-count').waitFor({ timeout: 15000 });
    expect((await visible(publisher, '.track-read-count').textContent())?.replace(/\s/g, '')).toBe(`0/${total}`);

    // Two members, each in their own browser, open it; the body shows as text, never as HTML.
    for (const reader of readers) {
      const page = await memberPage(reader);
      await openNotice(page);
      const body = await visible(page, '.notice-body').innerText();
      expect(body).toContain('<b>带好笔记本</b>');
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await page.context().close();
    }

    // The publisher's view updates by itself (it polls) to 2 / N with both names marked read.
    await publisher.waitForFunction(
      (expected) => Array.from(document.querySelectorAll('.track-read-count')).some((el) => el.textContent?.replace(/\s/g, '') === expected),
      `2/${total}`,
      { timeout: 20000 },
    );
    const readNames = await visible(publisher, '.track-member.is-read .track-member-name').allTextContents();
    expect(readNames.map((n) => n.trim()).sort()).toEqual(readers.map((r) => r.name).sort());
    expect(await visible(publisher, '.track-member.is-unread').count()).toBe(total - 2);

    await visible(publisher, '.remind-button').click();
    await visible(publisher, '.remind-result').waitFor({ timeout: 15000 });
    expect(await visible(publisher, '.remind-result').textContent()).toContain(`已提醒 ${total - 2} 人`);
    // The reminder line does not claim to have reached those who cannot open the app.
    expect(await visible(publisher, '.remind-result').textContent()).toContain(`未绑定微信的 ${unbound} 人无法收到`);
    expect(await visible(publisher, '.track-member-name').allTextContents()).not.toContain(secretary.name);
    expect(errors).toEqual([]);

    // A member of another branch does not see it.
    const other = await memberPage(outsider);
    await other.locator('.taro-tabbar__tabbar').getByText('通知', { exact: true }).click();
    await other.waitForTimeout(1500);
    expect(await visible(other, '.notice-item').filter({ hasText: TITLE }).count()).toBe(0);
    await other.context().close();
    await context.close();
  });

  describe('publishing never creates two notices', () => {
    async function composeAsSecretary(title: string): Promise<Page> {
      const [secretary] = await suite.host.storage.collection<Member>('members').find({ branchId: 'b_demo01', role: 'secretary' });
      const page = await (await phoneContext(suite.browser)).newPage();
      await signInAs(page, suite.host.url, secretary.name);
      await page.goto(`${suite.host.url}#/admin/notice-compose/index`);
      await visible(page, '.compose-title input').fill(title);
      await visible(page, '.compose-body textarea').fill('请准时参加。');
      await visible(page, '.audience-branch').click();
      return page;
    }
    const stored = (title: string) => suite.host.storage.collection('notices').count({ title });

    it('a double tap on 发布 publishes one notice', async () => {
      const title = '双击发布测试';
      const page = await composeAsSecretary(title);
      const errors = collectPageErrors(page);
      const publishes: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/fn/notices') && r.postDataJSON()?.action === 'publish') publishes.push(r.postDataJSON().data.requestId);
      });
      // Two taps within one frame, before React re-renders the button as busy.
      await visible(page, '.publish-button').evaluate((el) => {
        (el as HTMLElement).click();
        (el as HTMLElement).click();
      });
      await visible(page, '.track-read-count').waitFor({ timeout: 15000 });
      expect(await stored(title)).toBe(1);
      expect(new Set(publishes).size).toBe(1);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('tapping 发布 again after a lost answer sends the same request id and publishes one notice', async () => {
      const title = '重试发布测试';
      const page = await composeAsSecretary(title);
      const ids: string[] = [];
      let lost = false;
      await page.route('**/api/fn/notices', async (route) => {
        const body = route.request().postDataJSON();
        if (body?.action !== 'publish') return route.continue();
        ids.push(body.data.requestId);
        if (lost) return route.continue();
        // The function runs and stores the notice; the phone never hears back (a dropped connection).
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await visible(page, '.publish-button').click();
      await visible(page, '.compose-error').waitFor({ timeout: 15000 });
      expect(await stored(title)).toBe(1);
      await visible(page, '.publish-button').click();
      await visible(page, '.track-read-count').waitFor({ timeout: 15000 });
      expect(ids).toHaveLength(2);
      expect(ids[1]).toBe(ids[0]);
      expect(await stored(title)).toBe(1);
      await page.context().close();
    });
  });
});
