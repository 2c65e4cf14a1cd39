import { planEntryId, resolveDay } from '../../../src/domain/lesson/calendar';
import type { LessonRelease, PlanEntry } from '../../../src/domain/lesson/lesson';
import { dueReleases, releaseKey, type DueRelease } from '../../../src/domain/lesson/release';
import type { Branch } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { branchesOf, chunk, findByIds, membersOf, planOf, releasesOf, scan } from './load';

/**
 * Releasing a branch's day freezes it: one `lessonReleases` document, `_id` = releaseKey
 * (`release:<branchId>:<date>`), holding the lesson the day resolved to at release time (branch
 * override > central plan > none) and the members expected to study it (the branch's active roster
 * then). From then on `today`, catch-up and the statistics read that record, so a later change to the
 * central plan or the roster does not rewrite history; before it exists (the timer is late) they
 * resolve the plan themselves, so members never wait for the scheduler.
 *
 * Exactly once: the document is written with `insert`, and a DuplicateKeyError (reported by
 * insertMany as a duplicate) means another run already released that day. A tick that fires twice
 * writes nothing new; one that fires late catches up the last 7 days (`dueReleases`).
 *
 * Today's plan may still be changed explicitly after release (plan.set / plan.clear / plan.bulk on
 * today): that re-freezes today's record (`refreezeDay`). Past days cannot be planned, so they stay.
 */

export interface LessonReleaseReport {
  /** Branch-days owed at this tick (not yet recorded when the tick started). */
  due: number;
  /** Records this tick wrote. */
  released: number;
  /** Owed, but another run wrote them first. */
  alreadyReleased: number;
  /** Released days that were already over for their branch (the timer was more than a day late). */
  late: number;
}

const BRANCH_CHUNK = 200;
const INSERT_CHUNK = 100;

const BRANCH_FIELDS = ['status', 'releaseTime', 'timeZone', 'createdAt'];

/** Active members' ids per branch, read once for all the given branches (ids and branch only). */
async function rosterIds(ctx: FunctionContext, branchIds: ReadonlyArray<string>): Promise<Map<string, string[]>> {
  const byBranch = new Map<string, string[]>(branchIds.map((b) => [b, []]));
  for (const part of chunk([...new Set(branchIds)], BRANCH_CHUNK)) {
    const members = await scan(membersOf(ctx), { status: 'active', branchId: { $in: part } }, ['branchId']);
    for (const m of members) byBranch.get(m.branchId as string)?.push(m._id);
  }
  for (const ids of byBranch.values()) ids.sort();
  return byBranch;
}

/** The frozen records for these branch-days, resolved from the plan and the roster as they are now. */
async function buildReleases(ctx: FunctionContext, due: ReadonlyArray<Pick<DueRelease, 'key' | 'branchId' | 'date' | 'releaseAt'>>, now: number): Promise<LessonRelease[]> {
  const planIds = due.flatMap((d) => [planEntryId('central', null, d.date), planEntryId('branch', d.branchId, d.date)]);
  const [entries, roster] = await Promise.all([findByIds(planOf(ctx), planIds), rosterIds(ctx, due.map((d) => d.branchId))]);
  const byId = new Map<string, PlanEntry>(entries.map((e) => [e._id, e]));
  return due.map((d) => {
    const day = resolveDay(d.date, byId.get(planEntryId('central', null, d.date)), byId.get(planEntryId('branch', d.branchId, d.date)));
    return {
      _id: d.key,
      branchId: d.branchId,
      date: d.date,
      lessonId: day.lessonId,
      source: day.source,
      releaseAt: d.releaseAt,
      releasedAt: now,
      memberIds: roster.get(d.branchId) ?? [],
    };
  });
}

/** Inserts records; each lands once (`_id` = key), duplicates are other runs' work. */
async function insertReleases(ctx: FunctionContext, docs: LessonRelease[]): Promise<{ inserted: number; duplicates: string[] }> {
  let inserted = 0;
  const duplicates: string[] = [];
  for (const part of chunk(docs, INSERT_CHUNK)) {
    const result = await releasesOf(ctx).insertMany(part);
    inserted += result.inserted;
    duplicates.push(...result.duplicates);
  }
  return { inserted, duplicates };
}

/**
 * The scheduler's part: every branch-day whose release time has come in the last 7 days and has no
 * record yet. Cheap when nothing is due: the active branches, then the candidate keys by id.
 */
export async function releaseDueLessons(ctx: FunctionContext): Promise<LessonReleaseReport> {
  const now = ctx.now();
  const branches = await scan(branchesOf(ctx), { status: 'active' }, BRANCH_FIELDS);
  const candidates = dueReleases(branches, now, []);
  if (candidates.length === 0) return { due: 0, released: 0, alreadyReleased: 0, late: 0 };
  const recorded = new Set((await findByIds(releasesOf(ctx), candidates.map((c) => c.key), ['_id'])).map((r) => r._id));
  const due = candidates.filter((c) => !recorded.has(c.key));
  if (due.length === 0) return { due: 0, released: 0, alreadyReleased: 0, late: 0 };
  const { inserted, duplicates } = await insertReleases(ctx, await buildReleases(ctx, due, now));
  const lost = new Set(duplicates);
  return { due: due.length, released: inserted, alreadyReleased: duplicates.length, late: due.filter((d) => d.late && !lost.has(d.key)).length };
}

/**
 * The branch's record for a day that is open (released by time), written now if the scheduler has not
 * yet: used where the frozen list of expected members matters (reminders).
 */
export async function ensureRelease(ctx: FunctionContext, branch: Pick<Branch, '_id'>, date: string, releaseAt: number): Promise<LessonRelease> {
  const key = releaseKey(branch._id, date);
  const existing = await releasesOf(ctx).get(key);
  if (existing) return existing;
  await insertReleases(ctx, await buildReleases(ctx, [{ key, branchId: branch._id, date, releaseAt }], ctx.now()));
  return (await releasesOf(ctx).get(key))!;
}

/**
 * After today's plan changed: re-resolve today's records already written (for the given branches, or
 * every branch when the central plan changed), keeping their expected members. Returns how many changed.
 */
export async function refreezeDay(ctx: FunctionContext, date: string, branchIds: ReadonlyArray<string> | null): Promise<number> {
  const records = branchIds
    ? await findByIds(releasesOf(ctx), branchIds.map((b) => releaseKey(b, date)))
    : await scan(releasesOf(ctx), { date }, ['branchId', 'date', 'lessonId', 'source']);
  if (records.length === 0) return 0;
  const entries = await findByIds(planOf(ctx), [planEntryId('central', null, date), ...records.map((r) => planEntryId('branch', r.branchId, date))]);
  const byId = new Map(entries.map((e) => [e._id, e]));
  let changed = 0;
  for (const r of records) {
    const day = resolveDay(date, byId.get(planEntryId('central', null, date)), byId.get(planEntryId('branch', r.branchId, date)));
    if (day.lessonId === r.lessonId && day.source === r.source) continue;
    await releasesOf(ctx).updateById(r._id, { $set: { lessonId: day.lessonId, source: day.source } });
    changed++;
  }
  return changed;
}
