import { AppError } from '../shared/errors';
import { addDays, daysBetween, isWeekday, monthDates } from './dates';
import type { PlanEntry, PlanScope, PlanSource } from './lesson';
import { LESSON_LIMITS } from './limits';

/**
 * The lesson calendar: a central plan the committee sets for every branch (one lesson per date) and
 * branch overrides (swap a day's lesson, add the branch's own, or “no lesson that day”).
 * Resolution: branch override > central plan > none.
 */

/** One entry per scope, branch and date, so setting a day twice replaces instead of duplicating. */
export const planEntryId = (scope: PlanScope, branchId: string | null, date: string): string =>
  scope === 'central' ? `plan:central:${date}` : `plan:${branchId}:${date}`;

type EntryLike = Pick<PlanEntry, 'date' | 'lessonId'>;

export type ResolvedDay = {
  date: string;
  /** The lesson members of the branch study that day; null when none. */
  lessonId: string | null;
  source: PlanSource;
  /** True when the branch override says “no lesson that day”. */
  off: boolean;
  /** What the central plan has that day, so a branch view can show what it overrides. */
  centralLessonId: string | null;
};

/** A branch's lesson for one date. Pass null/undefined for a missing entry. */
export function resolveDay(date: string, central: EntryLike | null | undefined, override: EntryLike | null | undefined): ResolvedDay {
  const centralLessonId = central?.lessonId ?? null;
  if (override) {
    return { date, lessonId: override.lessonId, source: 'branch', off: override.lessonId === null, centralLessonId };
  }
  if (centralLessonId !== null) return { date, lessonId: centralLessonId, source: 'central', off: false, centralLessonId };
  return { date, lessonId: null, source: 'none', off: false, centralLessonId: null };
}

const byDate = <E extends EntryLike>(entries: ReadonlyArray<E>): Map<string, E> => new Map(entries.map((e) => [e.date, e]));

/**
 * The resolved days for the given dates. `branchEntries` are one branch's overrides; pass an empty
 * list for the central plan on its own.
 */
export function resolveDays(dates: ReadonlyArray<string>, centralEntries: ReadonlyArray<EntryLike>, branchEntries: ReadonlyArray<EntryLike>): ResolvedDay[] {
  const central = byDate(centralEntries);
  const branch = byDate(branchEntries);
  return dates.map((d) => resolveDay(d, central.get(d), branch.get(d)));
}

/** Month view: every day of `YYYY-MM`, resolved for a branch (or the central plan alone when `branchEntries` is empty). */
export const monthView = (month: string, centralEntries: ReadonlyArray<EntryLike>, branchEntries: ReadonlyArray<EntryLike> = []): ResolvedDay[] =>
  resolveDays(monthDates(month), centralEntries, branchEntries);

/** Plans change today and the future only (history stays as released), up to a year ahead. */
export function assertPlanDate(date: string, today: string): void {
  const ahead = daysBetween(today, date);
  if (ahead < 0) throw new AppError('PLAN_DATE_PAST');
  if (ahead > LESSON_LIMITS.planMaxDaysAhead) throw new AppError('PLAN_DATE_TOO_FAR');
}

/** Setting a day: a lesson, null (“no lesson”; for the central plan: nothing planned), or back to the central plan. */
export type PlanChoice = { lessonId: string | null } | { inherit: true };

/**
 * What setting a day means for the stored entries: `put` an entry or `remove` it.
 * Central: a lesson puts, null removes (the central plan has no “off” days). Branch: a lesson or
 * null (“no lesson that day”) puts; `inherit` removes the override so the central plan applies again.
 */
export function planChange(
  scope: PlanScope,
  branchId: string | null,
  date: string,
  choice: PlanChoice,
  meta: { by: string; now: number },
): { op: 'put'; entry: PlanEntry } | { op: 'remove'; id: string } {
  if (scope === 'branch' && !branchId) throw new AppError('BAD_REQUEST', '请选择支部');
  const id = planEntryId(scope, branchId, date);
  if ('inherit' in choice || (scope === 'central' && choice.lessonId === null)) return { op: 'remove', id };
  return { op: 'put', entry: { _id: id, scope, branchId: scope === 'central' ? null : branchId, date, lessonId: choice.lessonId, setBy: meta.by, setAt: meta.now } };
}

export type BulkPlanInput = {
  /** Lessons in order, one per planned date. */
  lessonIds: ReadonlyArray<string>;
  start: string;
  /** `weekdays`: Monday–Friday (statutory holidays are not known; adjust those days by hand). */
  days: 'weekdays' | 'daily';
  /** Dates that already have an entry in the target plan (for a branch: its own overrides). */
  occupied: Iterable<string>;
  /** Replace existing entries instead of skipping their dates. */
  overwrite: boolean;
  /** The last date that may be planned (inclusive); defaults to a year after start. */
  until?: string;
};

export type BulkPlanResult = {
  assignments: Array<{ date: string; lessonId: string }>;
  /** Dates passed over because they already had an entry. */
  skipped: string[];
  /** Lessons that found no date before `until`. */
  unplaced: string[];
};

/** Lays N lessons on consecutive weekdays (or every day) from `start`, one lesson per date. */
export function planBulk(input: BulkPlanInput): BulkPlanResult {
  const occupied = new Set(input.occupied);
  const until = input.until ?? addDays(input.start, LESSON_LIMITS.bulkMaxSpanDays);
  const assignments: BulkPlanResult['assignments'] = [];
  const skipped: string[] = [];
  let date = input.start;
  let next = 0;
  while (next < input.lessonIds.length && date <= until) {
    if (input.days === 'daily' || isWeekday(date)) {
      if (!input.overwrite && occupied.has(date)) skipped.push(date);
      else assignments.push({ date, lessonId: input.lessonIds[next++] });
    }
    date = addDays(date, 1);
  }
  return { assignments, skipped, unplaced: input.lessonIds.slice(next) };
}

/** The dates from `today` on where a lesson is planned (for the archive check). */
export const plannedDatesFrom = (entries: ReadonlyArray<EntryLike>, lessonId: string, today: string): string[] =>
  entries.filter((e) => e.lessonId === lessonId && e.date >= today).map((e) => e.date).sort();
