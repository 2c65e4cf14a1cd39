import { addDays, dateRange } from '../../../src/domain/lesson/dates';
import { catchUpItems, catchUpWindow } from '../../../src/domain/lesson/catchup';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { branchClock, studyDateAt, todayOf } from '../../../src/domain/lesson/release';
import type { Actor, Branch, Member } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import type { BranchDay } from './days';
import { branchesOf, progressOf } from './load';

/**
 * The studying member: identity from the platform only, their branch's clock, and today. Every
 * member-facing action starts here; progress is always keyed by `actor.memberId`, never by a field
 * of the request (the input schemas have none).
 */
export interface Learner {
  actor: Actor;
  member: Member;
  /** Null for members without an active branch (committee admins): no daily lesson. */
  branch: Branch | null;
  tz: string;
  now: number;
  today: { date: string; releaseAt: number; released: boolean };
}

export async function requireLearner(ctx: FunctionContext): Promise<Learner> {
  const { actor, member } = await requireActor(ctx);
  return learnerFor(ctx, actor, member);
}

/** The learner for an already identified caller: reads their branch. */
export async function learnerFor(ctx: FunctionContext, actor: Actor, member: Member): Promise<Learner> {
  const found = actor.branchId ? await branchesOf(ctx).get(actor.branchId) : null;
  const branch = found && found.status === 'active' ? found : null;
  const now = ctx.now();
  return { actor, member, branch, tz: branchClock(branch ?? {}).timeZone, now, today: todayOf(branch ?? {}, now) };
}

/** The member's completed lessons, newest first (projected; one read covers about four years of daily study). */
export async function completionsOf(ctx: FunctionContext, memberId: string) {
  return progressOf(ctx).find(
    { memberId, completedAt: { $gt: 0 } },
    { orderBy: [['completedAt', 'desc']], limit: 1000, fields: ['lessonId', 'completedAt', 'completedDate'] },
  );
}

/** The dates `today` and catch-up look at: the catch-up window and today. */
export const studyWindow = (today: string): string[] => dateRange(catchUpWindow(today).from, today);

/** The first day a member owes lessons: the day they bound their WeChat (or joined the roster), in the branch's zone. */
export const memberSince = (member: Member, tz: string): string => studyDateAt(member.boundAt ?? member.createdAt, tz);

/**
 * Catch-up items for the member from the branch's days: a released day counts only if the member was
 * among its expected members; days before they bound are not owed.
 */
export function catchUpFor(l: Learner, days: Map<string, BranchDay>, completed: ReadonlySet<string>): Array<{ date: string; lessonId: string }> {
  const owed = [...days.values()].filter((d) => !d.release || d.release.memberIds.includes(l.actor.memberId));
  return catchUpItems(owed, completed, l.today.date, memberSince(l.member, l.tz));
}

/**
 * The most recent open day in the window (today once released, then backwards) on which the branch
 * had this lesson; today before release only when no open day had it (so the caller says “not yet open”).
 */
export function offeredDate(l: Learner, days: Map<string, BranchDay>, lessonId: string): string | null {
  let unreleasedToday: string | null = null;
  for (let back = 0; back <= LESSON_LIMITS.catchUpDays; back++) {
    const date = addDays(l.today.date, -back);
    if (days.get(date)?.lessonId !== lessonId) continue;
    if (back === 0 && !l.today.released) unreleasedToday = date;
    else return date;
  }
  return unreleasedToday;
}
