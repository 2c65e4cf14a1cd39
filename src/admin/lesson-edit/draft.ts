import * as v from 'valibot';
import { lessonsInput, type LessonAdminView, type LessonsInput } from '../../domain/api/lessons';
import type { LessonKind, QuestionKind } from '../../domain/lesson/lesson';
import { assertLessonContent, normaliseContent, readingSecondsOf } from '../../domain/lesson/library';
import { LESSON_LIMITS } from '../../domain/lesson/limits';

/** The edit form's state: close to the input, plus upload state and stable keys for lists. */
export interface ChapterDraft {
  key: string;
  title: string;
  fileId: string | null;
  /** Playable URL (temporary) or the local file while uploading. */
  url: string;
  durationSec: number | null;
  /** The platform could not read the length: the editor types it. */
  manual: boolean;
  /** 0–100 while uploading, null once done. */
  progress: number | null;
}

export type BlockDraft = { key: string; type: 'p' | 'h'; text: string } | { key: string; type: 'img'; fileId: string | null; url: string; uploading: boolean };

export interface QuestionDraft {
  key: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  correct: number[];
  explanation: string;
}

export interface LessonDraft {
  kind: LessonKind;
  title: string;
  summary: string;
  /** As typed: separated by commas, spaces or 、. */
  tags: string;
  source: string;
  coverFileId: string | null;
  /** Article reading time in minutes, as typed. */
  minutes: string;
  chapters: ChapterDraft[];
  body: BlockDraft[];
  questions: QuestionDraft[];
}

let seq = 0;
export const nextKey = (prefix: string): string => `${prefix}${(seq += 1)}`;

export const emptyQuestion = (): QuestionDraft => ({ key: nextKey('q'), kind: 'single', prompt: '', options: ['', ''], correct: [], explanation: '' });

export const emptyDraft = (): LessonDraft => ({
  kind: 'article',
  title: '',
  summary: '',
  tags: '',
  source: '',
  coverFileId: null,
  minutes: '',
  chapters: [],
  body: [{ key: nextKey('b'), type: 'p', text: '' }],
  questions: [emptyQuestion(), emptyQuestion()],
});

export function draftOf(view: LessonAdminView): LessonDraft {
  const url = (fileId: string) => view.urls[fileId] ?? '';
  return {
    kind: view.kind,
    title: view.title,
    summary: view.summary,
    tags: view.tags.join('，'),
    source: view.source,
    coverFileId: view.coverFileId,
    minutes: view.kind === 'article' ? String(Math.round((view.durationSec / 60) * 10) / 10) : '',
    chapters: view.chapters.map((c) => ({ key: nextKey('c'), title: c.title, fileId: c.fileId, url: url(c.fileId), durationSec: c.durationSec, manual: false, progress: null })),
    body: view.body.map((b) => (b.type === 'img' ? { key: nextKey('b'), type: 'img', fileId: b.fileId, url: url(b.fileId), uploading: false } : { key: nextKey('b'), type: b.type, text: b.text })),
    questions: view.questions.map((q) => ({ key: nextKey('q'), kind: q.kind, prompt: q.prompt, options: [...q.options], correct: [...q.correct], explanation: q.explanation })),
  };
}

export const splitTags = (raw: string): string[] => [...new Set(raw.split(/[,，、;；\s]+/).map((t) => t.trim()).filter(Boolean))];

/** The suggested reading time for the text: whole minutes, 1–15. */
export function suggestedMinutes(body: ReadonlyArray<BlockDraft>): number {
  const blocks = body.flatMap((b) => (b.type === 'img' ? [] : [{ type: b.type, text: b.text }]));
  const sec = readingSecondsOf(blocks);
  return Math.min(LESSON_LIMITS.totalMaxSec / 60, Math.max(1, Math.ceil(sec / 60)));
}

type Content = Omit<LessonsInput<'library.create'>, 'branchId' | 'requestId'>;
/** The form is checked without its request id, which is added when saving. */
const formSchema = v.omit(lessonsInput['library.create'], ['requestId']);

export function contentOf(d: LessonDraft): Content {
  const media = d.kind !== 'article';
  const minutes = Number(d.minutes.trim() || suggestedMinutes(d.body));
  return {
    kind: d.kind,
    title: d.title,
    summary: d.summary,
    tags: splitTags(d.tags),
    source: d.source,
    coverFileId: d.coverFileId,
    durationSec: media ? 0 : Number.isFinite(minutes) ? Math.round(minutes * 60) : -1,
    chapters: media ? d.chapters.map((c) => ({ title: c.title, fileId: c.fileId ?? '', durationSec: c.durationSec ?? 0 })) : [],
    body: media ? [] : d.body.map((b) => (b.type === 'img' ? { type: 'img' as const, fileId: b.fileId ?? '' } : { type: b.type, text: b.text })),
    questions: d.questions.map((q) => ({ kind: q.kind, prompt: q.prompt, options: q.options, correct: q.correct, explanation: q.explanation })),
  };
}

/** Where an issue is, in words: 第 2 题, 第 1 节, 第 3 段. */
function placeOf(path: ReadonlyArray<{ key?: unknown }> | undefined): string {
  if (!path) return '';
  const keys = path.map((p) => p.key);
  const at = (name: string, label: (n: number) => string) => {
    const i = keys.indexOf(name);
    const n = keys[i + 1];
    return i >= 0 && typeof n === 'number' ? label(n + 1) : '';
  };
  return at('questions', (n) => `第 ${n} 题：`) || at('chapters', (n) => `第 ${n} 节：`) || at('body', (n) => `正文第 ${n} 段：`);
}

/**
 * The first problem with the form, in the function's words (same schema, same domain rules), or
 * null. Uploads still running come first.
 */
export function problemOf(d: LessonDraft, branchId: string | null): string | null {
  if (d.kind !== 'article') {
    if (d.chapters.length === 0) return `请上传${d.kind === 'video' ? '视频' : '音频'}`;
    const i = d.chapters.findIndex((c) => c.progress !== null || c.fileId === null);
    if (i >= 0) return `第 ${i + 1} 节还在上传，请稍候`;
    const j = d.chapters.findIndex((c) => !c.durationSec || c.durationSec < 1);
    if (j >= 0) return `请填写第 ${j + 1} 节的时长`;
  } else {
    if (d.body.some((b) => b.type === 'img' && (b.uploading || !b.fileId))) return '图片还在上传，请稍候';
    const minutes = Number(d.minutes.trim() || suggestedMinutes(d.body));
    if (!Number.isFinite(minutes) || minutes <= 0) return '请填写学习时长（分钟）';
  }
  const parsed = v.safeParse(formSchema, { branchId, ...contentOf(d) });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return `${placeOf(issue?.path as never)}${issue?.message ?? '请检查填写内容'}`;
  }
  try {
    assertLessonContent(normaliseContent(parsed.output));
  } catch (e) {
    return e instanceof Error ? e.message : '请检查填写内容';
  }
  return null;
}
