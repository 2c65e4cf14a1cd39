import type { LessonsInput, LessonsOutput, MonthDayView } from '../../../src/domain/api/lessons';
import { assertPlanDate, planBulk, planChange, type PlanChoice, type ResolvedDay } from '../../../src/domain/lesson/calendar';
import { addDays, daysBetween, monthDates } from '../../../src/domain/lesson/dates';
import type { PlanScope } from '../../../src/domain/lesson/lesson';
import { assertPlannable } from '../../../src/domain/lesson/library';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { canPlan, canViewPlan } from '../../../src/domain/lesson/policies';
import { branchClock, studyDateAt } from '../../../src/domain/lesson/release';
import type { Actor, Branch } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { branchDays, centralDays } from './days';
import { findByIds, getBranch, getLesson, lessonsOf, planOf, scan } from './load';
import { refreezeDay } from './release';
import { monthDayOf, titlesOf } from './views';

/**
 * The calendar: the committee's central plan and branch overrides (branch > central > none). Only
 * today and later can be planned; a branch's released days show what was released. Changing today
 * after it was released re-freezes today's release record, so members see the change at once.
 */

/** The branch planned (archived branches cannot be), its zone's today, and whether the caller may plan it. */
async function planTarget(ctx: FunctionContext, branchId: string | null): Promise<{ branch: Branch | null; today: string }> {
  const branch = branchId ? await getBranch(ctx, branchId) : null;
  return { branch, today: studyDateAt(ctx.now(), branchClock(branch ?? {}).timeZone) };
}

const editableOn = (actor: Actor, scope: PlanScope, branchId: string | null, date: string, today: string): boolean =>
  canPlan(actor, scope, branchId) && date >= today && daysBetween(today, date) <= LESSON_LIMITS.planMaxDaysAhead;

async function viewDays(ctx: FunctionContext, actor: Actor, branch: Branch | null, dates: string[], today: string): Promise<MonthDayView[]> {
  const days: ResolvedDay[] = branch ? [...(await branchDays(ctx, branch._id, dates)).values()] : await centralDays(ctx, dates);
  const titles = await titlesOf(ctx, days.flatMap((d) => [d.lessonId, d.centralLessonId]));
  const scope: PlanScope = branch ? 'branch' : 'central';
  return days.map((d) => monthDayOf(d, titles, editableOn(actor, scope, branch?._id ?? null, d.date, today)));
}

export async function month(input: LessonsInput<'plan.month'>, ctx: FunctionContext): Promise<LessonsOutput['plan.month']> {
  const { actor } = await requireActor(ctx);
  const branchId = input.branchId ?? null;
  authorise(canViewPlan(actor, branchId));
  const { branch, today } = await planTarget(ctx, branchId);
  return { month: input.month, branchId, today, days: await viewDays(ctx, actor, branch, monthDates(input.month), today) };
}

/** Applies one day's change to the stored plan and re-freezes today's released records when it was today. */
async function setDay(ctx: FunctionContext, actor: Actor, scope: PlanScope, branchId: string | null, date: string, today: string, choice: PlanChoice): Promise<void> {
  const change = planChange(scope, branchId, date, choice, { by: actor.memberId, now: ctx.now() });
  if (change.op === 'put') await planOf(ctx).put(change.entry);
  else await planOf(ctx).remove({ _id: change.id });
  if (date === today) await refreezeDay(ctx, date, branchId ? [branchId] : null);
}

async function assertBranchOpen(branch: Branch | null): Promise<void> {
  if (branch && branch.status !== 'active') throw new AppError('BRANCH_ARCHIVED');
}

export async function set(input: LessonsInput<'plan.set'>, ctx: FunctionContext): Promise<LessonsOutput['plan.set']> {
  const { actor } = await requireActor(ctx);
  const branchId = input.scope === 'branch' ? (input.branchId ?? null) : null;
  authorise(canPlan(actor, input.scope, branchId));
  const { branch, today } = await planTarget(ctx, branchId);
  await assertBranchOpen(branch);
  assertPlanDate(input.date, today);
  if (input.lessonId !== null) assertPlannable(await getLesson(ctx, input.lessonId), input.scope, branchId);
  await setDay(ctx, actor, input.scope, branchId, input.date, today, { lessonId: input.lessonId });
  return (await viewDays(ctx, actor, branch, [input.date], today))[0];
}

/** A branch day back to the central plan. */
export async function clear(input: LessonsInput<'plan.clear'>, ctx: FunctionContext): Promise<LessonsOutput['plan.clear']> {
  const { actor } = await requireActor(ctx);
  authorise(canPlan(actor, 'branch', input.branchId));
  const { branch, today } = await planTarget(ctx, input.branchId);
  await assertBranchOpen(branch);
  assertPlanDate(input.date, today);
  await setDay(ctx, actor, 'branch', input.branchId, input.date, today, { inherit: true });
  return (await viewDays(ctx, actor, branch, [input.date], today))[0];
}

/** N lessons on consecutive weekdays (or days) from `start`, skipping (or replacing) planned dates. */
export async function bulk(input: LessonsInput<'plan.bulk'>, ctx: FunctionContext): Promise<LessonsOutput['plan.bulk']> {
  const { actor } = await requireActor(ctx);
  const branchId = input.scope === 'branch' ? (input.branchId ?? null) : null;
  authorise(canPlan(actor, input.scope, branchId));
  const { branch, today } = await planTarget(ctx, branchId);
  await assertBranchOpen(branch);
  assertPlanDate(input.start, today);
  const lessons = await findByIds(lessonsOf(ctx), input.lessonIds, ['status', 'branchId']);
  const byId = new Map(lessons.map((l) => [l._id, l]));
  for (const id of input.lessonIds) {
    const lesson = byId.get(id);
    if (!lesson) throw new AppError('NOT_FOUND', '微党课不存在');
    assertPlannable(lesson, input.scope, branchId);
  }
  const lastAllowed = addDays(today, LESSON_LIMITS.planMaxDaysAhead);
  const spanEnd = addDays(input.start, LESSON_LIMITS.bulkMaxSpanDays);
  const until = spanEnd < lastAllowed ? spanEnd : lastAllowed;
  const existing = await scan(planOf(ctx), { scope: input.scope, branchId, date: { $gte: input.start, $lte: until } }, ['date']);
  const result = planBulk({ lessonIds: input.lessonIds, start: input.start, days: input.days, occupied: existing.map((e) => e.date), overwrite: input.overwrite ?? false, until });
  for (const a of result.assignments) {
    const change = planChange(input.scope, branchId, a.date, { lessonId: a.lessonId }, { by: actor.memberId, now: ctx.now() });
    if (change.op === 'put') await planOf(ctx).put(change.entry);
  }
  if (result.assignments.some((a) => a.date === today)) await refreezeDay(ctx, today, branchId ? [branchId] : null);
  return result;
}
