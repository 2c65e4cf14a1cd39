/**
 * The branch chat in two (and more) browsers on one local host: realtime delivery over the SSE
 * doorbell, the outbox through an offline spell, recall, removal and pin by the secretary, the 支部
 * badge and landing on the first unread. Message text with markup renders as text.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();
const BRANCH = 'b_demo01';

interface Person {
  member: Member;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function people(): Promise<{ a: Member; b: Member; c: Member; secretary: Member }> {
  const members = suite.host.storage.collection<Member>('members');
  const [secretary] = await members.find({ branchId: BRANCH, role: 'secretary' });
  const [a, b, c] = await members.find({ branchId: BRANCH, role: 'member', openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 3 });
  return { a, b, c, secretary };
}

async function signIn(member: Member): Promise<Person> {
  const context = await phoneContext(suite.browser);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signInAs(page, suite.host.url, member.name);
  return { member, context, page, errors };
}

async function openChat(p: Person): Promise<void> {
  await p.page.goto(`${suite.host.url}#/pages/chat/index`);
  await visible(p.page, '.chat-composer').waitFor({ timeout: 20000 });
  await visible(p.page, '.chat-older').first().waitFor({ timeout: 20000 });
}

async function type(p: Person, text: string): Promise<void> {
  await visible(p.page, '.chat-input textarea').fill(text);
  await visible(p.page, '.chat-send').click();
}

/** Texts of the delivered (server) bubbles, in screen order. */
const bubbleTexts = (page: Page): Promise<string[]> => page.locator('.chat-item:not(:has(.chat-pending)) .chat-text').locator('visible=true').allInnerTexts();

const row = (page: Page, text: string) => visible(page, '.chat-row').filter({ has: page.locator('.chat-text', { hasText: text }) });

async function menu(page: Page, text: string, action: string): Promise<void> {
  const r = row(page, text).last();
  await r.hover();
  await r.locator('.chat-more').click();
  await visible(page, '.nut-actionsheet-item').filter({ hasText: action }).first().click();
}

