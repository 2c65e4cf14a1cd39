import type { OrgInput, OrgOutput } from '../../../src/domain/api/org';
import type { FunctionContext } from '../../_runtime/context';
import { findCaller } from '../../_runtime/actor';
import { readOnce } from '../../_runtime/storage/read-once';
import { badge } from '../../chat/src/read';
import { today } from '../../lessons/src/today';
import { mine } from '../../meetings/src/answers';
import { inbox } from '../../notices/src/read';
import { meView } from './me';

/**
 * The home page in one call: who I am (when the app does not know yet), today's lesson card, the
 * notices list (its unread count; the 通知 tab opens from it), the chat badge and the next meeting. Each part is the action the page used to call (`org.me`,
 * `lessons.today`, `notices.inbox`, `chat.badge`, `meetings.mine`), run over one read-once view of storage, so the
 * caller's member record and their branch are read once for all of them.
 */
export async function home(input: OrgInput<'home'>, ctx: FunctionContext): Promise<OrgOutput['home']> {
  const shared: FunctionContext = { ...ctx, storage: readOnce(ctx.storage) };
  const member = await findCaller(shared);
  const me = input.me !== false ? await meView(shared, member) : null;
  if (!member) return { me: me ?? { bound: false, demo: ctx.demo }, today: null, inbox: { items: [], unreadCount: 0 }, chat: null, meetings: null };
  const [lesson, notices, chat, meetings] = await Promise.all([
    member.branchId ? today({}, shared) : Promise.resolve(null),
    inbox({}, shared),
    badge({}, shared),
    member.branchId ? mine({}, shared, { pendingLeave: false }) : Promise.resolve(null),
  ]);
  return { me, today: lesson, inbox: notices, chat, meetings: meetings && { next: meetings.next, makeups: meetings.makeups } };
}
