import type { Lesson, LessonKind } from './lesson';
import { minReadingSeconds } from './library';

/**
 * What studying needs of a lesson: its kind, chapter durations and minimum reading time. These are
 * locked once the first member starts (`lessonEditMode`), so each member's progress keeps a copy taken
 * when they open the lesson, and a progress save reads no lesson: 2 storage reads instead of 3.
 */
export type StudyShape = {
  _id: string;
  kind: LessonKind;
  durationSec: number;
  chapters: Array<{ durationSec: number }>;
  minReadSec: number;
};

/** A lesson, or the shape of it a progress keeps: either is enough to apply a save and show progress. */
export type Studied = Lesson | StudyShape;

export const studyShapeOf = (lesson: Studied): StudyShape => ({
  _id: lesson._id,
  kind: lesson.kind,
  durationSec: lesson.durationSec,
  chapters: lesson.chapters.map((c) => ({ durationSec: c.durationSec })),
  minReadSec: minReadOf(lesson),
});

export const minReadOf = (lesson: Pick<Lesson, 'kind' | 'body' | 'durationSec'> | StudyShape): number =>
  'minReadSec' in lesson ? lesson.minReadSec : minReadingSeconds(lesson);
