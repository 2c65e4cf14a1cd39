import type { LessonsInput, LessonsOutput } from '../../../src/domain/api/lessons';
import { progressId } from '../../../src/domain/lesson/lesson';
import { canRemindStudy } from '../../../src/domain/lesson/policies';
import { branchClock, todayOf } from '../../../src/domain/lesson/release';
import { lessonRemindAvailableAt, remindTargets } from '../../../src/domain/lesson/remind';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { reachDepsOf } from '../../_runtime/reach/deps';
import { startReminder } from '../../_runtime/reach/remind-round';
import { loadReachReport } from '../../_runtime/reach/report-view';
import { DuplicateKeyError } from '../../_runtime/storage/port';
import { findByIds, getBranch, getLesson, membersOf, progressOf, remindersOf, type StoredReminder } from './load';
import { lessonReachHooks } from './reach-source';
import { ensureRelease } from './release';
import { formatInZone } from './time';

export const reminderId = (branchId: string, date: string, seq: number): string => `lr:${branchId}:${date}:${seq}`;

/**
 * “提醒未学”: the members expected today (the frozen release) who have not completed today's lesson
 * are reminded through the reminder engine — in-app always (the batch records who), each by the best
 * channel they have (WeChat where they hold a credit, WeCom), held back by quiet hours. At most once
 * per 30 minutes per branch: the batch id is the day's sequence number, so two taps (or two officers) racing write one batch and only that one sends.
 */
export async function remind(input: LessonsInput<'remind'>, ctx: FunctionContext): Promise<LessonsOutput['remind']> {
  const { actor, member: sender } = await requireActor(ctx);
  authorise(canRemindStudy(actor, input.branchId));
  const branch = await getBranch(ctx, input.branchId);
  if (branch.status !== 'active') throw new AppError('BRANCH_ARCHIVED');
  const now = ctx.now();
  const { date, releaseAt, released } = todayOf(branch, now);
  if (!released) throw new AppError('LESSON_NOT_RELEASED', '今天的微党课尚未开放，开放后再提醒');

  const [latest] = await remindersOf(ctx).find({ branchId: branch._id, date }, { orderBy: [['at', 'desc']], limit: 1, fields: ['at', 'seq'] });
  const availableAt = lessonRemindAvailableAt(latest?.at ?? null, now);
  if (availableAt !== null) throw new AppError('CONFLICT', `提醒过于频繁，请在 ${Math.ceil((availableAt - now) / 60000)} 分钟后再试`, { availableAt });

  const release = await ensureRelease(ctx, branch, date, releaseAt);
  if (release.lessonId === null) throw new AppError('BAD_REQUEST', '今天没有安排微党课');
  const lesson = await getLesson(ctx, release.lessonId);
  const expected = (await findByIds(membersOf(ctx), release.memberIds)).filter((m) => m.status === 'active' && m.branchId === branch._id);
  const progress = await findByIds(progressOf(ctx), expected.map((m) => progressId(lesson._id, m._id)), ['memberId', 'completedAt']);
  const completed = new Set(progress.filter((p) => p.completedAt !== null).map((p) => p.memberId));
  const { targets, unbound } = remindTargets(expected, completed);
  targets.sort((a, b) => (a._id < b._id ? -1 : 1));
  if (targets.length === 0 && unbound > 0) throw new AppError('BAD_REQUEST', `其余 ${unbound} 人尚未绑定微信，提醒无法送达，请先邀请他们绑定`);
  if (targets.length === 0) throw new AppError('BAD_REQUEST', '今天的微党课大家都已完成，无需提醒');

  const batch: StoredReminder = {
    _id: reminderId(branch._id, date, (latest?.seq ?? 0) + 1),
    seq: (latest?.seq ?? 0) + 1,
    branchId: branch._id,
    date,
    lessonId: lesson._id,
    by: actor.memberId,
    byName: sender.name,
    at: now,
    total: targets.length,
    wechat: 0,
    inAppOnly: targets.length,
    memberIds: targets.map((m) => m._id),
  };
  try {
    await remindersOf(ctx).insert(batch);
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new AppError('CONFLICT', '刚刚已发送过提醒');
    throw err;
  }

  const started = await startReminder(
    ctx,
    reachDepsOf(ctx),
    {
      reminderId: batch._id,
      source: { kind: 'lesson', id: lesson._id, branchId: branch._id },
      by: actor.memberId,
      memberIds: batch.memberIds,
      message: {
        kind: 'lesson',
        urgent: false,
        title: lesson.title,
        from: sender.name,
        time: formatInZone(releaseAt, branchClock(branch).timeZone),
        tip: '今日微党课尚未完成，请抽空学习',
        page: `pages/lesson/index?lessonId=${encodeURIComponent(lesson._id)}&date=${date}`,
      },
    },
    lessonReachHooks,
  );
  const reached = started.round1?.reached;
  const wechat = reached?.wechat ?? 0;
  const inAppOnly = reached ? reached.inapp : 0;
  if (reached) await remindersOf(ctx).updateById(batch._id, { $set: { wechat, inAppOnly } });
  const reach = await loadReachReport(ctx, batch._id);
  return { branchId: branch._id, date, at: now, total: targets.length, wechat, inAppOnly, unbound, deferredUntil: started.deferredUntil, reach };
}
