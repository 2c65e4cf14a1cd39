/** @jest-environment jsdom */
/**
 * Smoke tests of the BUILT mini program: each page is the real compiled output (Taro runtime, React
 * bundle, base.wxml compiled by WeChat's wcc) running in miniprogram-simulate. Only wx.cloud and
 * navigation are faked. Needs a build: see jest.weapp.config.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MeView } from '../../src/domain/api/org';
import { ROLE_LABELS } from '../../src/domain/org/types';
import { ERROR_MESSAGES } from '../../src/domain/shared/errors';
import { byAction, byText, fail, loadPage, ok, WEAPP_DIR } from './harness';
import { squash } from './fixtures';

type BoundMe = Extract<MeView, { bound: true }>;

/** A bound member as `org/me` returns it; override what a test cares about. */
function boundMe(overrides: Partial<BoundMe> = {}): BoundMe {
  return {
    bound: true,
    demo: false,
    member: {
      _id: 'm-zhang',
      name: '张晓燕',
      employeeNo: 'H20391',
      department: '心血管内科',
      branchId: 'b-cardio',
      partyGroupId: 'g-1',
      role: 'secretary',
      phone: null,
      bound: true,
      status: 'active',
    },
    branch: { _id: 'b-cardio', name: '心血管内科党支部', department: '心血管内科', releaseTime: '07:30' },
    group: { _id: 'g-1', name: '第一党小组' },
    committeeName: '市第一人民医院党委',
    ...overrides,
  };
}


/*
 * `missingTemplates`: elements base.wxml has no template for render as nothing, on a phone too (wcc:
 * `Template tmpl_0_X not found`). Caught this way: NutUI icons render <i> unless
 * src/platform/init.weapp.ts configures them as views (spinners and the input clear icon vanished).
 */

describe('home (pages/index/index)', () => {
  test('shows the member, branch, group and role, the unread notices and the chat badge from ONE org/home call', async () => {
    const me = boundMe();
    const inbox = { items: [], unreadCount: 2 };
    const chat = { branchId: 'b-cardio', unread: 3, mentioned: false, seq: 9, rev: 9 };
    const meetings = { next: null, makeups: [] };
    const p = await loadPage('pages/index/index', { cloud: byAction({ 'org/home': () => ok({ me, today: null, inbox, chat, meetings }) }) });

    expect(squash(p.text('.me-name'))).toBe('张晓燕');
    expect(squash(p.text('.me-branch'))).toBe('心血管内科党支部');
    expect(squash(p.text('.me-group'))).toBe('第一党小组');
    expect(squash(p.text('.me-role'))).toBe(ROLE_LABELS.secretary);
    // Who I am, today's card, the notices list, the chat badge and the next meeting: one call for the whole
    // page; a secretary's 本月待开会议 line asks the branch's meeting overview besides.
    expect(p.calls.map((c) => [c.name, c.action, c.payload])).toEqual([
      ['org', 'home', { me: true }],
      ['meetings', 'overview', { branchId: 'b-cardio' }],
    ]);
    expect(squash(p.text('.home-unread-count'))).toBe('2');
    expect(p.navigations).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(p.missingTemplates).toEqual([]);
  });

  test('a member without a party group is shown as such, not with a stale or empty group', async () => {
    const p = await loadPage('pages/index/index', { cloud: byAction({ 'org/home': () => ok({ me: boundMe({ group: null }), today: null, inbox: { items: [], unreadCount: 0 }, chat: null }) }) });
    expect(squash(p.text('.me-name'))).toBe('张晓燕');
    expect(squash(p.text('.me-group'))).not.toBe('');
    expect(p.text('.me-group')).not.toContain('第一党小组');
  });

  test('an unbound WeChat user is sent to the binding page', async () => {
    const p = await loadPage('pages/index/index', { cloud: byAction({ 'org/home': () => ok({ me: { bound: false, demo: false }, today: null, inbox: { items: [], unreadCount: 0 }, chat: null }) }) });

    expect(p.navigations[0]).toEqual({ method: 'redirectTo', url: '/pages/bind/index' });
    expect(p.exists('.me-name')).toBe(false);
    expect(p.calls.map((c) => `${c.name}/${c.action}`)).toEqual(['org/home']);
  });

  test('a failing org/home shows the function message, not a blank page', async () => {
    const p = await loadPage('pages/index/index', { cloud: () => fail('INTERNAL', ERROR_MESSAGES.INTERNAL) });
    expect(p.text()).toContain(ERROR_MESSAGES.INTERNAL);
    expect(p.exists('.me-name')).toBe(false);
    expect(p.navigations).toEqual([]);
  });
});

