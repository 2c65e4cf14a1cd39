import type { LessonsInput, LessonsOutput } from '../../../src/domain/api/lessons';
import { planEntryId, resolveDay } from '../../../src/domain/lesson/calendar';
import { progressId } from '../../../src/domain/lesson/lesson';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { canViewBranchLessonStats, canViewCommitteeLessonStats, canViewLessonStats } from '../../../src/domain/lesson/policies';
import { branchClock, isReleased, studyDateAt, todayOf } from '../../../src/domain/lesson/release';
import { lessonRemindAvailableAt } from '../../../src/domain/lesson/remind';
import {
  branchDayStats,
  committeeMatrix,
  completionIndex,
  dailyRates,
  lessonStats,
  rateSummary,
  trendDates,
  type BranchDayStats,
  type ExpectedDay,
} from '../../../src/domain/lesson/stats';
import { isCommitteeAdmin } from '../../../src/domain/org/policies';
import type { Branch, Member } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { branchDays, type BranchDay } from './days';
import { activeRoster, branchesOf, chunk, findByIds, getBranch, getLesson, groupsOf, membersOf, planOf, progressOf, releasesOf, remindersOf, scan } from './load';
import { titlesOf } from './views';

/**
 * Follow-up for the secretary (a branch's day: x / y and who has not studied, by party group; 7/30-day
 * trends), per-lesson results with question correctness, and the committee's matrix of completion by
 * branch by day. Released days count the members frozen in the release record; open days the
 * scheduler has not recorded yet count the roster now. Completion counts whenever it happened up to now.
 */

const PROGRESS_FIELDS = ['lessonId', 'memberId', 'completedAt', 'percent'];

/** Whether a branch's day has opened and the branch existed then (days before are not owed). */
export function isOpenDay(branch: Branch, date: string, now: number): boolean {
  return isReleased(date, branch, now) && date >= studyDateAt(branch.createdAt, branchClock(branch).timeZone);
}

/** A day's lesson and expected members: frozen when released, the roster now when open but unrecorded, nobody otherwise. */
function expectedOf(branch: Branch, day: BranchDay, now: number, rosterIds: ReadonlyArray<string>): ExpectedDay {
  if (day.release) return { date: day.date, lessonId: day.release.lessonId, memberIds: day.release.memberIds };
  if (isOpenDay(branch, day.date, now)) return { date: day.date, lessonId: day.lessonId, memberIds: rosterIds };
  return { date: day.date, lessonId: null, memberIds: [] };
}

/** Completion of the given (lesson, member) pairs, by id (one read per 500 pairs). */
async function progressOfPairs(ctx: FunctionContext, days: ReadonlyArray<ExpectedDay>) {
  const ids = days.flatMap((d) => (d.lessonId ? d.memberIds.map((m) => progressId(d.lessonId!, m)) : []));
  return findByIds(progressOf(ctx), ids, PROGRESS_FIELDS);
}

const statsMember = (m: Member) => ({ _id: m._id, name: m.name, partyGroupId: m.partyGroupId, bound: m.openid !== null });

/** Of these members, who has never bound WeChat (as of now): they are kept out of rates, shown apart. */
async function unboundOf(ctx: FunctionContext, memberIds: ReadonlyArray<string>): Promise<Set<string>> {
  const rows = await findByIds(membersOf(ctx), memberIds, ['openid']);
  return new Set(rows.filter((m) => !m.openid).map((m) => m._id));
}

export async function branchDay(input: LessonsInput<'stats.branchDay'>, ctx: FunctionContext): Promise<LessonsOutput['stats.branchDay']> {
  const { actor } = await requireActor(ctx);
  authorise(canViewBranchLessonStats(actor, input.branchId));
  const branch = await getBranch(ctx, input.branchId);
  const now = ctx.now();
  const today = todayOf(branch, now).date;
  const date = input.date ?? today;
  const day = (await branchDays(ctx, branch._id, [date])).get(date)!;
  const [members, groups, latest] = await Promise.all([
    day.release ? findByIds(membersOf(ctx), day.release.memberIds) : activeRoster(ctx, branch._id),
    groupsOf(ctx).find({ branchId: branch._id, status: 'active' }, { limit: 1000 }),
    date === today ? remindersOf(ctx).find({ branchId: branch._id, date }, { orderBy: [['at', 'desc']], limit: 1, fields: ['at'] }) : Promise.resolve([]),
  ]);
  const progress = day.lessonId ? await findByIds(progressOf(ctx), members.map((m) => progressId(day.lessonId!, m._id)), PROGRESS_FIELDS) : [];
  const stats = branchDayStats({
    date,
    lessonId: day.lessonId,
    members: members.map(statsMember),
    groups: groups.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((g) => ({ _id: g._id, name: g.name })),
    progress,
    asOf: now,
  });
  const titles = await titlesOf(ctx, [day.lessonId]);
  return {
    ...stats,
    lessonTitle: day.lessonId ? (titles.get(day.lessonId)?.title ?? null) : null,
    released: isReleased(date, branch, now),
    remindAvailableAt: date === today ? lessonRemindAvailableAt(latest[0]?.at ?? null, now) : null,
  };
}

