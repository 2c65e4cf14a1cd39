import { AppError } from '../shared/errors';
import { addDays } from './dates';
import { LESSON_LIMITS } from './limits';

/**
 * Catch-up: the lessons released on the 7 days before today that the member has not completed,
 * newest first. Today's lesson is the home card's, not a catch-up. A lesson that appears on several
 * of those days is offered once, under its latest date.
 */

export type CatchUpDay = { date: string; lessonId: string | null };

export const catchUpWindow = (today: string, days: number = LESSON_LIMITS.catchUpDays): { from: string; to: string } => ({
  from: addDays(today, -days),
  to: addDays(today, -1),
});

/**
 * @param days the branch's resolved (or released) days; dates outside the window and days without a lesson are ignored
 * @param completedLessonIds lessons the member has completed, at any time
 * @param since the member's first study date in this branch (e.g. when they joined or bound); earlier days are not owed
 */
export function catchUpItems(
  days: ReadonlyArray<CatchUpDay>,
  completedLessonIds: ReadonlySet<string>,
  today: string,
  since: string | null = null,
): Array<{ date: string; lessonId: string }> {
  const { from, to } = catchUpWindow(today);
  const seen = new Set<string>();
  const out: Array<{ date: string; lessonId: string }> = [];
  for (const d of [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))) {
    if (d.lessonId === null || d.date < from || d.date > to || (since !== null && d.date < since)) continue;
    if (completedLessonIds.has(d.lessonId) || seen.has(d.lessonId)) continue;
    seen.add(d.lessonId);
    out.push({ date: d.date, lessonId: d.lessonId });
  }
  return out;
}

/**
 * Whether a member may open a lesson to study: it is their branch's lesson for `date`, and `date` is
 * today once released or one of the catch-up days. A lesson they have already started stays open to
 * them (to finish it, or to look back from history).
 */
export function assertStudyable(input: {
  lessonId: string;
  /** The day it is offered for; null when the caller does not know. */
  date: string | null;
  today: string;
  todayReleased: boolean;
  /** The branch's resolved lesson for `date`. */
  dayLessonId: string | null;
  hasProgress: boolean;
}): void {
  if (input.hasProgress) return;
  if (input.date === null || input.dayLessonId !== input.lessonId) throw new AppError('LESSON_NOT_AVAILABLE');
  if (input.date > input.today || (input.date === input.today && !input.todayReleased)) throw new AppError('LESSON_NOT_RELEASED');
  if (input.date < catchUpWindow(input.today).from) throw new AppError('LESSON_NOT_AVAILABLE', '该微党课已超过 7 天补学期限');
}
