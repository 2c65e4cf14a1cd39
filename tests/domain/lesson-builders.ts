import type { AppError } from '../../src/domain/shared/errors';
import type { CheckQuestion, Lesson, LessonContent } from '../../src/domain/lesson/lesson';

/** Data builders and clock fixtures for the lesson domain tests (run with TZ=UTC). */

export const SH = 'Asia/Shanghai';
export const at = (iso: string): number => Date.parse(iso);
/** 2026-11-22 is a Sunday; 23:59:59 in Shanghai. */
export const SUN_235959 = at('2026-11-22T15:59:59Z');
/** Monday 2026-11-23 00:00:00 in Shanghai. */
export const MON_0000 = at('2026-11-22T16:00:00Z');
/** Monday 2026-11-23 06:59:59 in Shanghai. */
export const MON_065959 = at('2026-11-22T22:59:59Z');
/** Monday 2026-11-23 07:00:00 in Shanghai: the default release. */
export const MON_0700 = at('2026-11-22T23:00:00Z');

export const questions = (): CheckQuestion[] => [
  { id: 'q1', kind: 'single', prompt: '党的根本宗旨是什么？', options: ['全心全意为人民服务', '发展经济'], correct: [0], explanation: '党章总纲明确规定。' },
  { id: 'q2', kind: 'multiple', prompt: '三会一课包括哪些？', options: ['支部党员大会', '支部委员会', '党小组会', '运动会'], correct: [0, 1, 2], explanation: '三会：党员大会、支委会、党小组会；一课：党课。' },
];

export const videoContent = (over: Partial<LessonContent> = {}): LessonContent => ({
  kind: 'video',
  title: '学习党章',
  summary: '党章第一章',
  tags: ['党章'],
  source: '院党委',
  coverFileId: null,
  durationSec: 0,
  chapters: [
    { title: '第一节', fileId: 'cloud://env.bucket/v1.mp4', durationSec: 300 },
    { title: '第二节', fileId: 'cloud://env.bucket/v2.mp4', durationSec: 300 },
  ],
  body: [],
  questions: questions(),
  ...over,
});

/** `n` Chinese characters of text. */
export const han = (n: number): string => '党'.repeat(n);

export const articleContent = (over: Partial<LessonContent> = {}): LessonContent => ({
  kind: 'article',
  title: '读原著',
  summary: '',
  tags: [],
  source: '',
  coverFileId: null,
  durationSec: 600,
  chapters: [],
  // 1,500 characters: 5 minutes at 300 per minute.
  body: [{ type: 'h', text: han(100) }, { type: 'p', text: han(1400) }, { type: 'img', fileId: 'cloud://env.bucket/a.png' }],
  questions: questions(),
  ...over,
});

export const lesson = (content: LessonContent = videoContent(), over: Partial<Lesson> = {}): Lesson => ({
  ...content,
  durationSec: content.kind === 'article' ? content.durationSec : content.chapters.reduce((s, c) => s + c.durationSec, 0),
  _id: 'L1',
  branchId: null,
  status: 'active',
  startedAt: null,
  createdBy: 'admin',
  createdByName: '党办',
  createdAt: 0,
  updatedAt: 0,
  archivedAt: null,
  ...over,
});

/** The error code a function throws, or 'none'. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as AppError).code ?? 'not-app-error';
  }
  return 'none';
}

export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
}
