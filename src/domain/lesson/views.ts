import type { Lesson, LessonProgress } from './lesson';
import { minReadOf, type Studied } from './study-shape';
import { coveredSeconds, resumeAt } from './progress';

/** What clients see of stored lessons and progress; the API responses reuse these shapes. */

/** A lesson as a card or list item (the caller resolves the cover's temporary URL). */
export type LessonCard = {
  lessonId: string;
  kind: Lesson['kind'];
  title: string;
  summary: string;
  tags: string[];
  durationSec: number;
  chapterCount: number;
  coverUrl: string | null;
  /** Null: central library; otherwise the branch's own lesson. */
  branchId: string | null;
};

export const lessonCardOf = (lesson: Lesson, coverUrl: string | null): LessonCard => ({
  lessonId: lesson._id,
  kind: lesson.kind,
  title: lesson.title,
  summary: lesson.summary,
  tags: [...lesson.tags],
  durationSec: lesson.durationSec,
  chapterCount: lesson.chapters.length,
  coverUrl,
  branchId: lesson.branchId,
});

/** A member's progress as the player and the cards show it. */
export type ProgressView = {
  percent: number;
  completed: boolean;
  completedAt: number | null;
  /** Where to resume (the latest position on any device). */
  resume: { chapter: number; position: number };
  /** Video / audio, per chapter: furthest position played and seconds covered. */
  chapters: Array<{ position: number; coveredSec: number }>;
  /** Article: active reading seconds so far, the minimum, and whether the end was reached. */
  readSec: number;
  minReadSec: number;
  reachedEnd: boolean;
  checkDone: boolean;
  checkCorrect: number | null;
  checkTotal: number | null;
};

/** The view of a member's progress; an unopened lesson reads as zero. */
export function progressView(lesson: Studied, p: LessonProgress | null): ProgressView {
  const chapters = lesson.kind === 'article' ? [] : lesson.chapters.map((_, i) => p?.chapters[i] ?? { position: 0, covered: [] });
  return {
    // Completion is the member's achievement: show 100 % then, not the 91 % actually covered.
    percent: (p?.completedAt ?? null) !== null ? 100 : (p?.percent ?? 0),
    completed: (p?.completedAt ?? null) !== null,
    completedAt: p?.completedAt ?? null,
    resume: resumeAt(p),
    chapters: chapters.map((c) => ({ position: c.position, coveredSec: Math.round(coveredSeconds(c.covered) * 1000) / 1000 })),
    readSec: p?.readSec ?? 0,
    minReadSec: minReadOf(lesson),
    reachedEnd: p?.reachedEnd ?? false,
    checkDone: !!p?.check,
    checkCorrect: p?.check?.correctCount ?? null,
    checkTotal: p?.check?.total ?? null,
  };
}
