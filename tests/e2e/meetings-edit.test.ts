/**
 * 三会一课 forms beyond the first schedule: a secretary attaches a PDF to a new meeting, then edits its
 * topic from 会议管理 (修改会议) and the attendee's meeting page shows the new topic and the PDF; the
 * committee admin schedules a hospital-wide 党课 from 各支部会议 (安排全院会议) and it appears in the
 * meeting lists of two different branches.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, signInAs, visible } from './support/browser';
import { openRoute } from './support/screens';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();
const BRANCH = 'b_demo01';
const stamp = Date.now() % 100000;
const TOPIC = `支部工作例会 ${stamp}`;
const EDITED = `支部工作例会（改） ${stamp}`;
const LECTURE = `全院专题党课 ${stamp}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function open(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signInAs(page, suite.host.url, name);
  return { context, page, errors };
}

const meetingIdOf = (page: Page): string => new URL(page.url().replace('#', '')).searchParams.get('meetingId') ?? '';

describe('meetings: PDF material, edit, hospital-wide meeting', () => {
  let secretary: Member;
  let member: Member;

  beforeAll(async () => {
    const members = suite.host.storage.collection<Member>('members');
    [secretary] = await members.find({ branchId: BRANCH, role: 'secretary' });
    [member] = await members.find({ branchId: BRANCH, role: 'member', openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 1 });
  });

  it('the secretary schedules with a PDF, edits the topic, and the member sees the new topic and the PDF', async () => {
    const sec = await open(suite.browser, secretary.name);
    await openRoute(sec.page, suite.host.url, '/pages/meeting/list/index');
    await visible(sec.page, '.schedule-meeting').click();
    await visible(sec.page, '.schedule-submit').waitFor({ timeout: 20000 });
    await visible(sec.page, '.chip-branch_committee').click();
    await visible(sec.page, '.schedule-topic input').fill(TOPIC);
    await visible(sec.page, '.schedule-place input').fill('门诊楼 3 楼会议室');
    // A fake PDF is refused by the host with its Chinese message; a real one is listed by name.
    await sec.page.locator('input.meeting-pdf-input').setInputFiles({ name: '假文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html></html>') });
    await visible(sec.page, '.schedule-pdf-error').filter({ hasText: '不是有效的 PDF' }).waitFor({ timeout: 10000 });
    await sec.page.locator('input.meeting-pdf-input').setInputFiles({ name: '支部工作要点.pdf', mimeType: 'application/pdf', buffer: PDF });
    await visible(sec.page, '.schedule-pdf__remove').waitFor({ timeout: 10000 });
    await visible(sec.page, '.schedule-submit').click();
    await visible(sec.page, '.manage-roster').waitFor({ timeout: 20000 });
    const meetingId = meetingIdOf(sec.page);

    await visible(sec.page, '.edit-meeting').click();
    await visible(sec.page, '.schedule-submit').filter({ hasText: '保存修改' }).waitFor({ timeout: 20000 });
    expect(await visible(sec.page, '.schedule-topic input').inputValue()).toBe(TOPIC);
    expect(await visible(sec.page, '.schedule-pdf__name').textContent()).toBe('支部工作要点.pdf');
    await visible(sec.page, '.schedule-topic input').fill(EDITED);
    await visible(sec.page, '.schedule-submit').click();
    // Back on 会议管理, refreshed.
    await visible(sec.page, '.manage-head').filter({ hasText: EDITED }).waitFor({ timeout: 20000 });
    const stored = await suite.host.storage.collection<{ _id: string; topic: string; materials: Array<{ kind: string; name: string }> }>('meetings').get(meetingId);
    expect(stored).toMatchObject({ topic: EDITED, materials: [{ kind: 'pdf', name: '支部工作要点.pdf' }] });
    expect(sec.errors).toEqual([]);
    await sec.context.close();

    // A 支委会 invites the committee, the secretary among them: the attendee's meeting page, not 会议管理.
    const viewer = await open(suite.browser, secretary.name);
    await openRoute(viewer.page, suite.host.url, `/pages/meeting/index?meetingId=${meetingId}`);
    await visible(viewer.page, '.meeting-topic').filter({ hasText: EDITED }).waitFor({ timeout: 20000 });
    await visible(viewer.page, '.material-item').filter({ hasText: '支部工作要点.pdf' }).waitFor();
    await viewer.context.close();
  });

  it('the committee admin schedules a hospital-wide 党课 and it shows in two branches’ lists', async () => {
    const admin = await open(suite.browser, '周立群');
    await openRoute(admin.page, suite.host.url, '/admin/meeting-matrix/index');
    await visible(admin.page, '.schedule-hospital-meeting').click();
    await visible(admin.page, '.schedule-hospital').waitFor({ timeout: 20000 });
    await visible(admin.page, '.schedule-topic input').fill(LECTURE);
    await visible(admin.page, '.schedule-place input').fill('学术报告厅');
    await visible(admin.page, '.schedule-submit').click();
    await visible(admin.page, '.manage-roster').waitFor({ timeout: 20000 });
    const stored = await suite.host.storage.collection<{ _id: string; branchId: string | null; attendees: { kind: string }; type: string }>('meetings').get(meetingIdOf(admin.page));
    expect(stored).toMatchObject({ branchId: null, attendees: { kind: 'hospital' }, type: 'party_lesson' });
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const members = suite.host.storage.collection<Member>('members');
    const [other] = await members.find({ branchId: { $ne: BRANCH }, role: 'secretary', openid: { $ne: null } }, { limit: 1 });
    for (const name of [member.name, other.name]) {
      const p = await open(suite.browser, name);
      await openRoute(p.page, suite.host.url, '/pages/meeting/list/index');
      await visible(p.page, '.meeting-row-topic').filter({ hasText: LECTURE }).first().waitFor({ timeout: 20000 });
      await p.context.close();
    }
  });
});
