import type { Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();

const HEADER = '姓名,工号,科室,支部,党小组,角色,手机号';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8');
const memberCount = () => suite.host.storage.collection<Member>('members').count({});

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator('input.roster-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

describe('roster import in the browser', () => {
  it('reports the bad row and imports nothing; the fixed file imports with progress; importing again updates', async () => {
    const context = await phoneContext(suite.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAs(page, suite.host.url, '周立群');
    await page.goto(`${suite.host.url}#/admin/roster/index`);
    await page.locator('input.roster-file-input').waitFor({ state: 'attached', timeout: 15000 });
    const before = await memberCount();

    await upload(page, '花名册.csv', csv('吕新一,E2E001,骨科,骨科党支部,,,13900000001', '吕新二,E2E002,骨科,火星党支部,,,'));
    await visible(page, '.roster-error').first().waitFor({ timeout: 15000 });
    const rowErrors = await visible(page, '.roster-error').allTextContents();
    expect(rowErrors).toHaveLength(1);
    expect(rowErrors[0]).toContain('第 3 行');
    expect(rowErrors[0]).toContain('支部「火星党支部」不存在');
    expect(await page.locator('body').innerText()).toContain('未导入任何数据');
    expect(await memberCount()).toBe(before);

    await upload(page, '花名册.csv', csv('吕新一,E2E001,骨科,骨科党支部,,,13900000001', '吕新二,E2E002,骨科,检验科党支部,,,'));
    await visible(page, '.roster-summary').waitFor({ timeout: 15000 });
    expect(await visible(page, '.roster-summary').textContent()).toMatch(/新增\s*2/);
    expect(await memberCount()).toBe(before);
    await visible(page, '.roster-apply').click();
    await visible(page, '.roster-done').waitFor({ timeout: 20000 });
    expect(await memberCount()).toBe(before + 2);
    expect(await suite.host.storage.collection<Member>('members').get('m_E2E002')).toMatchObject({ name: '吕新二', branchId: 'b_demo13' });

    // Same people again, one of them now in another branch: updated, not duplicated.
    await visible(page, '.roster-again').click();
    await upload(page, '花名册.csv', csv('吕新一,E2E001,骨科,骨科党支部,,,13900000001', '吕新二,E2E002,骨科,骨科党支部,,,'));
    await visible(page, '.roster-summary').waitFor({ timeout: 15000 });
    expect(await visible(page, '.roster-summary').textContent()).toMatch(/更新\s*2/);
    await visible(page, '.roster-apply').click();
    await visible(page, '.roster-done').waitFor({ timeout: 20000 });
    expect(await memberCount()).toBe(before + 2);
    expect(await suite.host.storage.collection<Member>('members').get('m_E2E002')).toMatchObject({ branchId: 'b_demo06' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
