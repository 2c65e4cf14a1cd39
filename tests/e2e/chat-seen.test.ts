/**
 * The read cursor covers only what the member saw: a chat in a hidden browser tab keeps receiving
 * (the doorbell and sync go on) but does not mark the new message read; back in front, it does.
 * (A chat under another page is covered in tests/weapp/chat.test.ts.)
 */
import type { Page } from 'playwright-core';
import type { Member } from '../../src/domain/org/types';
import { collectPageErrors, phoneContext, signInAs, visible } from './support/browser';
import { hostAndBrowserPerFile } from './support/suite';

const suite = hostAndBrowserPerFile();
const BRANCH = 'b_demo01';

async function chatAs(member: Member): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await phoneContext(suite.browser);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signInAs(page, suite.host.url, member.name);
  await page.goto(`${suite.host.url}#/pages/chat/index`);
  await visible(page, '.chat-composer').waitFor({ timeout: 20000 });
  return { page, errors, close: () => context.close() };
}

const setTabVisible = (page: Page, shown: boolean) =>
  page.evaluate((v) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (v ? 'visible' : 'hidden') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => !v });
    document.dispatchEvent(new Event('visibilitychange'));
  }, shown);

it('a chat in a hidden tab does not advance the read cursor; shown again, it does', async () => {
  const [a, b] = await suite.host.storage.collection<Member>('members').find({ branchId: BRANCH, role: 'member', openid: { $ne: null } }, { orderBy: [['employeeNo', 'asc']], limit: 2 });
  const heads = suite.host.storage.collection<{ _id: string; readSeq?: number; seq?: number }>('chatHeads');
  const cursorOfB = async () => (await heads.find({ _id: `cur_${(b as Member & { openid: string }).openid}` }))[0]?.readSeq ?? 0;
  const sender = await chatAs(a);
  const reader = await chatAs(b);
  try {
    const text = `没在看的时候到的 ${Date.now()}`;
    await setTabVisible(reader.page, false);
    await visible(sender.page, '.chat-input textarea').fill(text);
    await visible(sender.page, '.chat-send').click();
    // it still arrives in the hidden tab ...
    await visible(reader.page, '.chat-text').filter({ hasText: text }).first().waitFor({ timeout: 10000 });
    const [stored] = await suite.host.storage.collection<{ _id: string; seq: number; text: string }>('chatMessages').find({ branchId: BRANCH, text });
    await reader.page.waitForTimeout(1500);
    // ... but is not marked read
    expect(await cursorOfB()).toBeLessThan(stored.seq);

    await setTabVisible(reader.page, true);
    const until = Date.now() + 10000;
    while ((await cursorOfB()) < stored.seq && Date.now() < until) await reader.page.waitForTimeout(200);
    expect(await cursorOfB()).toBe(stored.seq);
    expect(reader.errors).toEqual([]);
  } finally {
    await sender.close();
    await reader.close();
  }
});
