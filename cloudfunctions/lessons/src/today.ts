import type { LessonsInput, LessonsOutput } from '../../../src/domain/api/lessons';
import { progressId } from '../../../src/domain/lesson/lesson';
import { progressView } from '../../../src/domain/lesson/views';
import type { FunctionContext } from '../../_runtime/context';
import { branchDays } from './days';
import { catchUpFor, completionsOf, requireLearner, studyWindow } from './learner';
import { lessonsOf, progressOf, remindersOf } from './load';
import { cardOf, urlMap, weekViewOf } from './views';

const datesOf = (completions: Array<{ completedDate: string | null }>) => completions.map((c) => c.completedDate).filter((d): d is string => d !== null);

/**
 * The home card in one call: today's lesson for the member's branch (once open) with their progress,
 * how many catch-up lessons wait, and this week. Storage reads: the member, the branch, the plan
 * entries and release records of the 8-day window (by id), the member's completions, today's lesson
 * and its progress — 7, whatever the branch size (8 while today's lesson is not yet completed: the
 * latest reminder addressed to the member). Correct whether or not the scheduler has run: a
 * released day is read from its frozen record, otherwise from the plan.
 */
export async function today(_input: LessonsInput<'today'>, ctx: FunctionContext): Promise<LessonsOutput['today']> {
  const l = await requireLearner(ctx);
  const { date, releaseAt, released } = l.today;
  if (!l.branch) {
    const completions = await completionsOf(ctx, l.actor.memberId);
    return { date, releaseAt, released, planned: false, lesson: null, source: 'none', off: false, progress: null, catchUpCount: 0, week: weekViewOf(datesOf(completions), l.now, l.tz), reminded: null };
  }
  const [days, completions] = await Promise.all([branchDays(ctx, l.branch._id, studyWindow(date)), completionsOf(ctx, l.actor.memberId)]);
  const day = days.get(date)!;
  const lessonId = released ? day.lessonId : null;
  const [lesson, progress] = lessonId
    ? await Promise.all([lessonsOf(ctx).get(lessonId), progressOf(ctx).get(progressId(lessonId, l.actor.memberId))])
    : [null, null];
  const open = lesson !== null && (progress?.completedAt ?? null) === null;
  const [urls, [reminder]] = await Promise.all([
    urlMap(ctx, lesson?.coverFileId ? [lesson.coverFileId] : []),
    // Only while there is something to do: one more read then, none once completed.
    open ? remindersOf(ctx).find({ branchId: l.branch._id, date, memberIds: l.actor.memberId }, { orderBy: [['at', 'desc']], limit: 1 }) : Promise.resolve([]),
  ]);
  return {
    date,
    releaseAt,
    released,
    planned: day.lessonId !== null,
    lesson: lesson ? cardOf(lesson, urls) : null,
    source: day.source,
    off: day.off,
    progress: lesson ? progressView(lesson, progress) : null,
    catchUpCount: catchUpFor(l, days, new Set(completions.map((c) => c.lessonId))).length,
    week: weekViewOf(datesOf(completions), l.now, l.tz),
    reminded: reminder ? { at: reminder.at, byName: reminder.byName } : null,
  };
}
