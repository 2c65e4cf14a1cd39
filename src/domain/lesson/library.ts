import { AppError } from '../shared/errors';
import type { ArticleBlock, CheckQuestion, Lesson, LessonContent, LessonContentInput } from './lesson';
import { LESSON_LIMITS } from './limits';

/** Library rules: what a valid lesson is, its durations, and what may change once members study it. */

/** Characters a reader reads in an article: the text of paragraphs and headings, whitespace excluded. */
export function articleTextLength(body: ReadonlyArray<ArticleBlock>): number {
  let n = 0;
  for (const b of body) if (b.type !== 'img') n += Array.from(b.text.replace(/\s+/g, '')).length;
  return n;
}

/** Reading time of the text at 300 characters per minute, in whole seconds (images add nothing). */
export const readingSecondsOf = (body: ReadonlyArray<ArticleBlock>): number =>
  Math.ceil((articleTextLength(body) / LESSON_LIMITS.readingCharsPerMinute) * 60);

/**
 * The least time an article must be open to count: the text's reading time, at least 60 s, at most
 * the declared duration. Zero for video and audio (they count played time instead).
 */
export function minReadingSeconds(lesson: Pick<LessonContent, 'kind' | 'body' | 'durationSec'>): number {
  if (lesson.kind !== 'article') return 0;
  return Math.min(Math.max(readingSecondsOf(lesson.body), LESSON_LIMITS.minReadingSec), lesson.durationSec);
}

/** Total seconds: the sum of the chapters (video / audio) or the declared reading time (article). */
export const totalDurationSec = (lesson: Pick<LessonContent, 'kind' | 'durationSec'> & { chapters: ReadonlyArray<{ durationSec: number }> }): number =>
  lesson.kind === 'article' ? lesson.durationSec : lesson.chapters.reduce((s, c) => s + c.durationSec, 0);

/** Question ids by position (`q1`, `q2`, …) and each question's correct options ascending and unique. */
export const withQuestionIds = (questions: ReadonlyArray<Omit<CheckQuestion, 'id'> & { id?: string }>): CheckQuestion[] =>
  questions.map((q, i) => ({ ...q, id: `q${i + 1}`, correct: [...new Set(q.correct)].sort((a, b) => a - b) }));

const minutes = (sec: number) => `${Math.round(sec / 60)} 分钟`;

/**
 * Cross-field rules the input schema cannot express; throws the first one broken. Field lengths and
 * counts are checked by the schema in src/domain/api/lessons.ts, and again here where they matter.
 */
export function assertLessonContent(c: LessonContent): void {
  if (c.kind === 'article') {
    if (c.chapters.length) throw new AppError('LESSON_CONTENT_INVALID', '图文微党课不能包含音视频章节');
    if (!c.body.some((b) => b.type !== 'img' && b.text.trim())) throw new AppError('LESSON_CONTENT_INVALID', '请填写正文');
    if (c.body.length > LESSON_LIMITS.articleBlocksMax) throw new AppError('LESSON_CONTENT_INVALID', `正文最多 ${LESSON_LIMITS.articleBlocksMax} 段`);
    if (c.body.filter((b) => b.type === 'img').length > LESSON_LIMITS.articleImagesMax) {
      throw new AppError('LESSON_CONTENT_INVALID', `正文最多 ${LESSON_LIMITS.articleImagesMax} 张图片`);
    }
    if (!Number.isInteger(c.durationSec) || c.durationSec < LESSON_LIMITS.articleMinSec) {
      throw new AppError('LESSON_CONTENT_INVALID', '图文微党课的学习时长至少 1 分钟');
    }
    if (c.durationSec > LESSON_LIMITS.totalMaxSec) throw new AppError('LESSON_TOO_LONG');
    const maxChars = (LESSON_LIMITS.totalMaxSec / 60) * LESSON_LIMITS.readingCharsPerMinute;
    if (articleTextLength(c.body) > maxChars) throw new AppError('LESSON_TOO_LONG', `正文超过 15 分钟的阅读量（约 ${maxChars} 字），请拆分为多课`);
  } else {
    if (c.body.length) throw new AppError('LESSON_CONTENT_INVALID', '音视频微党课不能包含图文正文');
    if (c.chapters.length === 0) throw new AppError('LESSON_CONTENT_INVALID', `请上传${c.kind === 'video' ? '视频' : '音频'}`);
    if (c.chapters.length > LESSON_LIMITS.chaptersMax) throw new AppError('LESSON_CONTENT_INVALID', `最多 ${LESSON_LIMITS.chaptersMax} 个章节`);
    for (const [i, ch] of c.chapters.entries()) {
      if (!Number.isInteger(ch.durationSec) || ch.durationSec < 1) throw new AppError('LESSON_CONTENT_INVALID', `第 ${i + 1} 章时长不正确`);
      if (ch.durationSec > LESSON_LIMITS.chapterMaxSec) {
        throw new AppError('LESSON_CHAPTER_TOO_LONG', `第 ${i + 1} 章为 ${minutes(ch.durationSec)}，每章不能超过 6 分钟，请拆分为约 5 分钟的章节`);
      }
    }
    const total = totalDurationSec(c);
    if (total > LESSON_LIMITS.totalMaxSec) throw new AppError('LESSON_TOO_LONG', `总时长约 ${minutes(total)}，微党课不能超过 15 分钟`);
  }
  assertQuestions(c.questions);
}