describe('branch chat in the browser', () => {
  let a: Person;
  let b: Person;

  beforeAll(async () => {
    const who = await people();
    a = await signIn(who.a);
    b = await signIn(who.b);
    await openChat(a);
    await openChat(b);
  });
  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
  });

  it('A sends and B sees it within a second; markup stays inert text', async () => {
    const text = `交班提醒 ${Date.now()}`;
    await type(a, text);
    // A's bubble is acknowledged (no longer 发送中) ...
    await row(a.page, text).first().waitFor({ timeout: 5000 });
    await a.page.waitForFunction((t) => !Array.from(document.querySelectorAll('.chat-pending .chat-text')).some((el) => el.textContent === t), text);
    const acked = Date.now();
    // ... and B has it through the doorbell, without reloading.
    await row(b.page, text).first().waitFor({ timeout: 3000 });
    expect(Date.now() - acked).toBeLessThan(1000);

    const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>粗</b>';
    await type(a, evil);
    await row(b.page, '<b>粗</b>').first().waitFor({ timeout: 5000 });
    expect(await row(b.page, '<b>粗</b>').first().locator('.chat-text').innerText()).toBe(evil);
    expect(await b.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await b.page.locator('.chat-list b, .chat-list script, .chat-list img[src="x"]').count()).toBe(0);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('B goes offline, writes two messages (发送中), comes back: each is delivered exactly once and in order', async () => {
    const tag = Date.now();
    const first = `离线一 ${tag}`;
    const second = `离线二 ${tag}`;
    await b.context.setOffline(true);
    await type(b, first);
    await type(b, second);
    await expect(visible(b.page, '.chat-pending .chat-sending').count()).resolves.toBe(2);
    // still kept after a short wait: nothing was lost or sent
    await b.page.waitForTimeout(1500);
    expect(await visible(b.page, '.chat-pending').count()).toBe(2);
    const stored = await b.page.evaluate(() => localStorage.getItem('wzb.chatOutbox') ?? '');
    expect(stored).toContain(first);

    await b.context.setOffline(false);
    await b.page.waitForFunction(() => document.querySelectorAll('.chat-pending').length === 0, undefined, { timeout: 20000 });
    await row(a.page, second).first().waitFor({ timeout: 10000 });

    for (const page of [a.page, b.page]) {
      const texts = await bubbleTexts(page);
      expect(texts.filter((t) => t === first)).toHaveLength(1);
      expect(texts.filter((t) => t === second)).toHaveLength(1);
      expect(texts.indexOf(first)).toBeLessThan(texts.indexOf(second));
    }
    const messages = await suite.host.storage.collection<{ _id: string; text: string; seq: number; branchId: string }>('chatMessages').find({ branchId: BRANCH, text: { $in: [first, second] } });
    expect(messages.map((m) => m.text).sort()).toEqual([first, second].sort());
    const bySeq = [...messages].sort((x, y) => x.seq - y.seq).map((m) => m.text);
    expect(bySeq).toEqual([first, second]);
  });

  it('A recalls; everyone sees “A撤回了一条消息”', async () => {
    const text = `说错了 ${Date.now()}`;
    await type(a, text);
    await row(b.page, text).first().waitFor({ timeout: 5000 });
    await menu(a.page, text, '撤回');
    await visible(b.page, '.chat-recalled').filter({ hasText: `${a.member.name}撤回了一条消息` }).last().waitFor({ timeout: 5000 });
    await visible(a.page, '.chat-recalled').filter({ hasText: '你撤回了一条消息' }).last().waitFor({ timeout: 5000 });
    expect(await row(b.page, text).count()).toBe(0);
  });

  it('the secretary removes one message and pins another; members see both at once', async () => {
    const who = await people();
    const sec = await signIn(who.secretary);
    await openChat(sec);
    const bad = `不该发的 ${Date.now()}`;
    const notice = `本周五 17:30 主题党日，示教室 ${Date.now()}`;
    await type(b, bad);
    await type(b, notice);
    await row(sec.page, notice).first().waitFor({ timeout: 5000 });

    await menu(sec.page, bad, '移除');
    await visible(sec.page, '.chat-confirm .nut-dialog-footer-ok').click();
    await visible(a.page, '.chat-removed').filter({ hasText: '该消息已被移除' }).last().waitFor({ timeout: 5000 });
    expect(await row(a.page, bad).count()).toBe(0);

    await menu(sec.page, notice, '设为置顶公告');
    await visible(a.page, '.chat-pinned').filter({ hasText: notice.slice(0, 10) }).waitFor({ timeout: 5000 });
    await visible(b.page, '.chat-pinned').filter({ hasText: notice.slice(0, 10) }).waitFor({ timeout: 5000 });
    expect(sec.errors).toEqual([]);
    await sec.context.close();
  });

  it('the 支部 tab shows unread and a separate @ mark; opening lands on the first unread under 以下为新消息', async () => {
    const who = await people();
    const c = await signIn(who.c);
    // C reads everything once, then leaves the chat.
    await openChat(c);
    await c.page.waitForTimeout(1500);
    // Leave the way a member does: the navigation bar's home button, then the 支部 tab.
    await visible(c.page, '.taro-navigation-bar-home').click();
    await c.page.locator('.taro-tabbar__tabbar').getByText('支部', { exact: true }).click();
    await visible(c.page, '.branch-chat-entry').waitFor({ timeout: 15000 });
    await c.page.waitForFunction(() => !Array.from(document.querySelectorAll('.branch-chat-entry .chat-entry__badge')).some((el) => (el as HTMLElement).offsetParent), undefined, { timeout: 10000 });

    const firstUnread = `第一条未读 ${Date.now()}`;
    await type(a, firstUnread);
    await type(a, '第二条未读');
    // a mention of C, written through the picker (search by pinyin initials would also find them)
    await visible(a.page, '.chat-input textarea').fill(`请 `);
    await visible(a.page, '.chat-tool--at').click();
    await visible(a.page, 'input.chat-mention__search').fill(who.c.name);
    await visible(a.page, '.chat-mention__item').filter({ hasText: who.c.name }).first().click();
    await visible(a.page, '.chat-input textarea').press('End');
    await visible(a.page, '.chat-input textarea').pressSequentially('看一下');
    await visible(a.page, '.chat-send').click();
    await row(a.page, '看一下').first().waitFor({ timeout: 5000 });

    // back to the 支部 tab: 3 unread and the @ mark
    await c.page.reload();
    await visible(c.page, '.branch-chat-entry .chat-entry__badge').waitFor({ timeout: 15000 });
    expect((await visible(c.page, '.branch-chat-entry .chat-entry__badge').innerText()).trim()).toBe('3');
    await visible(c.page, '.branch-chat-entry .chat-entry__mention').waitFor();
    // the 支部 tab itself: count with the @ mark
    await c.page.waitForFunction(() => Array.from(document.querySelectorAll('.taro-tabbar-badge')).some((el) => el.textContent === '@3'), undefined, { timeout: 10000 });
    await visible(c.page, '.branch-chat-entry').click();
    const divider = visible(c.page, '#chat-divider');
    await divider.waitFor({ timeout: 15000 });
    // the first message under the divider is the first unread one, and it is on screen
    const afterDivider = c.page.locator('.chat-item:has(#chat-divider) .chat-text');
    expect(await afterDivider.innerText()).toBe(firstUnread);
    await c.page.waitForTimeout(800);
    expect(await divider.boundingBox().then((box) => box !== null && box.y >= 0 && box.y < 812)).toBe(true);
    // the @ jump
    await visible(c.page, '.chat-jump-mention').click();
    await c.page.waitForTimeout(800);
    const mentioned = row(c.page, '看一下').first();
    expect(await mentioned.getAttribute('class')).toContain('chat-row--highlight');
    expect(c.errors).toEqual([]);
    await c.context.close();
  });
});
