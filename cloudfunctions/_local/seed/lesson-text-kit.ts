import type { ArticleBlock, CheckQuestion } from '../../../src/domain/lesson/lesson';

/**
 * The shape of the demo lessons' content (written for this demo, not copied from published texts)
 * and small helpers that keep the data files readable. demo-lessons.ts turns these into library
 * lessons through the domain's builders.
 */

export type DemoQuestion = Omit<CheckQuestion, 'id'>;

interface DemoLessonBase {
  title: string;
  summary: string;
  tags: string[];
  questions: DemoQuestion[];
}

export interface DemoArticleText extends DemoLessonBase {
  kind: 'article';
  /** Subheadings and paragraphs. */
  body: ArticleBlock[];
}

export interface DemoAudioText extends DemoLessonBase {
  kind: 'audio';
  /** Placeholder chapters: the WAV is generated with exactly this many seconds. */
  chapters: Array<{ title: string; durationSec: number }>;
}

export type DemoLessonText = DemoArticleText | DemoAudioText;

export const h = (text: string): ArticleBlock => ({ type: 'h', text });
export const p = (text: string): ArticleBlock => ({ type: 'p', text });

export const single = (prompt: string, options: string[], answer: number, explanation: string): DemoQuestion => ({
  kind: 'single',
  prompt,
  options,
  correct: [answer],
  explanation,
});

export const multiple = (prompt: string, options: string[], answers: number[], explanation: string): DemoQuestion => ({
  kind: 'multiple',
  prompt,
  options,
  correct: answers,
  explanation,
});
