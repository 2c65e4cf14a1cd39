import type { LessonStudyView } from '../../domain/api/lessons';
import type { ProgressSaver } from '../../hooks/use-progress-saver';

export type StudyLesson = LessonStudyView['lesson'];
export type StudyChapter = StudyLesson['chapters'][number];

/** What every player gets: the lesson, where to start, and the saver to report to. */
export interface PlayerProps {
  lesson: StudyLesson;
  saver: ProgressSaver;
  /** The study view's progress when the page opened (resume point, per-chapter positions). */
  initial: LessonStudyView['progress'];
}

/** Where a chapter starts: its last position unless it was (nearly) finished. */
export function startPosition(chapter: StudyChapter | undefined, position: number): number {
  if (!chapter || !(position > 0)) return 0;
  return position >= chapter.durationSec - 3 ? 0 : position;
}

export const clampChapter = (lesson: StudyLesson, index: number): number =>
  Number.isInteger(index) && index >= 0 && index < lesson.chapters.length ? index : 0;
