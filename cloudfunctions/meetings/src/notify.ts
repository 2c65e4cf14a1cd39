import type { SubscriptionCredit } from '../../../src/domain/notice/types';
import type { Member } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';

/** A meeting message: the WeChat subscribe template's fields and the page it opens. */
export interface MeetingMessage {
  title: string;
  author: string;
  time: string;
  tip: string;
  page: string;
}

export interface NotifyResult {
  total: number;
  wechat: number;
}

const SEND_CONCURRENCY = 10;

/**
 * The ONE way meetings reach members outside the app (schedule notice, reminders, make-up tasks,
 * the committee's nudge to a secretary). The in-app mark is the caller's (attendance.remindedAt,
 * the make-up list, the branch reminder record); here each member holding a subscribe-message credit
 * gets one WeChat message through `ctx.wechat` (the notice reminder template and credit pool, as
 * notices and chat do). When the reminder engine of issue 11 lands, only this function changes.
 * Failures never fail the caller's action.
 */
export async function notifyMembers(ctx: FunctionContext, memberIds: string[], message: MeetingMessage): Promise<NotifyResult> {
  let wechat = 0;
  if (memberIds.length === 0) return { total: 0, wechat };
  try {
    const credits = ctx.storage.collection<SubscriptionCredit>('subscriptionCredits');
    const holders: Member[] = [];
    for (let i = 0; i < memberIds.length; i += 500) {
      const part = memberIds.slice(i, i + 500);
      const held = await credits.find({ memberId: { $in: part }, credits: { $gt: 0 } }, { limit: 1000, fields: ['memberId'] });
      if (held.length === 0) continue;
      const members = await ctx.storage.collection<Member>('members').find({ _id: { $in: held.map((h) => h.memberId) }, status: 'active' }, { limit: 1000 });
      holders.push(...members.filter((m) => m.openid));
    }
    let next = 0;
    const runners = Array.from({ length: Math.min(SEND_CONCURRENCY, holders.length) }, async () => {
      while (next < holders.length) {
        const member = holders[next++];
        const result = await ctx.wechat.sendSubscribeMessage({ toOpenid: member.openid!, templateKey: 'notice_reminder', page: message.page, fields: { title: message.title, author: message.author, time: message.time, tip: message.tip } });
        const id = `${member._id}:notice_reminder`;
        if (result.sent) {
          wechat++;
          await credits.updateById(id, { $inc: { credits: -1 } });
        } else if (result.reason === 'no_subscription') await credits.updateById(id, { $set: { credits: 0 } });
      }
    });
    await Promise.all(runners);
  } catch (err) {
    console.error('[meetings] notify', err);
  }
  return { total: memberIds.length, wechat };
}

export const meetingPage = (meetingId: string): string => `pages/meeting/index?meetingId=${meetingId}`;
