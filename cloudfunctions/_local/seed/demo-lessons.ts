/**
 * Demo micro-lessons for the demo hospital: a central library of original lessons (articles and three
 * audio lessons with generated placeholder WAV chapters) and a central plan from a week ago to a month
 * ahead, plus one branch override, so the home card, calendar and library have content from the start.
 *
 * Collections, as in cloudfunctions/_runtime/storage/collections.ts and cloudfunctions/lessons/src/load.ts
 * (checked when the lessons function landed; kept in `DEMO_LESSON_COLLECTIONS`):
 * - `lessons` holds `Lesson` documents (src/domain/lesson/lesson.ts); the central library is
 *   `branchId: null`. Demo ids are deterministic `l_demo01`… (the function mints `l_` + random).
 * - `lessonPlan` holds `PlanEntry` documents of both scopes: the central plan with
 *   `_id = planEntryId('central', null, date)` = `plan:central:<date>`, and branch overrides with
 *   `_id = planEntryId('branch', branchId, date)` = `plan:<branchId>:<date>` (src/domain/lesson/calendar.ts).
 * - Chapter `fileId`s are local file ids (`f_…`) in the local file store's folder, so `files.urls()`
 *   resolves them to `/api/files/<id>`, served as `audio/wav` (see _runtime/files/local-media.ts).
 * - Nothing is released here (`lessonReleases` is the scheduler's). The past week of plan shows in the
 *   calendar; catch-up owes a member only days from when they bound (the demo hospital binds everyone
 *   at seed time), so on a fresh demo catch-up starts empty and fills from the next day on.
 */
import { planBulk, planChange, planEntryId } from '../../../src/domain/lesson/calendar';
import { addDays, dateRange } from '../../../src/domain/lesson/dates';
import type { Lesson, LessonContent, PlanEntry } from '../../../src/domain/lesson/lesson';
import { buildLesson, readingSecondsOf, withQuestionIds } from '../../../src/domain/lesson/library';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { studyDateAt } from '../../../src/domain/lesson/release';
import type { LocalMediaStore } from '../../_runtime/files/local-media';
import type { Storage } from '../../_runtime/storage/port';
import { DEMO_LESSON_TEXTS, type DemoLessonText } from './lesson-texts';
import { demoToneWav } from './wav';

export const DEMO_LESSON_COLLECTIONS = { lessons: 'lessons', plan: 'lessonPlan' } as const;

/** The committee admin of the demo hospital (seed/demo-hospital.ts), author of the central library. */
export const DEMO_LESSON_AUTHOR = { id: 'm_H01001', name: '周立群' } as const;
export const DEMO_LESSON_SOURCE = '微支部示例课程';
/** The branch whose secretary “swapped” tomorrow's lesson, to show an override. */
export const DEMO_OVERRIDE_BRANCH = 'b_demo01';
/** The plan runs from this many days before today (the demo's study history) to this many after, every day (nurses work weekends). */
export const DEMO_PLAN_DAYS_BEFORE = 30;
export const DEMO_PLAN_DAYS_AFTER = 30;

export const demoLessonId = (index: number): string => `l_demo${String(index + 1).padStart(2, '0')}`;

/**
 * The library content of one demo lesson. Articles declare their reading time rounded up to whole
 * minutes (so the minimum reading time is the text's own); audio lessons take one file id per chapter.
 */
export function demoLessonContent(text: DemoLessonText, chapterFileIds: ReadonlyArray<string> = []): LessonContent {
  const common = {
    title: text.title,
    summary: text.summary,
    tags: [...text.tags],
    source: DEMO_LESSON_SOURCE,
    coverFileId: null,
    questions: withQuestionIds(text.questions),
  };
  if (text.kind === 'article') {
    const minutes = Math.max(1, Math.ceil(readingSecondsOf(text.body) / 60));
    return { ...common, kind: 'article', durationSec: minutes * 60, chapters: [], body: text.body.map((b) => ({ ...b })) };
  }
  if (chapterFileIds.length !== text.chapters.length) throw new Error(`${text.title}: one file id per chapter`);
  const chapters = text.chapters.map((ch, i) => ({ title: ch.title, fileId: chapterFileIds[i], durationSec: ch.durationSec }));
  return { ...common, kind: 'audio', durationSec: chapters.reduce((sum, ch) => sum + ch.durationSec, 0), chapters, body: [] };
}

