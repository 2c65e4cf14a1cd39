import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

/** The demo hospital with its month of history, as `npm start` seeds it. */
const suite = hostAndBrowserPerFile({ history: true });
const SHOTS = '/tmp/numbers';
mkdirSync(SHOTS, { recursive: true });

async function signedIn(name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await phoneContext(suite.browser)).newPage();
  const errors = collectPageErrors(page);
  await signInAs(page, suite.host.url, name);
  return { page, errors };
}

const secretaryOf = async (branchId: string) => (await suite.host.storage.collection<Member>('members').find({ branchId, role: 'secretary' }))[0];
const unboundOf = (branchId: string) => suite.host.storage.collection<Member>('members').findAll({ branchId, status: 'active', openid: null });
const squash = (s: string | null) => (s ?? '').replace(/\s/g, '');

describe('the secretary’s numbers, in the browser, on the demo hospital with history', () => {
  it('lesson statistics: unbound apart from 未学, and an earlier day shows who studied and who did not', async () => {
    const secretary = await secretaryOf('b_demo01');
    const unbound = await unboundOf('b_demo01');
    const { page, errors } = await signedIn(secretary.name);
    await page.goto(`${suite.host.url}#/admin/lesson-stats/index?branchId=b_demo01`);
    await visible(page, '.stats-day.is-today').waitFor({ timeout: 15000 });
    await visible(page, '.unbound-card').waitFor();
    expect(await visible(page, '.unbound-card').textContent()).toContain(`未绑定 ${unbound.length} 人`);
    for (const m of unbound) expect(await visible(page, '.unbound-card').textContent()).toContain(m.name);
    const notStudied = await visible(page, '.lesson-not-studied').textContent();
    for (const m of unbound) expect(notStudied).not.toContain(m.name);
    await page.screenshot({ path: `${SHOTS}/stats-today.png`, fullPage: true });

    // Yesterday: names by party group, not only totals.
    await visible(page, '.trend-day.has-lesson').nth(1).click();
    await visible(page, '.stats-day.is-past').waitFor({ timeout: 15000 });
    await visible(page, '.lesson-studied').waitFor();
    const [done, total] = squash(await visible(page, '.lesson-stats-count').textContent()).split('/').map(Number);
    expect(total).toBe(26 - unbound.length);
    expect(done).toBeGreaterThan(0);
    const studied = squash(await visible(page, '.lesson-studied').textContent());
    expect(studied).toContain('医生党小组');
    expect(studied).toContain(`已学名单（${done}人）`);
    await page.screenshot({ path: `${SHOTS}/stats-past-day.png`, fullPage: true });

    // One tap from the unbound list to the branch's invites.
    await visible(page, '.unbound-invite').click();
    await page.waitForURL(/admin\/invites\/index\?branchId=b_demo01/, { timeout: 15000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('notice tracking: the publisher is not listed, unbound members are apart and out of the rate', async () => {
    const secretary = await secretaryOf('b_demo01');
    const unbound = await unboundOf('b_demo01');
    const { page, errors } = await signedIn(secretary.name);
    await page.goto(`${suite.host.url}#/admin/notice-sent/index`);
    await visible(page, '.sent-item').first().waitFor({ timeout: 15000 });
    expect(await visible(page, '.sent-unbound').first().textContent()).toContain(`未绑定 ${unbound.length} 人`);
    await visible(page, '.sent-item').first().click();
    await visible(page, '.track-read-count').waitFor({ timeout: 15000 });
    expect(squash(await visible(page, '.track-unbound-count').textContent())).toBe(String(unbound.length));
    const denominator = Number(squash(await visible(page, '.track-read-count').textContent()).split('/')[1]);
    expect(denominator).toBeLessThanOrEqual(25 - unbound.length);
    const names = await visible(page, '.track-members').textContent();
    expect(names).not.toContain(secretary.name);
    for (const m of unbound) expect(names).not.toContain(m.name);
    expect(await visible(page, '.unbound-card').textContent()).toContain(unbound[0].name);
    await page.screenshot({ path: `${SHOTS}/notice-track.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the committee: no empty lesson card at home, unbound shown in the lesson table and the notice roll-up', async () => {
    const { page, errors } = await signedIn('周立群');
    await visible(page, '.home-committee-study').waitFor({ timeout: 15000 });
    expect(await page.locator('.today-lesson-none:visible').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/committee-home.png`, fullPage: true });

    await visible(page, '.home-committee-study__link').click();
    await visible(page, '.committee-row').first().waitFor({ timeout: 15000 });
    const unboundCells = await visible(page, '.committee-unbound').allTextContents();
    expect(unboundCells.filter((t) => /\d+ 人/.test(t)).length).toBeGreaterThan(5);
    await visible(page, '.committee-unbound-note').waitFor();
    await page.screenshot({ path: `${SHOTS}/committee-lessons.png`, fullPage: true });

    const [hospitalNotice] = await suite.host.storage.collection('notices').find({ branchId: null }, { limit: 1 });
    await page.goto(`${suite.host.url}#/admin/notice-rollup/index?noticeId=${hospitalNotice._id}`);
    await visible(page, '.rollup-row').first().waitFor({ timeout: 15000 });
    expect(squash(await visible(page, '.rollup-total-unbound').textContent())).toMatch(/^\d+$/);
    await page.screenshot({ path: `${SHOTS}/committee-rollup.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
