import { addDays, dateInZone, instantInZone, isClockString } from './dates';
import { LESSON_LIMITS } from './limits';

/**
 * Daily release: each branch's lesson for a date opens at the branch's release time in the branch's
 * time zone (default 07:00 Asia/Shanghai). Functions run in UTC, so every rule takes `now` and the
 * zone explicitly.
 */

/** The branch fields release needs (a Branch document fits). */
export type BranchClock = { releaseTime?: string | null; timeZone?: string | null };

export type ReleasingBranch = BranchClock & { _id: string; status?: string; createdAt?: number };

/** The branch's release time and zone, falling back to the defaults when unset or malformed. */
export function branchClock(branch: BranchClock): { releaseTime: string; timeZone: string } {
  return {
    releaseTime: branch.releaseTime && isClockString(branch.releaseTime) ? branch.releaseTime : LESSON_LIMITS.defaultReleaseTime,
    timeZone: branch.timeZone || LESSON_LIMITS.defaultTimeZone,
  };
}

/** Epoch ms at which `date`'s lesson opens: `releaseTime` (HH:mm) on that date in `tz`. */
export function releaseInstant(date: string, releaseTime: string, tz: string): number {
  return instantInZone(date, releaseTime, tz);
}

/** Today's date string in the zone: the study day a member is in at `now`. */
export function studyDateAt(now: number, tz: string): string {
  return dateInZone(now, tz);
}

/** Whether the branch's lesson for `date` is open at `now`. */
export function isReleased(date: string, branch: BranchClock, now: number): boolean {
  const { releaseTime, timeZone } = branchClock(branch);
  return now >= releaseInstant(date, releaseTime, timeZone);
}

/** The deterministic key that makes a branch's daily release happen exactly once. */
export const releaseKey = (branchId: string, date: string): string => `release:${branchId}:${date}`;

/** What the home card needs to know about today. */
export function todayOf(branch: BranchClock, now: number): { date: string; releaseAt: number; released: boolean } {
  const { releaseTime, timeZone } = branchClock(branch);
  const date = studyDateAt(now, timeZone);
  const releaseAt = releaseInstant(date, releaseTime, timeZone);
  return { date, releaseAt, released: now >= releaseAt };
}

export type DueRelease = {
  key: string;
  branchId: string;
  date: string;
  releaseAt: number;
  /**
   * The branch's day is already over (the timer was late by more than the day): record the release,
   * but a “today's lesson is open” message would be wrong.
   */
  late: boolean;
};

/**
 * The releases the scheduler owes at `now`: for every active branch, each date whose release instant
 * is within the last 7 days and not in the future, and whose key is not yet recorded. A timer that
 * fired twice finds nothing new; one that fired late (or not at all for days) catches up. Dates
 * before the branch was created are never owed. Ordered by release instant, then branch.
 */
export function dueReleases(branches: ReadonlyArray<ReleasingBranch>, now: number, alreadyReleasedKeys: Iterable<string>): DueRelease[] {
  const done = new Set(alreadyReleasedKeys);
  const windowStart = now - LESSON_LIMITS.releaseLookbackDays * 24 * 60 * 60 * 1000;
  // Zone arithmetic is the costly part (tens of µs per call): each distinct clock's open dates are
  // computed once, not once per branch — branches almost always share 07:00 Asia/Shanghai.
  const schedules = new Map<string, { today: string; open: Array<{ date: string; releaseAt: number }> }>();
  const scheduleOf = (releaseTime: string, timeZone: string) => {
    const cacheKey = `${releaseTime}|${timeZone}`;
    const cached = schedules.get(cacheKey);
    if (cached) return cached;
    const today = studyDateAt(now, timeZone);
    const open: Array<{ date: string; releaseAt: number }> = [];
    for (let back = LESSON_LIMITS.releaseLookbackDays; back >= 0; back--) {
      const date = addDays(today, -back);
      const releaseAt = releaseInstant(date, releaseTime, timeZone);
      if (releaseAt > now || releaseAt <= windowStart) continue;
      open.push({ date, releaseAt });
    }
    const schedule = { today, open };
    schedules.set(cacheKey, schedule);
    return schedule;
  };
  const due: DueRelease[] = [];
  for (const branch of branches) {
    if (branch.status !== undefined && branch.status !== 'active') continue;
    const { releaseTime, timeZone } = branchClock(branch);
    const { today, open } = scheduleOf(releaseTime, timeZone);
    const firstDate = branch.createdAt === undefined ? null : studyDateAt(branch.createdAt, timeZone);
    for (const { date, releaseAt } of open) {
      if (firstDate !== null && date < firstDate) continue;
      const key = releaseKey(branch._id, date);
      if (done.has(key)) continue;
      due.push({ key, branchId: branch._id, date, releaseAt, late: date !== today });
    }
  }
  return due.sort((a, b) => a.releaseAt - b.releaseAt || (a.branchId < b.branchId ? -1 : a.branchId > b.branchId ? 1 : 0));
}
