import type { Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

/**
 * The create dialogs send one request id per opening: two taps on 保存 within one frame (before the
 * button shows it is busy) store one branch / one party group.
 */
const suite = hostAndBrowserPerFile();

/** The request ids the page sent for `action`. */
function requestIds(page: Page, action: string): string[] {
  const ids: string[] = [];
  page.on('request', (r) => {
    const body = r.url().endsWith('/api/fn/org') ? r.postDataJSON() : null;
    if (body?.action === action) ids.push(body.data.requestId);
  });
  return ids;
}

async function doubleTapSave(page: Page) {
  await visible(page, '.nut-dialog-footer-ok').evaluate((el) => {
    (el as HTMLElement).click();
    (el as HTMLElement).click();
  });
  await visible(page, '.nut-dialog-footer-ok').waitFor({ state: 'detached', timeout: 15000 }).catch(() => undefined);
  await page.waitForTimeout(1000);
}

describe('create dialogs create once', () => {
  it('the committee admin double-taps 保存 on 新建支部: one branch', async () => {
    const page = await (await phoneContext(suite.browser)).newPage();
    const errors = collectPageErrors(page);
    const ids = requestIds(page, 'branch.create');
    await signInAs(page, suite.host.url, '周立群');
    await page.goto(`${suite.host.url}#/admin/org/index`);
    await visible(page, '.create-branch').click();
    await visible(page, '.field-branch-name input').fill('康复医学科党支部');
    await visible(page, '.field-department input').fill('康复医学科');
    await doubleTapSave(page);
    await visible(page, '.org-branch-name').filter({ hasText: '康复医学科党支部' }).first().waitFor({ timeout: 15000 });
    expect(await suite.host.storage.collection('branches').count({ name: '康复医学科党支部' })).toBe(1);
    // Both taps reach the function today (two requests), with one id between them.
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a secretary double-taps 保存 on 新建党小组: one group', async () => {
    const [secretary] = await suite.host.storage.collection<Member>('members').find({ branchId: 'b_demo02', role: 'secretary' });
    const page = await (await phoneContext(suite.browser)).newPage();
    const errors = collectPageErrors(page);
    const ids = requestIds(page, 'group.create');
    await signInAs(page, suite.host.url, secretary.name);
    await page.goto(`${suite.host.url}#/admin/branch/index?branchId=b_demo02`);
    await visible(page, '.create-group').click();
    await visible(page, '.field-group-name input').fill('夜班党小组');
    await doubleTapSave(page);
    await visible(page, '.group-name').filter({ hasText: '夜班党小组' }).first().waitFor({ timeout: 15000 });
    expect(await suite.host.storage.collection('partyGroups').count({ name: '夜班党小组' })).toBe(1);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
