import type { LessonsInput, LessonsOutput, StudyBlock } from '../../../src/domain/api/lessons';
import { assertStudyable } from '../../../src/domain/lesson/catchup';
import { checkRecordOf, scoreAnswers, scoreOfRecord, toPublicQuestion, type CheckScore } from '../../../src/domain/lesson/check';
import type { CheckRecord, Lesson, LessonProgress } from '../../../src/domain/lesson/lesson';
import type { Actor } from '../../../src/domain/org/types';
import { progressId } from '../../../src/domain/lesson/lesson';
import { minReadingSeconds } from '../../../src/domain/lesson/library';
import { applySave, mergeProgress, openProgress, type SaveInput } from '../../../src/domain/lesson/progress';
import { progressView } from '../../../src/domain/lesson/views';
import { studyShapeOf, type StudyShape, type Studied } from '../../../src/domain/lesson/study-shape';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { DuplicateKeyError } from '../../_runtime/storage/port';
import { branchDays } from './days';
import { completionsOf, learnerFor, offeredDate, studyWindow } from './learner';
import { requireActor } from '../../_runtime/actor';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { getLesson, lessonsOf, progressOf, type StoredProgress } from './load';
import { cardOf, fileIdsOf, urlMap, weekViewOf } from './views';

/**
 * Studying: opening a lesson, saving progress, the check. The caller's progress document is
 * `progressId(lessonId, actor.memberId)` — the member id comes from the platform identity, so nobody
 * can read or write another member's progress (the inputs have no member field to try).
 */

interface Access {
  actor: Actor;
  now: number;
  lesson: Lesson;
  stored: StoredProgress | null;
  /** The day it was offered, when known. */
  date: string | null;
}

/**
 * May the caller study this lesson? Yes once they have opened it; otherwise it must be their branch's
 * lesson of today (released) or of one of the 7 catch-up days (`assertStudyable`).
 */
async function access(ctx: FunctionContext, lessonId: string, date: string | null): Promise<Access> {
  const { actor, member } = await requireActor(ctx);
  const [lesson, stored] = await Promise.all([getLesson(ctx, lessonId), progressOf(ctx).get(progressId(lessonId, actor.memberId))]);
  // Opened before: studying it is allowed whatever the day, so the branch is not read.
  if (stored) return { actor, now: ctx.now(), lesson, stored, date };
  const l = await learnerFor(ctx, actor, member);
  if (!l.branch) throw new AppError('LESSON_NOT_AVAILABLE');
  const days = await branchDays(ctx, l.branch._id, date ? [date] : studyWindow(l.today.date));
  const offered = date ?? offeredDate(l, days, lessonId);
  assertStudyable({
    lessonId,
    date: offered,
    today: l.today.date,
    todayReleased: l.today.released,
    dayLessonId: offered ? (days.get(offered)?.lessonId ?? null) : null,
    hasProgress: false,
  });
  return { actor, now: l.now, lesson, stored: null, date: offered };
}

/**
 * Opening creates the member's progress (it starts the played-time budget) and, for the first member,
 * locks the lesson's media, body and questions (`startedAt`). Both writes are conditional, so two
 * devices opening at once create one document.
 */
async function openStudy(ctx: FunctionContext, a: Access): Promise<StoredProgress> {
  if (a.stored) return a.stored;
  const doc: StoredProgress = { ...openProgress(a.lesson, a.actor.memberId, a.actor.branchId, a.now), rev: 1, shape: studyShapeOf(a.lesson) };
  try {
    await progressOf(ctx).insert(doc);
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    return (await progressOf(ctx).get(doc._id))!;
  }
  if (a.lesson.startedAt === null) await lessonsOf(ctx).update({ _id: a.lesson._id, startedAt: null }, { $set: { startedAt: a.now } });
  return doc;
}

const rescore = (lesson: Lesson, record: CheckRecord): CheckScore | null => {
  try {
    return scoreOfRecord(lesson.questions, record);
  } catch {
    return null;
  }
};

/** The player's view: media and image URLs, questions without answers, the caller's progress and earlier check. */
export async function get(input: LessonsInput<'get'>, ctx: FunctionContext): Promise<LessonsOutput['get']> {
  const a = await access(ctx, input.lessonId, input.date ?? null);
  const progress = await openStudy(ctx, a);
  const { lesson } = a;
  const urls = await urlMap(ctx, fileIdsOf(lesson));
  const body: StudyBlock[] = lesson.body.flatMap((b): StudyBlock[] => {
    if (b.type !== 'img') return [{ type: b.type, text: b.text }];
    const url = urls.get(b.fileId);
    return url ? [{ type: 'img', fileId: b.fileId, url }] : [];
  });
  return {
    lesson: {
      ...cardOf(lesson, urls),
      source: lesson.source,
      chapters: lesson.chapters.map((c, index) => ({ index, title: c.title, durationSec: c.durationSec, url: urls.get(c.fileId) ?? '' })),
      body,
      minReadSec: minReadingSeconds(lesson),
      questions: lesson.questions.map(toPublicQuestion),
    },
    date: a.date,
    progress: progressView(lesson, progress),
    check: progress.check ? rescore(lesson, progress.check) : null,
  };
}

