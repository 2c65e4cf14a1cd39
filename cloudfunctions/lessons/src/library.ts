import type { LessonsInput, LessonsOutput, LibraryItem } from '../../../src/domain/api/lessons';
import { plannedDatesFrom } from '../../../src/domain/lesson/calendar';
import type { Lesson, LessonContentInput } from '../../../src/domain/lesson/lesson';
import { applyLessonUpdate, archiveLesson, buildLesson } from '../../../src/domain/lesson/library';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { canBrowseLibrary, canEditLesson, canManageLibrary } from '../../../src/domain/lesson/policies';
import { studyDateAt } from '../../../src/domain/lesson/release';
import { isCommitteeAdmin } from '../../../src/domain/org/policies';
import type { Actor } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { createOnce, idForRequest } from '../../_runtime/idempotency';
import type { Filter } from '../../_runtime/storage/port';
import { getBranch, getLesson, lessonsOf, planOf } from './load';
import { assertFilesExist, fileIdsOf, toAdminView, toLibraryItem, urlMap } from './views';

/**
 * The lesson library: the committee's central lessons (branchId null) and each branch's own. Content
 * is validated by the domain (durations, chapters, questions) with its Chinese messages, every file it
 * references must exist in storage, and its text passes WeChat's content check before it is stored.
 */

/** The form's fields as the domain's content input. */
function contentOf(input: LessonsInput<'library.update'> | LessonsInput<'library.create'>): LessonContentInput {
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary ?? '',
    tags: input.tags ?? [],
    source: input.source ?? '',
    coverFileId: input.coverFileId ?? null,
    durationSec: input.durationSec ?? 0,
    chapters: input.chapters ?? [],
    body: input.body ?? [],
    questions: input.questions,
  };
}

/** Everything a member reads: title, summary, tags, source, chapter titles, article text, questions. */
const textOf = (l: Lesson): string =>
  [
    l.title,
    l.summary,
    l.tags.join(' '),
    l.source,
    ...l.chapters.map((c) => c.title),
    ...l.body.flatMap((b) => (b.type === 'img' ? [] : [b.text])),
    ...l.questions.flatMap((q) => [q.prompt, ...q.options, q.explanation]),
  ]
    .filter(Boolean)
    .join('\n');

async function assertTextAllowed(ctx: FunctionContext, text: string): Promise<void> {
  const result = await ctx.wechat.checkText({ openid: ctx.openid, text, scene: 3 });
  if (!result.pass) throw new AppError('CONTENT_FLAGGED', undefined, { label: result.label });
}

const LIST_FIELDS = ['kind', 'title', 'summary', 'tags', 'durationSec', 'chapters', 'coverFileId', 'branchId', 'status', 'createdByName', 'createdAt', 'updatedAt', 'startedAt'];

/** Which part of the library the caller asks for and may see. */
function scopeFilter(actor: Actor, input: LessonsInput<'library.list'>): Filter {
  const scope = input.scope ?? 'all';
  const central: Filter = { branchId: null };
  if (isCommitteeAdmin(actor)) {
    if (scope === 'central') return central;
    if (scope === 'branch') {
      if (!input.branchId) throw new AppError('BAD_REQUEST', '请选择支部');
      return { branchId: input.branchId };
    }
    return input.branchId ? { $or: [central, { branchId: input.branchId }] } : {};
  }
  const own = actor.branchId;
  authorise((actor.role === 'secretary' || actor.role === 'branch_committee') && own !== null);
  if (input.branchId && input.branchId !== own) authorise(false);
  if (scope === 'central') return central;
  if (scope === 'branch') return { branchId: own };
  return { $or: [central, { branchId: own }] };
}

const matchesQuery = (l: Lesson, q: string): boolean => {
  const needle = q.toLowerCase();
  return [l.title, l.summary, ...l.tags].some((s) => s.toLowerCase().includes(needle));
};

/** `<createdAt>:<_id>` of the last item of a page. */
function parseCursor(after: string | null | undefined): { createdAt: number; id: string } | null {
  if (!after) return null;
  const m = /^(\d{1,15}):(.+)$/.exec(after);
  if (!m) throw new AppError('BAD_REQUEST', '分页参数不正确');
  return { createdAt: Number(m[1]), id: m[2] };
}

/** A search scans at most this many lessons per call (title search cannot use an index). */
const SEARCH_SCAN_MAX = 2000;

