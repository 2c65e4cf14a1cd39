import { planEntryId, resolveDays, type ResolvedDay } from '../../../src/domain/lesson/calendar';
import type { LessonRelease, PlanEntry } from '../../../src/domain/lesson/lesson';
import { releaseKey } from '../../../src/domain/lesson/release';
import type { FunctionContext } from '../../_runtime/context';
import { findByIds, planOf, releasesOf } from './load';

/**
 * A branch's day as everyone reads it: once released, the frozen release record (so plan edits made
 * later do not rewrite history); before that, or while the scheduler is late, the plan resolved now.
 */
export type BranchDay = ResolvedDay & { release: LessonRelease | null };

export function frozenDay(resolved: ResolvedDay, release: LessonRelease | null): BranchDay {
  if (!release) return { ...resolved, release: null };
  return {
    date: resolved.date,
    lessonId: release.lessonId,
    source: release.source,
    off: release.source === 'branch' && release.lessonId === null,
    centralLessonId: resolved.centralLessonId,
    release,
  };
}

const split = (entries: PlanEntry[]) => ({
  central: entries.filter((e) => e.scope === 'central'),
  own: entries.filter((e) => e.scope === 'branch'),
});

/** The branch's days for the given dates, by date: two reads by id (plan entries, releases), whatever the number of dates. */
export async function branchDays(ctx: FunctionContext, branchId: string, dates: ReadonlyArray<string>): Promise<Map<string, BranchDay>> {
  const planIds = dates.flatMap((d) => [planEntryId('central', null, d), planEntryId('branch', branchId, d)]);
  const [entries, releases] = await Promise.all([
    findByIds(planOf(ctx), planIds),
    findByIds(releasesOf(ctx), dates.map((d) => releaseKey(branchId, d))),
  ]);
  const { central, own } = split(entries);
  const byDate = new Map(releases.map((r) => [r.date, r]));
  return new Map(resolveDays(dates, central, own).map((d) => [d.date, frozenDay(d, byDate.get(d.date) ?? null)]));
}

/** The central plan's days (no branch, nothing released). */
export async function centralDays(ctx: FunctionContext, dates: ReadonlyArray<string>): Promise<ResolvedDay[]> {
  const entries = await findByIds(planOf(ctx), dates.map((d) => planEntryId('central', null, d)));
  return resolveDays(dates, entries, []);
}
