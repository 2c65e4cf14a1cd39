import type { NoticesInput, NoticesOutput } from '../../../src/domain/api/notices';
import { needsReminder, remindAvailableAt, remindTarget } from '../../../src/domain/notice/rules';
import type { Receipt, ReminderBatch, SubscriptionCredit } from '../../../src/domain/notice/types';
import type { Member } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import { newId } from '../../_runtime/ids';
import { allReceipts, getTrackableNotice, notices, receipts, unboundAmong } from './load';
import { formatShanghai } from './time';

const CHUNK = 500;
const SEND_CONCURRENCY = 10;

const chunks = <T>(items: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}

/**
 * “提醒未读”: everyone not excused who has not read (or not acknowledged, when required) gets an
 * in-app reminder; those holding a subscribe-message credit also get a WeChat message, which spends
 * the credit. A cooldown stops repeated nagging; claiming it is a conditional write, so a double tap
 * sends one batch.
 */
export async function remind(input: NoticesInput<'remind'>, ctx: FunctionContext): Promise<NoticesOutput['remind']> {
  const { actor, member: author } = await requireActor(ctx);
  const notice = await getTrackableNotice(ctx, actor, input.noticeId);
  if (notice.status !== 'published') throw new AppError('CONFLICT', '通知未发布或已撤回，无法提醒');
  const now = ctx.now();
  const availableAt = remindAvailableAt(notice, now);
  if (availableAt !== null) throw new AppError('CONFLICT', `提醒过于频繁，请在 ${Math.ceil((availableAt - now) / 60000)} 分钟后再试`, { availableAt });
  // Refusals come before the claim: a refused reminder writes nothing.
  const all = await allReceipts(ctx, notice._id);
  const unbound = await unboundAmong(ctx, all.map((r) => r.memberId));
  const targets = all.filter((r) => needsReminder(notice, r, unbound));
  const skipped = all.filter((r) => needsReminder(notice, r) && unbound.has(r.memberId)).length;
  if (targets.length === 0) {
    if (skipped > 0) throw new AppError('BAD_REQUEST', `其余 ${skipped} 人尚未绑定微信，提醒无法送达，请先邀请他们绑定`);
    throw new AppError('BAD_REQUEST', notice.requireAck ? '所有人都已确认，无需提醒' : '所有人都已阅读，无需提醒');
  }
  const claimed = await notices(ctx).update({ _id: notice._id, lastRemindAt: notice.lastRemindAt }, { $set: { lastRemindAt: now } });
  if (claimed === 0) throw new AppError('CONFLICT', '刚刚已发送过提醒');

  const withCredit = await creditHolders(ctx, targets);
  let wechat = 0;
  await forEachLimited(withCredit, SEND_CONCURRENCY, async ({ receipt, openid }) => {
    const result = await ctx.wechat.sendSubscribeMessage({
      toOpenid: openid,
      templateKey: 'notice_reminder',
      page: `pages/notice-detail/index?noticeId=${notice._id}`,
      fields: { title: notice.title, author: author.name, time: formatShanghai(notice.publishedAt ?? now), tip: notice.requireAck ? '请阅读并点击“我已知晓”' : '请及时阅读' },
    });
    const credits = ctx.storage.collection<SubscriptionCredit>('subscriptionCredits');
    if (result.sent) {
      wechat++;
      await credits.updateById(`${receipt.memberId}:notice_reminder`, { $inc: { credits: -1 } });
    } else if (result.reason === 'no_subscription') {
      await credits.updateById(`${receipt.memberId}:notice_reminder`, { $set: { credits: 0 } });
    }
  });

  for (const part of chunks(targets)) {
    await receipts(ctx).update({ _id: { $in: part.map((r) => r._id) } }, { $inc: { remindCount: 1 }, $set: { remindedAt: now } });
  }
  const batch: ReminderBatch = {
    _id: newId(ctx, 'rm'),
    noticeId: notice._id,
    by: actor.memberId,
    byName: author.name,
    at: now,
    target: remindTarget(notice),
    total: targets.length,
    wechat,
    inAppOnly: targets.length - wechat,
    unbound: skipped,
  };
  await ctx.storage.collection<ReminderBatch>('noticeReminders').insert(batch);
  return batch;
}

/** Targets who granted a subscribe message and are bound to WeChat. */
async function creditHolders(ctx: FunctionContext, targets: Receipt[]): Promise<Array<{ receipt: Receipt; openid: string }>> {
  const out: Array<{ receipt: Receipt; openid: string }> = [];
  for (const part of chunks(targets)) {
    const credits = await ctx.storage
      .collection<SubscriptionCredit>('subscriptionCredits')
      .find({ memberId: { $in: part.map((r) => r.memberId) }, credits: { $gt: 0 } }, { limit: 1000 });
    if (credits.length === 0) continue;
    const holders = new Set(credits.map((c) => c.memberId));
    const members = await ctx.storage.collection<Member>('members').find({ _id: { $in: [...holders] } }, { limit: 1000 });
    const openidOf = new Map(members.filter((m) => m.openid).map((m) => [m._id, m.openid!]));
    for (const r of part) {
      const openid = openidOf.get(r.memberId);
      if (holders.has(r.memberId) && openid) out.push({ receipt: r, openid });
    }
  }
  return out;
}
