import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { boundMember, callAs, openRoute, settle } from './support/screens';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();

const NOTICE = '网络测试通知';

describe('the H5 shell: tab bar, titles and a dropped connection', () => {
  beforeAll(async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const secretary = await boundMember(suite.host, 'b_demo01', 'secretary');
    await signInAs(page, suite.host.url, secretary.name);
    await callAs(page, 'notices', 'publish', { title: NOTICE, body: '断网时点开这条通知。', audience: { kind: 'branch', branchId: 'b_demo01' }, requestId: 'e2e-shell-resilience-notice' });
    await context.close();
  });

  it('tabs have icons, and the unread count sits on the icon, clear of the label', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const member = await boundMember(suite.host, 'b_demo01', 'member');
    await signInAs(page, suite.host.url, member.name);
    await openRoute(page, suite.host.url, '/pages/index/index');
    const icons = page.locator('.weui-tabbar__icon');
    expect(await icons.count()).toBe(4);
    for (const icon of await icons.all()) {
      const box = await icon.boundingBox();
      expect(box && box.width >= 20 && box.height >= 20).toBe(true);
      expect(await icon.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(81);
    }
    const badge = page.locator('.taro-tabbar-badge').locator('visible=true').first();
    await badge.waitFor({ timeout: 15000 });
    const tab = page.locator('.weui-tabbar__item').nth(1);
    const label = await tab.locator('.weui-tabbar__label').boundingBox();
    const b = await badge.boundingBox();
    expect(label && b).toBeTruthy();
    // no overlap between the badge and the label "通知"
    expect(b!.y + b!.height <= label!.y + 1 || b!.x >= label!.x + label!.width - 1).toBe(true);
    await page.screenshot({ path: '/tmp/screens/tabbar-badge.png' });
    await context.close();
  });

  it('every page opened from another has a title and a way back', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const member = await boundMember(suite.host, 'b_demo01', 'member');
    await signInAs(page, suite.host.url, member.name);
    await page.locator('.taro-tabbar__tabbar').getByText('通知', { exact: true }).click();
    await visible(page, '.notice-item').filter({ hasText: NOTICE }).first().click();
    await visible(page, '.notice-title').waitFor({ timeout: 15000 });
    const bar = page.locator('#taro-navigation-bar');
    expect(await bar.isVisible()).toBe(true);
    expect((await bar.locator('.taro-navigation-bar-title').textContent())?.trim()).toBe('通知详情');
    // Let the page finish sliding in (and its read mark settle) before going back: a tap mid-animation is lost.
    await settle(page);
    await bar.locator('.taro-navigation-bar-back').click();
    await visible(page, '.notice-item').first().waitFor();
    expect((await bar.locator('.taro-navigation-bar-title').textContent())?.trim()).toBe('通知');

    // Opened directly (a shared link, a reload): the bar offers the way home instead.
    await openRoute(page, suite.host.url, '/pages/lesson-history/index');
    await page.reload();
    await settle(page);
    expect((await bar.locator('.taro-navigation-bar-title').textContent())?.trim()).toBe('学习记录');
    expect(await bar.locator('.taro-navigation-bar-home').isVisible()).toBe(true);
    await bar.locator('.taro-navigation-bar-home').click();
    await visible(page, '.page-home').waitFor();
    await context.close();
  });

  it('a notice tapped while the network is down says so and opens after 重试 once it is back', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const member = await boundMember(suite.host, 'b_demo01', 'member');
    await signInAs(page, suite.host.url, member.name);
    await page.locator('.taro-tabbar__tabbar').getByText('通知', { exact: true }).click();
    await visible(page, '.notice-item').filter({ hasText: NOTICE }).first().waitFor();

    // The notice page's code was prefetched while home sat idle, so the page opens; its request fails and says so.
    await context.setOffline(true);
    await visible(page, '.notice-item').filter({ hasText: NOTICE }).first().click();
    const error = visible(page, '.state-error');
    await error.waitFor({ timeout: 15000 });
    expect(await error.innerText()).toContain('重试');
    await page.screenshot({ path: '/tmp/screens/offline-notice.png' });

    await context.setOffline(false);
    await visible(page, '.retry-button').click();
    await visible(page, '.notice-title').waitFor({ timeout: 20000 });
    expect((await visible(page, '.notice-title').textContent())?.trim()).toBe(NOTICE);
    await context.close();
  });

  it('a page whose code cannot load offline says so, and opens after 重试 once the network is back', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const member = await boundMember(suite.host, 'b_demo01', 'member');
    await signInAs(page, suite.host.url, member.name);

    // 学习记录 is not prefetched: going there offline needs its page chunk.
    await context.setOffline(true);
    await page.evaluate(() => {
      window.location.hash = '#/pages/lesson-history/index';
    });
    const notice = page.locator('.load-failure');
    await notice.waitFor({ timeout: 10000 });
    expect(await notice.innerText()).toContain('网络连接失败');
    // Still offline: 重试 says so instead of leaving a browser error page.
    await page.locator('.load-failure-retry').click();
    await page.waitForFunction(() => document.querySelector('.load-failure__detail')?.textContent?.includes('仍然无法连接'));

    await context.setOffline(false);
    await page.locator('.load-failure-retry').click();
    await visible(page, '.taro-navigation-bar-title').filter({ hasText: '学习记录' }).waitFor({ timeout: 20000 });
    expect(errors.filter((e) => !/chunk/i.test(e))).toEqual([]);
    await context.close();
  });

  it('a failed request shows 加载失败 with 重试, and 重试 loads once the network is back', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const member = await boundMember(suite.host, 'b_demo01', 'member');
    await signInAs(page, suite.host.url, member.name);
    // The 通知 tab opens from the list the home just fetched (no request); opening the notice asks the function.
    await page.locator('.taro-tabbar__tabbar').getByText('通知', { exact: true }).click();
    await context.route('**/api/fn/notices', (route) => route.abort('internetdisconnected'));
    await visible(page, '.notice-item').filter({ hasText: NOTICE }).first().click();
    const error = visible(page, '.state-error');
    await error.waitFor({ timeout: 15000 });
    expect(await error.innerText()).toContain('重试');
    await context.unroute('**/api/fn/notices');
    await visible(page, '.retry-button').click();
    await visible(page, '.notice-title').filter({ hasText: NOTICE }).first().waitFor({ timeout: 15000 });
    await context.close();
  });
});

describe('roster template', () => {
  it('the import page downloads an xlsx template with the columns and an example row', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    await signInAs(page, suite.host.url, '周立群');
    await openRoute(page, suite.host.url, '/admin/roster/index');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), visible(page, '.roster-template').click()]);
    expect(download.suggestedFilename()).toMatch(/模板.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '工号', '科室', '支部', '党小组', '角色', '手机号', '企业微信账号']);
    expect(book.worksheets[0].rowCount).toBe(2);
    await context.close();
  });
});