const MAX_ATTEMPTS = 5;

/** Writes the progress (with the lesson's study shape) if nobody wrote since `rev` was read. */
async function writeIfUnchanged(ctx: FunctionContext, rev: number, p: LessonProgress, shape: StudyShape): Promise<boolean> {
  const { _id: id, ...fields } = p as StoredProgress;
  const { rev: _rev, ...rest } = fields;
  return (await progressOf(ctx).update({ _id: id, rev }, { $set: { ...rest, shape, rev: rev + 1 } })) === 1;
}

/**
 * A save: heartbeats since the last save and where the member is. Applied by the domain (only time
 * actually played counts; seeking covers nothing), then written conditionally on the revision read;
 * when another device wrote in between, the two versions are merged (`mergeProgress`: union of what
 * was covered, earliest completion, latest resume point), so progress never goes backwards.
 *
 * The common save (the member already opened the lesson) reads the caller and the progress, which
 * carries the lesson's study shape: 2 reads (3 for progress stored before the shape was kept). The
 * branch, whose time zone dates a completion, is read only when this save completes the lesson or has
 * to merge with another device's write.
 */
export async function progress(input: LessonsInput<'progress'>, ctx: FunctionContext): Promise<LessonsOutput['progress']> {
  const { actor, member } = await requireActor(ctx);
  const stored = await progressOf(ctx).get(progressId(input.lessonId, actor.memberId));
  const now = ctx.now();
  let tz: string | null = null;
  // Not opened yet (a save without `get`, e.g. queued beats from another install): the full check.
  const opened = stored ? null : await access(ctx, input.lessonId, null);
  const lesson: Studied = stored?.shape ?? opened?.lesson ?? (await getLesson(ctx, input.lessonId));
  const shape = studyShapeOf(lesson);
  let base = stored ?? (await openStudy(ctx, opened!));
  const branchTz = async () => (tz ??= (await learnerFor(ctx, actor, member)).tz);
  const save: SaveInput = { beats: input.beats, ...(input.resume ? { resume: input.resume } : {}) };
  const apply = (zone: string) => applySave(lesson, base, save, { memberId: actor.memberId, branchId: actor.branchId, now, tz: zone });
  let first = apply(LESSON_LIMITS.defaultTimeZone);
  if (first.justCompleted) first = apply(await branchTz());
  let candidate = first.progress;
  for (let attempt = 1; !(await writeIfUnchanged(ctx, base.rev, candidate, shape)); attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT');
    base = (await progressOf(ctx).get(base._id))!;
    candidate = mergeProgress(lesson, base, candidate, { now, tz: await branchTz() });
  }
  const justCompleted = base.completedAt === null && candidate.completedAt !== null;
  const week = justCompleted
    ? weekViewOf((await completionsOf(ctx, actor.memberId)).map((c) => c.completedDate).filter((d): d is string => d !== null), now, await branchTz())
    : null;
  return { progress: progressView(lesson, candidate), accepted: first.accepted, rejected: first.rejected, justCompleted, week };
}

/**
 * The check, scored here: the client never had the answers. The first attempt is kept for the
 * statistics (a conditional write, so two devices cannot both be first); later attempts are scored
 * and shown but not stored.
 */
export async function answer(input: LessonsInput<'answer'>, ctx: FunctionContext): Promise<LessonsOutput['answer']> {
  const a = await access(ctx, input.lessonId, null);
  const stored = a.stored;
  // The check follows the lesson: it tests what was just studied, so it opens on completion. A member
  // who never opened the lesson is refused without opening it for them (a refusal writes nothing).
  if (stored === null || stored.completedAt === null) throw new AppError('LESSON_NOT_COMPLETED');
  const score = scoreAnswers(a.lesson.questions, input.answers);
  const firstAttempt =
    stored.check === null &&
    (await progressOf(ctx).update({ _id: stored._id, check: null }, { $set: { check: checkRecordOf(score, a.now), updatedAt: a.now }, $inc: { rev: 1 } })) === 1;
  return { ...score, firstAttempt };
}
