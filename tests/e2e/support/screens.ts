import type { BrowserContext, Page } from 'playwright-core';
import type { Member } from '../../../src/domain/org/types';
import type { TestHost } from './host';
import { signInAs, visible } from './browser';

/** Calls a function as the signed-in persona of `page`, the way the H5 app does (its session token). */
export async function callAs<T>(page: Page, fn: string, action: string, data: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ fn, action, data }) => {
      const raw = localStorage.getItem('wzb.session');
      const token = raw ? (JSON.parse(raw) as { data: string }).data : '';
      const res = await fetch(`/api/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) });
      return (await res.json()) as { ok: boolean; data?: unknown; message?: string };
    },
    { fn, action, data },
  );
  if (!envelope.ok) throw new Error(`${fn}.${action}: ${envelope.message}`);
  return envelope.data as T;
}

export const boundMember = async (host: TestHost, branchId: string, role: Member['role']): Promise<Member> => {
  const found = await host.storage.collection<Member>('members').find({ branchId, role, openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 1 });
  return found[0];
};

/** The page the member is looking at (H5 keeps tab pages alive, hidden): marked `data-shown` by markShown. */
export const SHOWN = '[data-e2e-shown]';

/** Marks the one visible Taro page, so selectors and checks look only at it. */
export const markShown = (page: Page): Promise<void> =>
  page.evaluate(() => {
    document.querySelectorAll('[data-e2e-shown]').forEach((el) => el.removeAttribute('data-e2e-shown'));
    const shown = Array.from(document.querySelectorAll('.taro_page.taro_page_show')).find((el) => {
      const r = el.getBoundingClientRect();
      return getComputedStyle(el).display !== 'none' && r.width > 0 && r.left > -10 && r.left < 10;
    });
    shown?.setAttribute('data-e2e-shown', '');
  });

/** Opens a route by its hash and waits until it has rendered and stopped loading. */
export async function openRoute(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}#${route}`);
  await settle(page);
}

export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600);
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.state-loading')).some((el) => (el as HTMLElement).offsetParent !== null), undefined, { timeout: 20000 });
  // Pages slide in: wait until one page has arrived (a slow machine takes longer than the animation's 300 ms).
  await page.waitForTimeout(500);
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('.taro_page.taro_page_show')).some((el) => {
        const r = el.getBoundingClientRect();
        return getComputedStyle(el).display !== 'none' && r.width > 0 && r.left > -10 && r.left < 10;
      }),
    undefined,
    { timeout: 10000 },
  );
  await markShown(page);
}

export interface MainPage {
  name: string;
  persona: 'member' | 'secretary' | 'admin';
  route: string;
}

/** Every main page, with the data it needs: a notice published by the secretary, today's lesson. */
export async function mainPages(host: TestHost, context: BrowserContext): Promise<MainPage[]> {
  const secretary = await boundMember(host, 'b_demo01', 'secretary');
  const page = await context.newPage();
  await signInAs(page, host.url, secretary.name);
  const notice = await callAs<{ noticeId: string }>(page, 'notices', 'publish', {
    title: '关于本周五主题党日的通知',
    body: '请各位党员周五 17:30 到示教室参加主题党日活动，带好笔记本。',
    audience: { kind: 'branch', branchId: 'b_demo01' },
    requireAck: true,
    requestId: 'e2e-screens-main-pages-notice',
  });
  const lesson = await catchUpLesson(host);
  await page.close();
  const q = (path: string, key: string, value: string) => `${path}?${key}=${encodeURIComponent(value)}`;
  return [
    { name: 'home', persona: 'member', route: '/pages/index/index' },
    { name: 'notices', persona: 'member', route: '/pages/notices/index' },
    { name: 'notice-detail', persona: 'member', route: q('/pages/notice-detail/index', 'noticeId', notice.noticeId) },
    { name: 'lesson', persona: 'member', route: `/pages/lesson/index?lessonId=${lesson.lessonId}&date=${lesson.date}` },
    { name: 'branch', persona: 'member', route: '/pages/branch/index' },
    { name: 'me', persona: 'member', route: '/pages/me/index' },
    { name: 'tracking', persona: 'secretary', route: q('/admin/notice-track/index', 'noticeId', notice.noticeId) },
    { name: 'stats', persona: 'secretary', route: q('/admin/lesson-stats/index', 'branchId', 'b_demo01') },
    { name: 'compose', persona: 'secretary', route: '/admin/notice-compose/index' },
    { name: 'invites', persona: 'secretary', route: q('/admin/invites/index', 'branchId', 'b_demo01') },
    { name: 'members', persona: 'secretary', route: q('/admin/branch/index', 'branchId', 'b_demo01') },
    { name: 'org', persona: 'admin', route: '/admin/org/index' },
    { name: 'roster', persona: 'admin', route: '/admin/roster/index' },
  ];
}

/**
 * A lesson a member may open now: one planned centrally for one of the last 7 days (catch-up), an
 * article when `kind` says so.
 */
export async function catchUpLesson(host: TestHost, kind?: 'article' | 'audio' | 'video'): Promise<{ lessonId: string; date: string }> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(host.clock.now()));
  const plan = await host.storage.collection<{ _id: string; date: string; lessonId: string }>('lessonPlan').find({ scope: 'central', date: { $lt: today } }, { orderBy: [['date', 'desc']], limit: 7 });
  for (const entry of plan) {
    const lesson = await host.storage.collection<{ _id: string; kind: string }>('lessons').get(entry.lessonId);
    if (lesson && (!kind || lesson.kind === kind)) return { lessonId: entry.lessonId, date: entry.date };
  }
  throw new Error(`no ${kind ?? ''} lesson planned in the last 7 days`);
}

/** Signs `page` in as the persona a main page is for. */
export async function signInFor(page: Page, host: TestHost, persona: MainPage['persona']): Promise<void> {
  if (persona === 'admin') return signInAs(page, host.url, '周立群');
  const member = await boundMember(host, 'b_demo01', persona);
  await signInAs(page, host.url, member.name);
}

/** Elements of the shown page that stick out of the viewport sideways (ignoring sideways scrollers). */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate((shown) => {
    const width = window.innerWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`document ${document.documentElement.scrollWidth} > ${width}`);
    const root = document.querySelector(shown);
    if (!root) return ['no shown page'];
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== root; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') return true;
      }
      return false;
    };
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > width + 1 || r.left < -1) && !scrolls(el.parentElement)) out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} ${Math.round(r.left)}–${Math.round(r.right)}`);
      // text cut off inside its own box (a label that should wrap but is clipped)
      const s = getComputedStyle(el);
      if ((s.overflowX === 'hidden' || s.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1 && s.whiteSpace !== 'nowrap') out.push(`clipped ${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`);
    }
    return out.slice(0, 10);
  }, SHOWN);
}

/** Computed font size (px) of the shown page's body text. */
export const bodyFontSize = (page: Page): Promise<number> =>
  page.evaluate((shown) => {
    const el = document.querySelector(`${shown} .page`);
    return el ? parseFloat(getComputedStyle(el).fontSize) : NaN;
  }, SHOWN);

export { visible };
