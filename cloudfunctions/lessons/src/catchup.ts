import type { HistoryItem, LessonsInput, LessonsOutput } from '../../../src/domain/api/lessons';
import { progressId } from '../../../src/domain/lesson/lesson';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import type { FunctionContext } from '../../_runtime/context';
import type { Filter } from '../../_runtime/storage/port';
import { branchDays } from './days';
import { catchUpFor, completionsOf, requireLearner, studyWindow } from './learner';
import { findByIds, lessonsOf, progressOf } from './load';
import { cardOf, titlesOf, urlMap, weekViewOf } from './views';

/** Lessons of the 7 days before today the member has not completed (newest first), with how far they got. */
export async function catchup(_input: LessonsInput<'catchup'>, ctx: FunctionContext): Promise<LessonsOutput['catchup']> {
  const l = await requireLearner(ctx);
  if (!l.branch) return { items: [] };
  const [days, completions] = await Promise.all([branchDays(ctx, l.branch._id, studyWindow(l.today.date)), completionsOf(ctx, l.actor.memberId)]);
  const owed = catchUpFor(l, days, new Set(completions.map((c) => c.lessonId)));
  if (owed.length === 0) return { items: [] };
  const ids = owed.map((o) => o.lessonId);
  const [lessons, progress] = await Promise.all([
    findByIds(lessonsOf(ctx), ids),
    findByIds(progressOf(ctx), ids.map((id) => progressId(id, l.actor.memberId)), ['lessonId', 'percent']),
  ]);
  const lessonById = new Map(lessons.map((x) => [x._id, x]));
  const percentOf = new Map(progress.map((p) => [p.lessonId, p.percent]));
  const urls = await urlMap(ctx, lessons.flatMap((x) => (x.coverFileId ? [x.coverFileId] : [])));
  return {
    items: owed.flatMap((o) => {
      const lesson = lessonById.get(o.lessonId);
      return lesson ? [{ date: o.date, lesson: cardOf(lesson, urls), percent: percentOf.get(o.lessonId) ?? 0 }] : [];
    }),
  };
}

/** Completed lessons, newest first, paged by completion time; with this week's progress for the header. */
export async function history(input: LessonsInput<'history'>, ctx: FunctionContext): Promise<LessonsOutput['history']> {
  const l = await requireLearner(ctx);
  const limit = input.limit ?? LESSON_LIMITS.historyPage;
  const filter: Filter = { memberId: l.actor.memberId, completedAt: input.before ? { $gt: 0, $lt: input.before } : { $gt: 0 } };
  const [page, completions] = await Promise.all([
    progressOf(ctx).find(filter, { orderBy: [['completedAt', 'desc']], limit: limit + 1, fields: ['lessonId', 'completedAt', 'completedDate', 'check'] }),
    completionsOf(ctx, l.actor.memberId),
  ]);
  const rows = page.slice(0, limit);
  const titles = await titlesOf(ctx, rows.map((r) => r.lessonId));
  const items: HistoryItem[] = rows.map((r) => ({
    lessonId: r.lessonId,
    title: titles.get(r.lessonId)?.title ?? '已删除的微党课',
    kind: titles.get(r.lessonId)?.kind ?? 'article',
    completedAt: r.completedAt!,
    completedDate: r.completedDate ?? '',
    checkCorrect: r.check?.correctCount ?? null,
    checkTotal: r.check?.total ?? null,
  }));
  return {
    items,
    next: page.length > limit ? rows[rows.length - 1].completedAt : null,
    week: weekViewOf(completions.map((c) => c.completedDate).filter((d): d is string => d !== null), l.now, l.tz),
  };
}
