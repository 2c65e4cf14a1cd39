import type { LessonAdminView, LibraryItem, MonthDayView, WeekView } from '../../../src/domain/api/lessons';
import type { ResolvedDay } from '../../../src/domain/lesson/calendar';
import type { Lesson, LessonKind } from '../../../src/domain/lesson/lesson';
import { lessonEditMode, minReadingSeconds } from '../../../src/domain/lesson/library';
import { weekStreak, weeklyProgress } from '../../../src/domain/lesson/streak';
import { lessonCardOf } from '../../../src/domain/lesson/views';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { findByIds, lessonsOf } from './load';

/** Every file a lesson references: cover, chapter media, article images (unique, in that order). */
export function fileIdsOf(lesson: Pick<Lesson, 'coverFileId' | 'chapters' | 'body'>): string[] {
  const ids = [
    ...(lesson.coverFileId ? [lesson.coverFileId] : []),
    ...lesson.chapters.map((c) => c.fileId),
    ...lesson.body.flatMap((b) => (b.type === 'img' ? [b.fileId] : [])),
  ];
  return [...new Set(ids)];
}

/** fileId → temporary URL, in one `files.urls` call; ids that do not resolve are left out. */
export async function urlMap(ctx: FunctionContext, fileIds: ReadonlyArray<string>): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)];
  if (unique.length === 0) return new Map();
  const urls = await ctx.files.urls(unique);
  const out = new Map<string, string>();
  unique.forEach((id, i) => {
    const url = urls[i];
    if (url) out.set(id, url);
  });
  return out;
}

/** Refuses a lesson whose files are not (or no longer) in storage: the upload did not finish. */
export async function assertFilesExist(ctx: FunctionContext, fileIds: ReadonlyArray<string>): Promise<void> {
  if (fileIds.length === 0) return;
  const urls = await ctx.files.urls([...fileIds]);
  const missing = fileIds.filter((_, i) => !urls[i]);
  if (missing.length) throw new AppError('BAD_REQUEST', '有文件未上传成功，请重新上传', { fileIds: missing });
}

export const coverUrlOf = (lesson: Pick<Lesson, 'coverFileId'>, urls: Map<string, string>): string | null =>
  (lesson.coverFileId && urls.get(lesson.coverFileId)) || null;

export const cardOf = (lesson: Lesson, urls: Map<string, string>) => lessonCardOf(lesson, coverUrlOf(lesson, urls));

export const toLibraryItem = (lesson: Lesson, urls: Map<string, string>): LibraryItem => ({
  ...cardOf(lesson, urls),
  status: lesson.status,
  createdByName: lesson.createdByName,
  updatedAt: lesson.updatedAt,
  editMode: lessonEditMode(lesson),
});

export async function toAdminView(ctx: FunctionContext, lesson: Lesson): Promise<LessonAdminView> {
  const urls = await urlMap(ctx, fileIdsOf(lesson));
  return { ...lesson, editMode: lessonEditMode(lesson), minReadSec: minReadingSeconds(lesson), urls: Object.fromEntries(urls) };
}

/** This week against the target, and the run of weeks that met it. */
export const weekViewOf = (completionDates: ReadonlyArray<string>, now: number, tz: string): WeekView => ({
  ...weeklyProgress(completionDates, now, tz),
  streak: weekStreak(completionDates, now, tz),
});

export type TitleIndex = Map<string, { title: string; kind: LessonKind }>;

/** Titles and kinds of the given lessons, in one projected read. */
export async function titlesOf(ctx: FunctionContext, lessonIds: ReadonlyArray<string | null>): Promise<TitleIndex> {
  const ids = lessonIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map();
  const docs = await findByIds(lessonsOf(ctx), ids, ['title', 'kind']);
  return new Map(docs.map((d) => [d._id, { title: d.title, kind: d.kind }]));
}

/** Only the resolved day's own fields (a BranchDay also carries its release record, which stays on the server). */
export const monthDayOf = (day: ResolvedDay, titles: TitleIndex, editable: boolean): MonthDayView => ({
  date: day.date,
  lessonId: day.lessonId,
  source: day.source,
  off: day.off,
  centralLessonId: day.centralLessonId,
  title: day.lessonId ? (titles.get(day.lessonId)?.title ?? null) : null,
  kind: day.lessonId ? (titles.get(day.lessonId)?.kind ?? null) : null,
  centralTitle: day.centralLessonId ? (titles.get(day.centralLessonId)?.title ?? null) : null,
  editable,
});