/** The demo plan's window: today in the demo branches' zone, a week back and a month ahead. */
export function demoPlanWindow(now: number): { today: string; from: string; to: string } {
  const today = studyDateAt(now, LESSON_LIMITS.defaultTimeZone);
  return { today, from: addDays(today, -DEMO_PLAN_DAYS_BEFORE), to: addDays(today, DEMO_PLAN_DAYS_AFTER) };
}

/**
 * The central plan: every day of the window (the bulk planner's “每天”), cycling through the lessons
 * so that the first lesson falls on today and the days before today take the end of the cycle.
 * Deterministic for a given `now`.
 */
export function demoCentralPlan(lessonIds: ReadonlyArray<string>, now: number): Array<{ date: string; lessonId: string }> {
  const { today, from, to } = demoPlanWindow(now);
  const days = dateRange(from, to);
  const first = days.indexOf(today);
  const n = lessonIds.length;
  const cycled = days.map((_, k) => lessonIds[(((k - first) % n) + n) % n]);
  return planBulk({ lessonIds: cycled, start: from, days: 'daily', occupied: [], overwrite: false, until: to }).assignments;
}

/** Whether the organisation in this database is the seeded demo hospital (only that gets demo lessons). */
export const isDemoHospital = async (storage: Storage): Promise<boolean> =>
  (await storage.collection('settings').get('organisation'))?.demo === true;

/**
 * Seeds the demo lessons, their audio files and the plan. Idempotent: does nothing (and returns zeros)
 * when any lesson already exists. Audio is written to `media` first (files cannot join the database
 * transaction; a crash in between leaves unused files, never lessons without files); lessons and plan
 * entries are then written in one transaction.
 */
export async function seedDemoLessons(storage: Storage, media: LocalMediaStore, now: number): Promise<{ lessons: number; planned: number }> {
  const lessonsCol = storage.collection<Lesson>(DEMO_LESSON_COLLECTIONS.lessons);
  if ((await lessonsCol.find({}, { limit: 1 })).length) return { lessons: 0, planned: 0 };

  const lessons: Lesson[] = [];
  let variant = 0;
  for (const [i, text] of DEMO_LESSON_TEXTS.entries()) {
    const fileIds: string[] = [];
    if (text.kind === 'audio') {
      for (const ch of text.chapters) fileIds.push(await media.saveMedia(demoToneWav(ch.durationSec, variant++), 'audio/wav'));
    }
    const meta = { id: demoLessonId(i), branchId: null, by: DEMO_LESSON_AUTHOR.id, byName: DEMO_LESSON_AUTHOR.name, now };
    lessons.push(buildLesson(demoLessonContent(text, fileIds), meta));
  }

  const by = { by: DEMO_LESSON_AUTHOR.id, now };
  const entries: PlanEntry[] = [];
  for (const { date, lessonId } of demoCentralPlan(lessons.map((l) => l._id), now)) {
    const change = planChange('central', null, date, { lessonId }, by);
    if (change.op === 'put') entries.push(change.entry);
  }
  const planned = entries.length;

  // One branch override: tomorrow, b_demo01 studies an audio lesson the central plan does not offer
  // in the coming week (so the swap is visible), or at least not tomorrow's.
  const { today } = demoPlanWindow(now);
  const tomorrow = addDays(today, 1);
  const centralTomorrow = entries.find((e) => e._id === planEntryId('central', null, tomorrow))?.lessonId ?? null;
  const comingWeek = new Set(entries.filter((e) => e.date >= today && e.date <= addDays(today, 7)).map((e) => e.lessonId));
  const swap =
    lessons.find((l) => l.kind === 'audio' && !comingWeek.has(l._id)) ?? lessons.find((l) => l._id !== centralTomorrow && !comingWeek.has(l._id));
  if (swap) {
    const change = planChange('branch', DEMO_OVERRIDE_BRANCH, tomorrow, { lessonId: swap._id }, by);
    if (change.op === 'put') entries.push(change.entry);
  }

  await storage.atomically(async () => {
    await lessonsCol.insertMany(lessons);
    await storage.collection<PlanEntry>(DEMO_LESSON_COLLECTIONS.plan).insertMany(entries);
  });
  return { lessons: lessons.length, planned };
}
