import { addDays, weekStartOf } from './dates';
import { LESSON_LIMITS } from './limits';
import { studyDateAt } from './release';

/**
 * A streak that suits shift work: not “every day” but a weekly target (default 5 of 7 days) in
 * Monday-based weeks read in the branch's time zone.
 *
 * Completion dates are the days the member completed a lesson (LessonProgress.completedDate), not
 * the lessons' own dates: a catch-up completion counts on the day it was done, because that is
 * the day she studied — which is what a nurse coming off a night shift would expect.
 */

export type WeeklyProgress = { daysThisWeek: number; target: number; met: boolean; weekStart: string };

function distinctDaysIn(dates: Iterable<string>, from: string, to: string): number {
  const days = new Set<string>();
  for (const d of dates) if (d >= from && d <= to) days.add(d);
  return days.size;
}

/** Days studied so far this week (Monday to today) against the target. */
export function weeklyProgress(completionDates: Iterable<string>, now: number, tz: string, target: number = LESSON_LIMITS.weeklyTargetDefault): WeeklyProgress {
  const today = studyDateAt(now, tz);
  const weekStart = weekStartOf(today);
  const daysThisWeek = distinctDaysIn(completionDates, weekStart, today);
  return { daysThisWeek, target, met: daysThisWeek >= target, weekStart };
}

/** Distinct study days per week, keyed by the week's Monday. */
function daysPerWeek(dates: Iterable<string>, upTo: string): Map<string, number> {
  const days = new Map<string, Set<string>>();
  for (const d of dates) {
    if (d > upTo) continue;
    const week = weekStartOf(d);
    if (!days.has(week)) days.set(week, new Set());
    days.get(week)!.add(d);
  }
  return new Map([...days].map(([week, set]) => [week, set.size]));
}

/**
 * Consecutive weeks meeting the target, ending with last week, plus this week once it is met. A week
 * not yet met does not break the streak while it is still running.
 */
export function weekStreak(completionDates: Iterable<string>, now: number, tz: string, target: number = LESSON_LIMITS.weeklyTargetDefault): number {
  const today = studyDateAt(now, tz);
  const perWeek = daysPerWeek(completionDates, today);
  const thisWeek = weekStartOf(today);
  let streak = (perWeek.get(thisWeek) ?? 0) >= target ? 1 : 0;
  for (let week = addDays(thisWeek, -7); (perWeek.get(week) ?? 0) >= Math.max(1, target); week = addDays(week, -7)) streak++;
  return streak;
}
