import type { Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, visible } from './support/browser';
import { tomorrowAt } from './support/daytime';
import { hostAndBrowserPerFile } from './support/suite';

/**
 * Every field a user writes, holding HTML and script, renders as inert text in Chromium for the
 * recipient and for the publisher: no dialog opens, no element is injected, and the text is shown
 * literally. Names are at most 30 characters, so each payload fits its field's limit.
 */
const suite = hostAndBrowserPerFile();

const P = {
  noticeTitle: '<img src=x onerror=alert("title")>通知',
  noticeBody: '正文<script>alert("body")</script><img src=x onerror=alert("body2")> javascript:alert("link")',
  excuseReason: '<img src=x onerror=alert("excuse")>夜班',
  authorName: '<img src=x onerror=alert(1)>',
  memberName: '<svg onload=alert(2)>',
  excusedName: '<iframe srcdoc=x>',
  branchName: '<script>alert(3)</script>党支部',
  groupName: '<svg/onload=alert(4)>小组',
  lessonTitle: '<img src=x onerror=alert("lesson")>',
  lessonSummary: '<b onmouseover=alert("sum")>简介</b>',
  lessonHeading: '<h1 onclick=alert("h")>小标题</h1>',
  lessonText: '<script>alert("p")</script><img src=x onerror=alert("p2")>段落',
  questionPrompt: '<img src=x onerror=alert("q")>哪个对？',
  optionA: '<b>甲</b>',
  optionB: '<svg onload=alert("o")>',
  explanation: '<img src=x onerror=alert("x")>解析',
};

