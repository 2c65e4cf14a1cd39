import type { BrowserContext } from 'playwright-core';
import type { TestHost } from './host';
import { signInAs } from './browser';
import { boundMember, callAs, type MainPage } from './screens';

const BRANCH = 'b_demo01';

/**
 * The chat as a member sees it (own and others' bubbles, a reply, the pinned bar, a removal, the unread
 * divider) and the committee admin's chat audit (with the removal logged), for the screen checks.
 */
export async function chatPages(host: TestHost, context: BrowserContext): Promise<MainPage[]> {
  const member = await boundMember(host, BRANCH, 'member');
  const secretary = await boundMember(host, BRANCH, 'secretary');
  const page = await context.newPage();
  const send = (id: string, text: string, quoteSeq: number | null = null) =>
    callAs<{ message: { seq: number } }>(page, 'chat', 'send', { branchId: BRANCH, clientMsgId: `screens-chat-${id}`, text, quoteSeq }).then((r) => r.message);
  await signInAs(page, host.url, secretary.name);
  const pinned = await send('secretary-01', '周五 17:30 主题党日，地点示教室，请大家带好笔记本。');
  await callAs(page, 'chat', 'pin', { branchId: BRANCH, seq: pinned.seq });
  await signInAs(page, host.url, member.name);
  const mine = await send('member-001', '收到，周五我下夜班后直接过去，可能晚到十分钟。');
  await signInAs(page, host.url, secretary.name);
  const removed = await send('secretary-02', '这条发错了');
  await callAs(page, 'chat', 'remove', { branchId: BRANCH, seq: removed.seq, reason: '发错群' });
  await send('secretary-03', '好的，晚到没关系，签到表我先帮你留着。', mine.seq);
  await page.close();
  return [
    { name: 'chat', persona: 'member', route: '/pages/chat/index' },
    { name: 'chat-audit', persona: 'admin', route: '/admin/chat-audit/index' },
  ];
}
