import type { Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { phoneContext, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();

/** A first-time user: a fresh identity with nobody bound to it, as WeChat gives a new OPENID. */
async function newUser(): Promise<Page> {
  const context = await phoneContext(suite.browser);
  const page = await context.newPage();
  await page.goto(`${suite.host.url}#/pages/demo/index`);
  await visible(page, '.sign-in-new').click();
  await visible(page, '.submit-invite').waitFor({ timeout: 15000 });
  return page;
}

describe('binding a WeChat identity in the browser', () => {
  it('the secretary issues an invite code; a newcomer binds with it and lands in that branch', async () => {
    const [secretary] = await suite.host.storage.collection<Member>('members').find({ branchId: 'b_demo08', role: 'secretary' });
    const context = await phoneContext(suite.browser);
    const admin = await context.newPage();
    await signInAs(admin, suite.host.url, secretary.name);
    await admin.goto(`${suite.host.url}#/admin/invites/index?branchId=b_demo08`);
    await visible(admin, '.invite-days-7').click();
    await visible(admin, '.issue-invite').click();
    await visible(admin, '.issued-code').waitFor({ timeout: 15000 });
    const code = (await visible(admin, '.issued-code').textContent())!.replace(/\s/g, '');
    expect(code).toMatch(/^[23456789A-HJKMNP-Z]{8}$/);

    const page = await newUser();
    await visible(page, '.invite-code input').fill('WRONG234');
    await visible(page, '.invite-name input').fill('韩新来');
    await visible(page, '.invite-employee-no input').fill('N2026');
    await visible(page, '.submit-invite').click();
    await visible(page, '.form-error').waitFor({ timeout: 15000 });
    expect(await visible(page, '.form-error').textContent()).toContain('邀请码不正确');

    await visible(page, '.invite-code input').fill(code.toLowerCase());
    await visible(page, '.submit-invite').click();
    await visible(page, '.me-name').waitFor({ timeout: 15000 });
    expect((await visible(page, '.me-name').textContent())?.trim()).toBe('韩新来');
    expect((await visible(page, '.me-branch').textContent())?.trim()).toBe('儿科党支部');
    await context.close();
  });

  it('a rostered member binds by name and employee number; a second WeChat cannot claim them', async () => {
    const [target] = await suite.host.storage.collection<Member>('members').find({ branchId: 'b_demo02', openid: null }, { limit: 1 });
    const bindByRoster = async (page: Page) => {
      await page.getByText('花名册匹配', { exact: true }).click();
      await visible(page, '.roster-name input').fill(target.name);
      await visible(page, '.roster-employee-no input').fill(target.employeeNo);
      await visible(page, '.submit-roster').click();
    };
    const first = await newUser();
    await bindByRoster(first);
    await visible(first, '.me-name').waitFor({ timeout: 15000 });
    expect((await visible(first, '.me-branch').textContent())?.trim()).toBe('呼吸与危重症医学科党支部');

    const second = await newUser();
    await bindByRoster(second);
    await visible(second, '.form-error').waitFor({ timeout: 15000 });
    expect(await visible(second, '.form-error').textContent()).toContain('该党员身份已被其他微信绑定');
  });
});