async function post(path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${suite.host.url}${path.replace(/^\//, '')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}
const tokenOf = async (memberId: string): Promise<string> => (await post('/api/session/demo', { memberId })).token;
async function call(token: string, fn: string, action: string, data: unknown): Promise<any> {
  const res = await post(`/api/fn/${fn}`, { action, data }, token);
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.code} ${res.message}`);
  return res.data;
}
const rid = (n: string) => `xss-e2e-request-${n}`;

interface Seeded {
  at: number;
  noticeId: string;
  lessonId: string;
  recipient: Member;
  secretary: Member;
  token: Record<'recipient' | 'secretary' | 'admin', string>;
}

/** Writes every payload where users would: names on the roster, the rest through the functions. */
async function seed(): Promise<Seeded> {
  const { at, date } = tomorrowAt('10:00');
  suite.host.clock.set(at);
  const members = suite.host.storage.collection<Member>('members');
  const [secretary] = await members.find({ branchId: 'b_demo01', role: 'secretary' });
  const [recipient, excused] = await members.find(
    { branchId: 'b_demo01', role: 'member', partyGroupId: 'g_demo011', openid: { $ne: null } },
    { orderBy: [['employeeNo', 'asc']], limit: 2 },
  );
  // Names arrive with the roster (an import or a correction by the office).
  await members.updateById(secretary._id, { $set: { name: P.authorName } });
  await members.updateById(recipient._id, { $set: { name: P.memberName } });
  await members.updateById(excused._id, { $set: { name: P.excusedName } });
  const admin = await tokenOf('m_H01001');
  const sec = await tokenOf(secretary._id);
  const rec = await tokenOf(recipient._id);
  await call(admin, 'org', 'branch.rename', { branchId: 'b_demo01', name: P.branchName });
  await call(admin, 'org', 'group.rename', { groupId: 'g_demo011', name: P.groupName });

  const notice = await call(sec, 'notices', 'publish', { title: P.noticeTitle, body: P.noticeBody, audience: { kind: 'branch', branchId: 'b_demo01' }, requestId: rid('notice') });
  await call(sec, 'notices', 'excuse', { noticeId: notice.noticeId, memberId: excused._id, excused: true, reason: P.excuseReason });

  const lesson = await call(admin, 'lessons', 'library.create', {
    branchId: null,
    kind: 'article',
    title: P.lessonTitle,
    summary: P.lessonSummary,
    durationSec: 60,
    body: [
      { type: 'h', text: P.lessonHeading },
      { type: 'p', text: P.lessonText },
    ],
    questions: [
      { kind: 'single', prompt: P.questionPrompt, options: [P.optionA, P.optionB], correct: [0], explanation: P.explanation },
      { kind: 'single', prompt: '第二题', options: ['对', '错'], correct: [0], explanation: '说明' },
    ],
    requestId: rid('lesson'),
  });
  await call(admin, 'lessons', 'plan.set', { scope: 'branch', branchId: 'b_demo01', date, lessonId: lesson._id });
  // The recipient reads it through, so the check (questions, options) shows on the lesson page.
  await call(rec, 'lessons', 'get', { lessonId: lesson._id });
  for (let s = 10; s <= 60; s += 10) {
    suite.host.clock.advance(10_000);
    await call(rec, 'lessons', 'progress', { lessonId: lesson._id, beats: [{ activeMs: 10_000, position: s / 60, atEnd: s >= 60 }] });
  }
  return { at, noticeId: notice.noticeId, lessonId: lesson._id, recipient, secretary, token: { recipient: rec, secretary: sec, admin } };
}

/** A browser signed in with a session token, its clock at the host's, every dialog recorded. */
async function pageAs(token: string, at: number): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await (await phoneContext(suite.browser)).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const errors = collectPageErrors(page);
  await page.clock.install({ time: at });
  await page.goto(`${suite.host.url}#/pages/demo/index`);
  await page.evaluate((t) => localStorage.setItem('wzb.session', JSON.stringify({ data: t })), token);
  return { page, dialogs, errors };
}

/** Elements user HTML would have created, and `javascript:` links. */
async function injectedNodes(page: Page): Promise<string[]> {
  // Let broken images fail and any injected handler run.
  await page.waitForTimeout(800);
  // The app's own markup carries no inline handlers or scripts (index.html's one inline script is in
  // <head>); Taro's tab bar links are `javascript:;`, a link made from user text never is.
  return page.evaluate(() =>
    Array.from(
      document.body.querySelectorAll('[onerror],[onload],[onclick],[onmouseover],[srcdoc],iframe,script:not([src]),a[href^="javascript:"]:not([href="javascript:;"])'),
    ).map((el) => el.outerHTML.slice(0, 80)),
  );
}

/** Opens a route, waits for `ready`, and proves the page inert: no dialog, no injected node, text as written. */
async function expectInert(view: { page: Page; dialogs: string[] }, route: string, ready: string, literal: string[]) {
  const { page } = view;
  await page.goto(`${suite.host.url}#${route}`);
  await visible(page, ready).first().waitFor({ timeout: 20000 });
  const injected = await injectedNodes(page);
  expect({ route, injected, dialogs: view.dialogs }).toEqual({ route, injected: [], dialogs: [] });
  const text = await page.evaluate(() => document.body.innerText);
  for (const s of literal) expect({ route, shown: text.includes(s) ? s : `(missing) ${s}` }).toEqual({ route, shown: s });
}

describe('user text renders inert (XSS)', () => {
  let s: Seeded;
  beforeAll(async () => {
    s = await seed();
  });

  it('the probe catches markup rendered as HTML (so a passing page means inert)', async () => {
    const view = await pageAs(s.token.recipient, suite.host.clock.now());
    await view.page.goto(`${suite.host.url}#/pages/me/index`);
    await visible(view.page, '.profile-name').waitFor({ timeout: 20000 });
    await view.page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.appendChild(div);
    }, P.noticeBody + P.memberName);
    expect((await injectedNodes(view.page)).length).toBeGreaterThanOrEqual(2);
    expect(view.dialogs.length).toBeGreaterThanOrEqual(1);
    await view.page.context().close();
  });

  it('as the recipient: home, notices list and detail, the lesson and its check, me, branch', async () => {
    const view = await pageAs(s.token.recipient, suite.host.clock.now());
    await expectInert(view, '/pages/index/index', '.today-lesson-title', [P.lessonTitle, P.memberName]);
    await expectInert(view, '/pages/notices/index', '.notice-item-title', [P.noticeTitle, 'alert("body")']);
    await expectInert(view, `/pages/notice-detail/index?noticeId=${s.noticeId}`, '.notice-body', [P.noticeTitle, P.noticeBody, P.authorName]);
    await expectInert(view, `/pages/lesson/index?lessonId=${s.lessonId}`, '.check-question', [
      P.lessonTitle,
      P.lessonSummary,
      P.lessonHeading,
      P.lessonText,
      P.questionPrompt,
      P.optionA,
      P.optionB,
    ]);
    await expectInert(view, '/pages/me/index', '.profile-name', [P.memberName, P.branchName, P.groupName]);
    await expectInert(view, '/pages/branch/index', '.branch-name', [P.branchName]);
    expect(view.errors).toEqual([]);
    await view.page.context().close();
  });

  it('as the publisher: tracking with names, groups and the excuse reason; the notice; sent list; branch admin', async () => {
    const view = await pageAs(s.token.secretary, suite.host.clock.now());
    await expectInert(view, `/admin/notice-track/index?noticeId=${s.noticeId}`, '.track-member-name', [
      P.noticeTitle,
      P.memberName,
      P.excusedName,
      P.groupName,
      P.excuseReason,
    ]);
    await expectInert(view, `/pages/notice-detail/index?noticeId=${s.noticeId}`, '.notice-body', [P.noticeTitle, P.noticeBody, P.authorName]);
    await expectInert(view, '/admin/notice-sent/index', '.sent-item-title', [P.noticeTitle]);
    await expectInert(view, '/admin/branch/index?branchId=b_demo01', '.group-name', [P.branchName, P.groupName, P.memberName]);
    expect(view.errors).toEqual([]);
    await view.page.context().close();
  });

  it('as the committee: branches, the lesson library and the lesson editor', async () => {
    const view = await pageAs(s.token.admin, suite.host.clock.now());
    await expectInert(view, '/admin/org/index', '.org-branch-name', [P.branchName]);
    await expectInert(view, '/admin/lesson-library/index', '.library-list', [P.lessonTitle]);
    await expectInert(view, `/admin/lesson-edit/index?lessonId=${s.lessonId}`, '.lesson-save, .edit-card', []);
    expect(view.errors).toEqual([]);
    await view.page.context().close();
  });
});