describe('bind (pages/bind/index)', () => {
  const noMatch = fail('ROSTER_NO_MATCH', '花名册中未找到该姓名与工号，请核对或联系支部书记');

  test('renders both ways to bind, the invite form first', async () => {
    const p = await loadPage('pages/bind/index', { cloud: () => noMatch });

    expect(p.exists(byText('邀请码'))).toBe(true);
    expect(p.exists(byText('花名册匹配'))).toBe(true);
    const inputs = p.all('input');
    expect(inputs.map((el) => p.attrs((e) => e === el).placeholder)).toEqual(['8 位邀请码', '请输入姓名', '请输入工号']);
    expect(p.exists(byText('绑定', 'button'))).toBe(true);
    expect(p.calls).toEqual([]); // nothing is sent before the member submits
    expect(p.errors).toEqual([]);
    expect(p.missingTemplates).toEqual([]);
  });

  test('a roster mismatch shows the function message under the form and stays on the page', async () => {
    const p = await loadPage('pages/bind/index', { cloud: byAction({ 'org/bind.roster': () => noMatch }) });

    await p.tap(byText('花名册匹配'));
    await p.input('.roster-name input', '张晓燕');
    await p.input('.roster-employee-no input', 'H20391');
    expect(p.attrs('.roster-name input').value).toBe('张晓燕');
    await p.tap('.submit-roster');

    expect(p.calls.map((c) => [c.name, c.action, c.payload])).toEqual([
      ['org', 'bind.roster', { name: '张晓燕', employeeNo: 'H20391' }],
    ]);
    expect(squash(p.text('.form-error'))).toBe('花名册中未找到该姓名与工号，请核对或联系支部书记');
    expect(p.navigations).toEqual([]);
    expect(p.errors).toEqual([]);
  });

  test('an empty roster form is refused on the phone, without calling the function', async () => {
    const p = await loadPage('pages/bind/index', { cloud: () => noMatch });
    await p.tap(byText('花名册匹配'));
    await p.tap('.submit-roster');

    expect(p.calls).toEqual([]);
    expect(squash(p.text('.form-error'))).not.toBe('');
  });

  test('a successful roster match goes to the home tab', async () => {
    const p = await loadPage('pages/bind/index', { cloud: byAction({ 'org/bind.roster': () => ok(boundMe()) }) });
    await p.tap(byText('花名册匹配'));
    await p.input('.roster-name input', '张晓燕');
    await p.input('.roster-employee-no input', 'H20391');
    await p.tap('.submit-roster');

    expect(p.navigations).toEqual([{ method: 'switchTab', url: '/pages/index/index' }]);
    expect(p.exists('.form-error')).toBe(false);
  });
});

/** Every page in the build: loads, renders something, throws nothing, misses no template. */
describe('every built page renders', () => {
  const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  const pages = [
    ...appJson.pages,
    ...(appJson.subPackages ?? appJson.subpackages ?? []).flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p))),
  ];
  // Bound secretary; every other action fails politely, so pages show their error states.
  const cloud = (name: string, data: { action?: string }) =>
    name === 'org' && data?.action === 'me' ? ok(boundMe()) : fail('FORBIDDEN', ERROR_MESSAGES.FORBIDDEN);

  test.each(pages)('%s', async (route) => {
    const p = await loadPage(route, { cloud });
    expect(squash(p.text()).length).toBeGreaterThan(0);
    expect(p.errors).toEqual([]);
    expect(p.missingTemplates).toEqual([]);
  });
});
