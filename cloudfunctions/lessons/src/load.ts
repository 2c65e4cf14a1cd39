import type { Lesson, LessonProgress, LessonRelease, LessonReminder, PlanEntry } from '../../../src/domain/lesson/lesson';
import type { Branch, Member, PartyGroup } from '../../../src/domain/org/types';
import type { StudyShape } from '../../../src/domain/lesson/study-shape';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import type { Collection, Doc, Filter } from '../../_runtime/storage/port';

/**
 * Collections of the lessons function and the few reads every area shares. Ids are deterministic
 * where the domain defines them (planEntryId, releaseKey, progressId), so most reads are by id.
 */

/**
 * Progress as stored: `rev` counts writes, so a save can be conditional on what it read (see study.ts);
 * `shape` is what a save needs of the lesson (locked once started), copied on open, so saves read no lesson.
 * Progress written before the copy existed gets it with its next save.
 */
export type StoredProgress = LessonProgress & { rev: number; shape?: StudyShape };

/** A reminder batch as stored: `seq` (n-th of the day) is in the id, so a double tap collides; `memberIds` is who was reminded. */
export type StoredReminder = LessonReminder & { seq: number; memberIds: string[] };

export const lessonsOf = (ctx: FunctionContext) => ctx.storage.collection<Lesson>('lessons');
export const planOf = (ctx: FunctionContext) => ctx.storage.collection<PlanEntry>('lessonPlan');
export const releasesOf = (ctx: FunctionContext) => ctx.storage.collection<LessonRelease>('lessonReleases');
export const progressOf = (ctx: FunctionContext) => ctx.storage.collection<StoredProgress>('lessonProgress');
export const remindersOf = (ctx: FunctionContext) => ctx.storage.collection<StoredReminder>('lessonReminders');
export const branchesOf = (ctx: FunctionContext) => ctx.storage.collection<Branch>('branches');
export const membersOf = (ctx: FunctionContext) => ctx.storage.collection<Member>('members');
export const groupsOf = (ctx: FunctionContext) => ctx.storage.collection<PartyGroup>('partyGroups');

export async function getLesson(ctx: FunctionContext, lessonId: string): Promise<Lesson> {
  const lesson = await lessonsOf(ctx).get(lessonId);
  if (!lesson) throw new AppError('NOT_FOUND', '微党课不存在');
  return lesson;
}

export async function getBranch(ctx: FunctionContext, branchId: string): Promise<Branch> {
  const branch = await branchesOf(ctx).get(branchId);
  if (!branch) throw new AppError('NOT_FOUND', '支部不存在');
  return branch;
}

/** `$in` lists are sent in chunks of this size (CloudBase answers at most 1,000 documents per request). */
const IN_CHUNK = 500;
const PAGE = 1000;

const chunk = <T>(items: ReadonlyArray<T>, size = IN_CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Documents by id, in chunks, optionally projected; missing ids are simply absent. One read per 500 ids. */
export async function findByIds<T extends Doc>(coll: Collection<T>, ids: ReadonlyArray<string>, fields?: string[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  const parts = await Promise.all(chunk(unique).map((part) => coll.find({ _id: { $in: part } }, { limit: PAGE, ...(fields ? { fields } : {}) })));
  return parts.flat();
}

/** Every match, paged by `_id` (1,000 per read), with a projection: `findAll` without the unneeded fields. */
export async function scan<T extends Doc>(coll: Collection<T>, filter: Filter, fields?: string[]): Promise<T[]> {
  const out: T[] = [];
  let last: string | null = null;
  for (;;) {
    const page: T[] = await coll.find(last === null ? filter : { $and: [filter, { _id: { $gt: last } }] }, {
      orderBy: [['_id', 'asc']],
      limit: PAGE,
      ...(fields ? { fields } : {}),
    });
    out.push(...page);
    if (page.length < PAGE) return out;
    last = page[page.length - 1]._id;
  }
}

/** The branch's active members, or their ids only (projected). */
export const activeRoster = (ctx: FunctionContext, branchId: string): Promise<Member[]> => scan(membersOf(ctx), { branchId, status: 'active' });

export { chunk };