/** Newest first, paged by (createdAt, _id); a text query filters each page as it is read. */
export async function list(input: LessonsInput<'library.list'>, ctx: FunctionContext): Promise<LessonsOutput['library.list']> {
  const { actor } = await requireActor(ctx);
  const parts: Filter[] = [scopeFilter(actor, input)];
  if (!input.includeArchived) parts.push({ status: 'active' });
  if (input.kind) parts.push({ kind: input.kind });
  if (input.tag) parts.push({ tags: input.tag });
  const limit = input.limit ?? LESSON_LIMITS.libraryPage;
  const query = input.query?.trim() ?? '';
  let cursor = parseCursor(input.after);
  const found: Lesson[] = [];
  let scanned = 0;
  let exhausted = false;
  while (found.length <= limit && !exhausted && scanned < SEARCH_SCAN_MAX) {
    const page = cursor ? [...parts, { $or: [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, _id: { $lt: cursor.id } }] }] : parts;
    const batch = await lessonsOf(ctx).find({ $and: page }, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], limit: limit + 1, fields: LIST_FIELDS });
    scanned += batch.length;
    exhausted = batch.length < limit + 1;
    for (const lesson of batch) {
      cursor = { createdAt: lesson.createdAt, id: lesson._id };
      if (canBrowseLibrary(actor, lesson) && (!query || matchesQuery(lesson, query))) found.push(lesson);
      if (found.length > limit) break;
    }
  }
  const items = found.slice(0, limit);
  const urls = await urlMap(ctx, items.flatMap((l) => (l.coverFileId ? [l.coverFileId] : [])));
  // More after this page: from its last item when the page is full, or from where a capped search stopped.
  const last = items[items.length - 1];
  const next = found.length > limit ? `${last.createdAt}:${last._id}` : !exhausted && cursor ? `${cursor.createdAt}:${cursor.id}` : null;
  return { items: items.map((l) => toLibraryItem(l, urls)), next };
}

export async function getForEdit(input: LessonsInput<'library.get'>, ctx: FunctionContext): Promise<LessonsOutput['library.get']> {
  const { actor } = await requireActor(ctx);
  const lesson = await getLesson(ctx, input.lessonId);
  authorise(canBrowseLibrary(actor, lesson));
  return toAdminView(ctx, lesson);
}

/** One lesson per request id (see _runtime/idempotency.ts): a double tap or retry returns the first. */
export async function create(input: LessonsInput<'library.create'>, ctx: FunctionContext): Promise<LessonsOutput['library.create']> {
  const { actor, member } = await requireActor(ctx);
  const branchId = input.branchId ?? null;
  authorise(canManageLibrary(actor, branchId));
  const lessonId = idForRequest('l', 'lessons.library.create', actor.memberId, input.requestId);
  return createOnce(lessonsOf(ctx), lessonId, {
    create: async () => {
      if (branchId !== null && (await getBranch(ctx, branchId)).status !== 'active') throw new AppError('BRANCH_ARCHIVED');
      const lesson = buildLesson(contentOf(input), { id: lessonId, branchId, by: actor.memberId, byName: member.name, now: ctx.now() });
      await assertFilesExist(ctx, fileIdsOf(lesson));
      await assertTextAllowed(ctx, textOf(lesson));
      await lessonsOf(ctx).insert(lesson);
      return toAdminView(ctx, lesson);
    },
    replay: (existing) => toAdminView(ctx, existing),
  });
}

/**
 * Editing: everything until the first member starts; then only title, summary, tags, source and cover
 * (`applyLessonUpdate`). The write is conditional on the lesson still being as read (not started in
 * between, not archived), so a member starting meanwhile cannot end up with changed media.
 */
export async function update(input: LessonsInput<'library.update'>, ctx: FunctionContext): Promise<LessonsOutput['library.update']> {
  const { actor } = await requireActor(ctx);
  const lesson = await getLesson(ctx, input.lessonId);
  authorise(canEditLesson(actor, lesson));
  const next = applyLessonUpdate(lesson, contentOf(input), ctx.now());
  await assertFilesExist(ctx, fileIdsOf(next));
  await assertTextAllowed(ctx, textOf(next));
  const { _id: id, branchId: _b, status: _s, startedAt: _st, createdBy: _cb, createdByName: _cn, createdAt: _ca, archivedAt: _aa, ...content } = next;
  const written = await lessonsOf(ctx).update({ _id: id, status: 'active', startedAt: lesson.startedAt }, { $set: content });
  if (written === 0) throw new AppError('CONFLICT', '已有党员开始学习或课程已归档，请刷新后重试');
  return toAdminView(ctx, (await lessonsOf(ctx).get(id))!);
}

/** Archiving hides a lesson from planning; refused while it is planned for today or later anywhere. */
export async function archive(input: LessonsInput<'library.archive'>, ctx: FunctionContext): Promise<LessonsOutput['library.archive']> {
  const { actor } = await requireActor(ctx);
  const lesson = await getLesson(ctx, input.lessonId);
  authorise(canEditLesson(actor, lesson));
  // Today as the committee reads it (branches default to the same zone).
  const today = studyDateAt(ctx.now(), LESSON_LIMITS.defaultTimeZone);
  const entries = await planOf(ctx).find({ lessonId: lesson._id, date: { $gte: today } }, { orderBy: [['date', 'asc']], limit: 1000, fields: ['date', 'lessonId'] });
  const archived = archiveLesson(lesson, plannedDatesFrom(entries, lesson._id, today), ctx.now());
  if (archived !== lesson) await lessonsOf(ctx).update({ _id: lesson._id, status: 'active' }, { $set: { status: 'archived', archivedAt: archived.archivedAt, updatedAt: archived.updatedAt } });
  const item: LibraryItem = toLibraryItem(archived, await urlMap(ctx, archived.coverFileId ? [archived.coverFileId] : []));
  return item;
}
