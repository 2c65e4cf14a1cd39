/**
 * 三会一课 in the browser, end to end on one local host: the secretary schedules a 主题党日 through the
 * form; a member asks for leave (夜班) and the secretary approves it in one tap; at meeting time another
 * member checks in with the 6-digit code read off the secretary's rotating display in a second browser
 * context; the secretary publishes the minutes; the member who was on leave completes the make-up; the
 * ledger's xlsx export lists the meeting with 应到 / 实到 / 请假 / 补学.
 *
 * Times: the host's clock (HostClock) and each browser context's clock (Playwright's clock) are moved
 * together to the meeting's check-in window and then past its end.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, signInAs, visible } from './support/browser';
import { openRoute, settle } from './support/screens';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();
const BRANCH = 'b_demo01';
const TOPIC = `学习贯彻全会精神主题党日 ${Date.now() % 100000}`;
const SHOTS = '/tmp/screens';
mkdirSync(SHOTS, { recursive: true });

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A phone-sized browser for `member`, its clock at `at` (flowing) when given. */
async function open(browser: Browser, member: Member, at?: number): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (at !== undefined) await context.clock.install({ time: at });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signInAs(page, suite.host.url, member.name);
  return { context, page, errors };
}

const meetingIdOf = (page: Page): string => new URL(page.url().replace('#', '')).searchParams.get('meetingId') ?? '';

