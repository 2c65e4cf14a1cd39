import type { NoticesInput, NoticesOutput } from '../../../src/domain/api/notices';
import type { ReachReportView } from '../../../src/domain/api/reach';
import { needsReminder, remindAvailableAt, remindTarget } from '../../../src/domain/notice/rules';
import type { Notice, ReminderBatch } from '../../../src/domain/notice/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import { newId } from '../../_runtime/ids';
import { reachDepsOf } from '../../_runtime/reach/deps';
import { startReminder } from '../../_runtime/reach/remind-round';
import { loadReachReport } from '../../_runtime/reach/report-view';
import { allReceipts, getTrackableNotice, notices, unboundAmong } from './load';
import { noticeReachHooks } from './reach-source';
import { formatShanghai } from './time';

/**
 * “提醒未读”: everyone not excused who has not read (or not acknowledged, when required) is reminded
 * through the reminder engine: each by the best channel they have (WeChat where they hold a credit,
 * WeCom, SMS for 紧急 notices), in-app always, deferred to the morning in quiet hours unless urgent, and
 * a second round later when the committee turned it on. A cooldown stops repeated nagging; claiming it
 * is a conditional write, so a double tap sends one batch.
 */
export async function remind(input: NoticesInput<'remind'>, ctx: FunctionContext): Promise<NoticesOutput['remind']> {
  const { actor, member: author } = await requireActor(ctx);
  const notice = await getTrackableNotice(ctx, actor, input.noticeId);
  if (notice.status !== 'published') throw new AppError('CONFLICT', '通知未发布或已撤回，无法提醒');
  const now = ctx.now();
  const availableAt = remindAvailableAt(notice, now);
  if (availableAt !== null) throw new AppError('CONFLICT', `提醒过于频繁，请在 ${Math.ceil((availableAt - now) / 60000)} 分钟后再试`, { availableAt });
  // Refusals come before the claim: a refused reminder writes nothing.
  const urgent = notice.urgent === true;
  const all = await allReceipts(ctx, notice._id);
  const unbound = await unboundAmong(ctx, all.map((r) => r.memberId));
  // Members who never bound WeChat can still be reached by WeCom (or SMS when urgent) where configured.
  const reachesUnbound = ctx.channels.wecom.configured || (urgent && ctx.channels.sms.configured);
  const leftOut = reachesUnbound ? new Set<string>() : unbound;
  const targets = all.filter((r) => needsReminder(notice, r, leftOut));
  const skipped = all.filter((r) => needsReminder(notice, r) && leftOut.has(r.memberId)).length;
  if (targets.length === 0) {
    if (skipped > 0) throw new AppError('BAD_REQUEST', `其余 ${skipped} 人尚未绑定微信，提醒无法送达，请先邀请他们绑定`);
    throw new AppError('BAD_REQUEST', notice.requireAck ? '所有人都已确认，无需提醒' : '所有人都已阅读，无需提醒');
  }
  const claimed = await notices(ctx).update({ _id: notice._id, lastRemindAt: notice.lastRemindAt }, { $set: { lastRemindAt: now } });
  if (claimed === 0) throw new AppError('CONFLICT', '刚刚已发送过提醒');

  const batchId = newId(ctx, 'rm');
  const started = await startReminder(
    ctx,
    reachDepsOf(ctx),
    {
      reminderId: batchId,
      source: { kind: 'notice', id: notice._id, branchId: notice.branchId },
      by: actor.memberId,
      memberIds: targets.map((r) => r.memberId),
      message: reminderMessage(notice, author.name, now),
    },
    noticeReachHooks,
  );
  const reached = started.round1?.reached;
  const batch: ReminderBatch = {
    _id: batchId,
    noticeId: notice._id,
    by: actor.memberId,
    byName: author.name,
    at: now,
    target: remindTarget(notice),
    total: targets.length,
    wechat: reached?.wechat ?? 0,
    inAppOnly: reached ? reached.inapp : 0,
    unbound: skipped,
    wecom: reached?.wecom ?? 0,
    sms: reached?.sms ?? 0,
    deferredUntil: started.deferredUntil,
    secondRoundAt: started.secondRoundAt,
  };
  await ctx.storage.collection<ReminderBatch>('noticeReminders').insert(batch);
  return batch;
}

export function reminderMessage(notice: Notice, from: string, now: number) {
  return {
    kind: 'notice' as const,
    urgent: notice.urgent === true,
    title: notice.urgent ? `【紧急】${notice.title}` : notice.title,
    from,
    time: formatShanghai(notice.publishedAt ?? now),
    tip: notice.requireAck ? '请阅读并点击“我已知晓”' : '请及时阅读',
    page: `pages/notice-detail/index?noticeId=${notice._id}`,
  };
}

/** The reach report of the notice's latest reminder (or none yet), for the tracking page. */
export async function reachReport(input: NoticesInput<'reachReport'>, ctx: FunctionContext): Promise<ReachReportView | null> {
  const { actor } = await requireActor(ctx);
  const notice = await getTrackableNotice(ctx, actor, input.noticeId);
  const [latest] = await ctx.storage.collection<ReminderBatch>('noticeReminders').find({ noticeId: notice._id }, { orderBy: [['at', 'desc']], limit: 1, fields: ['_id'] });
  return latest ? loadReachReport(ctx, latest._id) : null;
}