function assertQuestions(questions: ReadonlyArray<CheckQuestion>): void {
  if (questions.length < LESSON_LIMITS.questionsMin || questions.length > LESSON_LIMITS.questionsMax) {
    throw new AppError('LESSON_QUESTIONS_INVALID', `请设置 ${LESSON_LIMITS.questionsMin}–${LESSON_LIMITS.questionsMax} 道测试题`);
  }
  for (const [i, q] of questions.entries()) {
    const n = `第 ${i + 1} 题`;
    if (q.options.length < LESSON_LIMITS.optionsMin || q.options.length > LESSON_LIMITS.optionsMax) {
      throw new AppError('LESSON_QUESTIONS_INVALID', `${n}需要 ${LESSON_LIMITS.optionsMin}–${LESSON_LIMITS.optionsMax} 个选项`);
    }
    if (new Set(q.options.map((o) => o.trim())).size !== q.options.length) throw new AppError('LESSON_QUESTIONS_INVALID', `${n}有重复的选项`);
    const correct = new Set(q.correct);
    if ([...correct].some((k) => !Number.isInteger(k) || k < 0 || k >= q.options.length)) throw new AppError('LESSON_QUESTIONS_INVALID', `${n}的正确答案不在选项中`);
    if (q.kind === 'single' && correct.size !== 1) throw new AppError('LESSON_QUESTIONS_INVALID', `${n}是单选题，只能有一个正确答案`);
    if (q.kind === 'multiple' && correct.size < 2) throw new AppError('LESSON_QUESTIONS_INVALID', `${n}是多选题，至少要有两个正确答案`);
    if (!q.explanation.trim()) throw new AppError('LESSON_QUESTIONS_INVALID', `请填写${n}的解析`);
  }
}

/** A new library lesson from validated content. */
export function buildLesson(content: LessonContentInput, meta: { id: string; branchId: string | null; by: string; byName: string; now: number }): Lesson {
  const c = normaliseContent(content);
  assertLessonContent(c);
  return {
    ...c,
    _id: meta.id,
    branchId: meta.branchId,
    status: 'active',
    startedAt: null,
    createdBy: meta.by,
    createdByName: meta.byName,
    createdAt: meta.now,
    updatedAt: meta.now,
    archivedAt: null,
  };
}

/** Question ids by position, unique tags, and the duration of media lessons derived from the chapters. */
export function normaliseContent(c: LessonContentInput): LessonContent {
  const tags = [...new Set(c.tags.map((t) => t.trim()).filter(Boolean))];
  const base: LessonContent = { ...c, tags, questions: withQuestionIds(c.questions) };
  return c.kind === 'article' ? base : { ...base, durationSec: totalDurationSec(c) };
}

/**
 * Editing: everything while nobody has started; afterwards only the describing fields (title,
 * summary, tags, source, cover), because progress intervals, reading time and check answers refer
 * to the media, the body and the questions. An archived lesson is locked.
 */
export function lessonEditMode(lesson: Pick<Lesson, 'status' | 'startedAt'>): 'free' | 'metadata' | 'locked' {
  if (lesson.status === 'archived') return 'locked';
  return lesson.startedAt === null ? 'free' : 'metadata';
}

const LOCKED_FIELDS = ['kind', 'durationSec', 'chapters', 'body', 'questions'] as const;

/** The lesson after an edit; throws when the edit touches what is locked. */
export function applyLessonUpdate(lesson: Lesson, content: LessonContentInput, now: number): Lesson {
  const mode = lessonEditMode(lesson);
  if (mode === 'locked') throw new AppError('LESSON_ARCHIVED');
  const c = normaliseContent(content);
  assertLessonContent(c);
  if (mode === 'metadata') {
    const changed = LOCKED_FIELDS.filter((k) => !sameValue(c[k], lesson[k]));
    if (changed.length) throw new AppError('LESSON_LOCKED', undefined, { fields: changed });
  }
  return { ...lesson, ...c, updatedAt: now };
}

/**
 * Archiving hides a lesson from planning. It is refused while the lesson is still planned for today
 * or later (pass those dates), so no branch silently loses a day's lesson.
 */
export function archiveLesson(lesson: Lesson, plannedDatesFromToday: ReadonlyArray<string>, now: number): Lesson {
  if (lesson.status === 'archived') return lesson;
  if (plannedDatesFromToday.length) {
    const dates = [...plannedDatesFromToday].sort();
    throw new AppError('LESSON_IN_PLAN', `该微党课已排入 ${dates[0]}${dates.length > 1 ? ` 等 ${dates.length} 天` : ''}的课表，请先调整课表`, { dates });
  }
  return { ...lesson, status: 'archived', archivedAt: now, updatedAt: now };
}

/** Whether a lesson may be put on a plan: active, and central (any plan) or the branch's own (that branch only). */
export function assertPlannable(lesson: Pick<Lesson, 'status' | 'branchId'>, scope: 'central' | 'branch', branchId: string | null): void {
  if (lesson.status !== 'active') throw new AppError('LESSON_ARCHIVED');
  if (lesson.branchId === null) return;
  if (scope === 'central' || lesson.branchId !== branchId) throw new AppError('LESSON_NOT_AVAILABLE', '只能安排院党委课程库或本支部的微党课');
}

/** Deep equality of JSON-like values, ignoring object key order (stored documents may reorder keys). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