describe('meetings: schedule, leave, check-in, minutes, make-up, ledger', () => {
  let secretary: Member;
  let onLeave: Member;
  let attendee: Member;
  let meetingId = '';
  let startAt = 0;
  let endAt = 0;

  beforeAll(async () => {
    const members = suite.host.storage.collection<Member>('members');
    [secretary] = await members.find({ branchId: BRANCH, role: 'secretary' });
    [onLeave, attendee] = await members.find({ branchId: BRANCH, role: 'member', openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 2 });
  });

  it('the secretary schedules a 主题党日 with the form and lands on its manage page', async () => {
    const sec = await open(suite.browser, secretary);
    await openRoute(sec.page, suite.host.url, '/pages/meeting/list/index');
    await visible(sec.page, '.schedule-meeting').click();
    await visible(sec.page, '.schedule-submit').waitFor({ timeout: 20000 });
    await visible(sec.page, '.chip-theme_day').click();
    await visible(sec.page, '.schedule-topic input').fill(TOPIC);
    await visible(sec.page, '.schedule-place input').fill('住院部 5 楼示教室');
    await visible(sec.page, '.schedule-agenda textarea').fill('传达学习全会精神\n交流发言');
    await visible(sec.page, '.schedule-submit').click();
    await visible(sec.page, '.manage-roster').waitFor({ timeout: 20000 });
    meetingId = meetingIdOf(sec.page);
    expect(meetingId).not.toBe('');
    const stored = await suite.host.storage.collection<{ _id: string; startAt: number; endAt: number; topic: string; type: string }>('meetings').get(meetingId);
    expect(stored).toMatchObject({ topic: TOPIC, type: 'theme_day' });
    startAt = stored!.startAt;
    endAt = stored!.endAt;
    // The form's default: tomorrow 14:30 in Shanghai, 60 minutes.
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(startAt)).toBe('14:30');
    expect(endAt - startAt).toBe(60 * 60_000);
    expect(sec.errors).toEqual([]);
    await sec.context.close();
  });

  it('a member asks for leave (夜班) and the secretary approves it in one tap', async () => {
    const member = await open(suite.browser, onLeave);
    await openRoute(member.page, suite.host.url, `/pages/meeting/index?meetingId=${meetingId}`);
    expect(await visible(member.page, '.meeting-topic').innerText()).toBe(TOPIC);
    await visible(member.page, '.reply-leave').click();
    await visible(member.page, '.leave-dialog .reason-night_shift').click();
    await visible(member.page, '.leave-dialog .nut-dialog-footer-ok').click();
    await visible(member.page, '.meeting-my-status', ).filter({ hasText: '请假待审批' }).first().waitFor({ timeout: 15000 });

    const sec = await open(suite.browser, secretary);
    await openRoute(sec.page, suite.host.url, `/admin/meeting-manage/index?meetingId=${meetingId}`);
    const request = visible(sec.page, '.leave-request').filter({ hasText: onLeave.name });
    await request.waitFor({ timeout: 15000 });
    expect(await request.innerText()).toContain('夜班');
    await request.locator('.approve-leave').click();
    await request.waitFor({ state: 'detached', timeout: 15000 });
    await visible(sec.page, '.attendee-row').filter({ hasText: onLeave.name }).filter({ hasText: '请假·已批准' }).first().waitFor({ timeout: 15000 });

    await member.page.reload();
    await settle(member.page);
    await visible(member.page, '.meeting-my-status').filter({ hasText: '请假已批准' }).first().waitFor({ timeout: 15000 });
    expect([...member.errors, ...sec.errors]).toEqual([]);
    await member.context.close();
    await sec.context.close();
  });

  it('another member checks in with the 6-digit code from the secretary’s display in a second browser', async () => {
    const at = startAt - 10 * 60_000;
    suite.host.clock.set(at);
    const sec = await open(suite.browser, secretary, at);
    await openRoute(sec.page, suite.host.url, `/admin/meeting-display/index?meetingId=${meetingId}`);
    const codeEl = visible(sec.page, '.rotating-qr-code');
    await codeEl.waitFor({ timeout: 20000 });
    expect(await visible(sec.page, '.rotating-qr__image img, img.rotating-qr__image, .rotating-qr__image').count()).toBeGreaterThan(0);

    const member = await open(suite.browser, attendee, at);
    await openRoute(member.page, suite.host.url, `/pages/meeting/index?meetingId=${meetingId}`);
    await visible(member.page, '.go-checkin').click();
    await visible(member.page, '.checkin-code-input input').waitFor({ timeout: 15000 });
    // A wrong code is refused with a Chinese message.
    await visible(member.page, '.checkin-code-input input').fill('000000');
    await visible(member.page, '.checkin-submit').click();
    await visible(member.page, '.checkin-error').waitFor({ timeout: 15000 });
    expect(await visible(member.page, '.checkin-error').innerText()).toMatch(/[\u4e00-\u9fa5]/);
    // The code on the display now.
    const code = (await codeEl.innerText()).replace(/\D/g, '');
    expect(code).toMatch(/^\d{6}$/);
    await visible(member.page, '.checkin-code-input input').fill(code);
    await visible(member.page, '.checkin-submit').click();
    await visible(member.page, '.checkin-success').waitFor({ timeout: 15000 });
    // The display counts them within its next refresh.
    await sec.page.waitForFunction(() => Number(document.querySelector('.taro_page_show .display-checked-in')?.textContent ?? document.querySelector('.display-checked-in')?.textContent ?? 0) >= 1, undefined, { timeout: 15000 });
    const row = await suite.host.storage.collection<{ _id: string; checkinAt: number | null; checkinMethod: string | null }>('meetingAttendance').get(`${meetingId}:${attendee._id}`);
    expect(row).toMatchObject({ checkinMethod: 'code' });
    expect([...member.errors, ...sec.errors]).toEqual([]);
    await member.context.close();
    await sec.context.close();
  });

  it('after the meeting the secretary publishes the minutes, with attendance filled in by name', async () => {
    const at = endAt + 10 * 60_000;
    suite.host.clock.set(at);
    const sec = await open(suite.browser, secretary, at);
    await openRoute(sec.page, suite.host.url, `/admin/meeting-minutes/index?meetingId=${meetingId}`);
    const attendance = await visible(sec.page, '.minutes-editor .m-attendance').innerText();
    expect(attendance).toContain(attendee.name);
    expect(attendance).toContain(onLeave.name);
    await visible(sec.page, '.minutes-content-input textarea').fill('传达学习了全会精神。\n大家结合护理工作交流了体会。');
    await visible(sec.page, '.minutes-resolutions-input textarea').fill('下月开展志愿服务。');
    await visible(sec.page, '.minutes-publish').click();
    await visible(sec.page, '.minutes-save').filter({ hasText: '保存修改' }).first().waitFor({ timeout: 15000 });
    expect(sec.errors).toEqual([]);
    await sec.context.close();
  });

  it('the member who was on leave reads the minutes and confirms 已学习 (补学)', async () => {
    const at = endAt + 20 * 60_000;
    suite.host.clock.set(at);
    const member = await open(suite.browser, onLeave, at);
    await openRoute(member.page, suite.host.url, '/pages/meeting/list/index');
    await visible(member.page, '.makeup-row').filter({ hasText: TOPIC }).first().click();
    await visible(member.page, '.meeting-minutes').waitFor({ timeout: 15000 });
    expect(await visible(member.page, '.meeting-minutes').innerText()).toContain('传达学习了全会精神');
    await visible(member.page, '.makeup-confirm').click();
    await visible(member.page, '.makeup-done').waitFor({ timeout: 15000 });
    await member.page.screenshot({ path: `${SHOTS}/flow-meeting-made-up.png`, fullPage: true });
    expect(member.errors).toEqual([]);
    await member.context.close();
  });

  it('the ledger lists the meeting and its xlsx export has 应到 / 实到 / 请假 / 补学 and the minutes', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const at = endAt + 30 * 60_000;
    suite.host.clock.set(at);
    const sec = await open(suite.browser, secretary, at);
    await openRoute(sec.page, suite.host.url, `/admin/meeting-ledger/index?branchId=${BRANCH}`);
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(startAt));
    await visible(sec.page, '.ledger-year').filter({ hasText: `${year}年` }).first().click();
    const row = visible(sec.page, '.ledger-row').filter({ hasText: TOPIC }).first();
    await row.waitFor({ timeout: 15000 });
    await row.click();
    const detail = await visible(sec.page, '.ledger-detail.is-open').innerText();
    await sec.page.screenshot({ path: `${SHOTS}/flow-ledger.png`, fullPage: true });
    expect(detail).toContain(attendee.name);
    expect(detail).toContain(onLeave.name);

    const [download] = await Promise.all([sec.page.waitForEvent('download', { timeout: 20000 }), visible(sec.page, '.ledger-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((r) => cells.push((r.values as unknown[]).map((v) => String(v ?? '')).join('|'))));
    const line = cells.find((c) => c.includes(TOPIC));
    expect(line).toBeDefined();
    const header = cells.find((c) => c.includes('应到') && c.includes('实到'));
    expect(header).toBeDefined();
    for (const word of ['请假', '补学']) expect(header).toContain(word);
    expect(cells.join('\n')).toContain('传达学习了全会精神');
    expect(sec.errors).toEqual([]);
    await sec.context.close();
  });
});