export async function branchTrend(input: LessonsInput<'stats.branchTrend'>, ctx: FunctionContext): Promise<LessonsOutput['stats.branchTrend']> {
  const { actor } = await requireActor(ctx);
  authorise(canViewBranchLessonStats(actor, input.branchId));
  const branch = await getBranch(ctx, input.branchId);
  const now = ctx.now();
  const dates = trendDates(todayOf(branch, now).date, input.days);
  const days = [...(await branchDays(ctx, branch._id, dates)).values()];
  const needsRoster = days.some((d) => !d.release && isOpenDay(branch, d.date, now));
  const rosterIds = needsRoster ? (await activeRoster(ctx, branch._id)).map((m) => m._id) : [];
  const expected = days.map((d) => expectedOf(branch, d, now, rosterIds));
  const [progress, unbound] = await Promise.all([progressOfPairs(ctx, expected), unboundOf(ctx, expected.flatMap((d) => d.memberIds))]);
  const rates = dailyRates(expected, completionIndex(progress, now), unbound);
  const titles = await titlesOf(ctx, rates.map((r) => r.lessonId));
  return {
    branchId: branch._id,
    days: rates.map((r) => ({ ...r, title: r.lessonId ? (titles.get(r.lessonId)?.title ?? null) : null })),
    summary: rateSummary(rates),
  };
}

/** One lesson: completion and first-attempt correctness per question, for a branch or (committee) everyone. */
export async function lesson(input: LessonsInput<'stats.lesson'>, ctx: FunctionContext): Promise<LessonsOutput['stats.lesson']> {
  const { actor } = await requireActor(ctx);
  const target = await getLesson(ctx, input.lessonId);
  const branchId = input.branchId ?? (isCommitteeAdmin(actor) ? null : actor.branchId);
  authorise(canViewLessonStats(actor, target, branchId));
  const progress = await scan(progressOf(ctx), branchId ? { lessonId: target._id, branchId } : { lessonId: target._id }, ['lessonId', 'completedAt', 'check']);
  return { ...lessonStats(target, progress), title: target.title, branchId };
}

/** Completion by branch by day for the committee (branches by name; no ranking). */
export async function committee(input: LessonsInput<'stats.committee'>, ctx: FunctionContext): Promise<LessonsOutput['stats.committee']> {
  const { actor } = await requireActor(ctx);
  authorise(canViewCommitteeLessonStats(actor));
  const now = ctx.now();
  const dates = trendDates(studyDateAt(now, LESSON_LIMITS.defaultTimeZone), input.days);
  const range = { $gte: dates[0], $lte: dates[dates.length - 1] };
  const [branches, releases] = await Promise.all([
    scan(branchesOf(ctx), { status: 'active' }),
    scan(releasesOf(ctx), { date: range }, ['branchId', 'date', 'lessonId', 'memberIds']),
  ]);
  branches.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const released = new Map(releases.map((r) => [`${r.branchId}:${r.date}`, r]));
  const unrecorded = branches.some((b) => dates.some((d) => !released.has(`${b._id}:${d}`) && isOpenDay(b, d, now)));
  const [entries, roster] = unrecorded
    ? await Promise.all([scan(planOf(ctx), { date: range }, ['scope', 'branchId', 'date', 'lessonId']), scan(membersOf(ctx), { status: 'active' }, ['branchId'])])
    : [[], []];
  const planById = new Map(entries.map((e) => [e._id, e]));
  const rosterOf = new Map<string, string[]>();
  for (const m of roster) if (m.branchId) rosterOf.set(m.branchId, [...(rosterOf.get(m.branchId) ?? []), m._id]);
  const rows = branches.map((b) => ({
    _id: b._id,
    name: b.name,
    days: dates.map((date): ExpectedDay => {
      const r = released.get(`${b._id}:${date}`);
      if (r) return { date, lessonId: r.lessonId, memberIds: r.memberIds };
      if (!isOpenDay(b, date, now)) return { date, lessonId: null, memberIds: [] };
      const day = resolveDay(date, planById.get(planEntryId('central', null, date)), planById.get(planEntryId('branch', b._id, date)));
      return { date, lessonId: day.lessonId, memberIds: rosterOf.get(b._id) ?? [] };
    }),
  }));
  const lessonIds = [...new Set(rows.flatMap((r) => r.days.map((d) => d.lessonId)).filter((id): id is string => id !== null))];
  const progress = (await Promise.all(chunk(lessonIds, 100).map((part) => scan(progressOf(ctx), { lessonId: { $in: part } }, ['lessonId', 'memberId', 'completedAt'])))).flat();
  const unbound = new Set((await scan(membersOf(ctx), { openid: null }, ['_id'])).map((m) => m._id));
  return committeeMatrix(dates, rows, completionIndex(progress, now), unbound);
}

/**
 * Names per day for the 7- and 30-day exports: each day's expected members as studied, not studied or
 * unbound, by party group; the same counting as `branchDay`, with one read of members and progress.
 */
export async function branchDaysWithNames(ctx: FunctionContext, branch: Branch, dates: string[]): Promise<BranchDayStats[]> {
  const now = ctx.now();
  const days = [...(await branchDays(ctx, branch._id, dates)).values()];
  const needsRoster = days.some((d) => !d.release && isOpenDay(branch, d.date, now));
  const roster = needsRoster ? await activeRoster(ctx, branch._id) : [];
  const expected = days.map((d) => expectedOf(branch, d, now, roster.map((m) => m._id)));
  const [members, groups, progress] = await Promise.all([
    findByIds(membersOf(ctx), expected.flatMap((d) => d.memberIds)),
    groupsOf(ctx).find({ branchId: branch._id, status: 'active' }, { limit: 1000 }),
    progressOfPairs(ctx, expected),
  ]);
  const byId = new Map(members.map((m) => [m._id, m]));
  const sortedGroups = groups.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((g) => ({ _id: g._id, name: g.name }));
  return expected.map((d) =>
    branchDayStats({
      date: d.date,
      lessonId: d.lessonId,
      members: d.memberIds.map((id) => byId.get(id)).filter((m): m is Member => m !== undefined).map(statsMember),
      groups: sortedGroups,
      progress,
      asOf: now,
    }),
  );
}
