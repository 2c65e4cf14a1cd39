import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();

const boundMemberOf = async (branchId: string, role: Member['role'] = 'member') => {
  const members = await suite.host.storage.collection<Member>('members').find({ branchId, role, openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 1 });
  return members[0];
};

describe('app shell in the browser', () => {
  it('sends a visitor without a session to the demo persona picker, marked as demo', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.host.url);
    await page.locator('.persona').first().waitFor({ timeout: 20000 });
    expect(await page.locator('body').innerText()).toContain('演示模式');
    await context.close();
  });

  it('a demo member logs in and sees their name, branch, party group and role, and the four tabs', async () => {
    const member = await boundMemberOf('b_demo01');
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAs(page, suite.host.url, member.name);

    expect((await visible(page, '.me-name').textContent())?.trim()).toBe(member.name);
    expect((await visible(page, '.me-branch').textContent())?.trim()).toBe('心血管内科党支部');
    expect(await visible(page, '.me-group').textContent()).toMatch(/医生党小组|护理党小组/);
    expect((await visible(page, '.me-role').textContent())?.trim()).toBe('党员');
    expect(await visible(page, '.demo-banner').count()).toBe(1);
    for (const tab of ['首页', '通知', '支部', '我的']) {
      expect(await page.locator('.taro-tabbar__tabbar').getByText(tab, { exact: true }).count()).toBe(1);
    }

    await page.locator('.taro-tabbar__tabbar').getByText('支部', { exact: true }).click();
    await visible(page, '.branch-name').waitFor();
    expect((await visible(page, '.branch-name').textContent())?.trim()).toBe('心血管内科党支部');
    // An ordinary member gets no management entries.
    expect(await visible(page, '.link-invites').count()).toBe(0);

    await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
    await visible(page, '.profile-employee-no').waitFor();
    expect((await visible(page, '.profile-employee-no').textContent())?.trim()).toBe(member.employeeNo);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a secretary sees the management entries for their branch', async () => {
    const secretary = await boundMemberOf('b_demo03', 'secretary');
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    await signInAs(page, suite.host.url, secretary.name);
    expect((await visible(page, '.me-role').textContent())?.trim()).toBe('支部书记');
    await page.locator('.taro-tabbar__tabbar').getByText('支部', { exact: true }).click();
    await visible(page, '.link-invites').waitFor();
    expect((await visible(page, '.branch-name').textContent())?.trim()).toBe('消化内科党支部');
    await context.close();
  });
});
