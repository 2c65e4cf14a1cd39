import type { Doc } from '../../cloudfunctions/_runtime/storage/port';
import { openProgress } from '../../src/domain/lesson/progress';
import {
  applyLessonUpdate,
  archiveLesson,
  articleTextLength,
  assertLessonContent,
  assertPlannable,
  buildLesson,
  lessonEditMode,
  minReadingSeconds,
  totalDurationSec,
} from '../../src/domain/lesson/library';
import type { LessonRelease, LessonReminder, PlanEntry } from '../../src/domain/lesson/lesson';
import { articleContent, codeOf, errorOf, han, lesson, questions, videoContent } from './lesson-builders';

const meta = { id: 'L9', branchId: null, by: 'admin', byName: '党办', now: 1000 };

describe('article reading time', () => {
  it('counts the characters of paragraphs and headings, not whitespace or images', () => {
    expect(articleTextLength([{ type: 'p', text: '学习 党章\n' }, { type: 'img', fileId: 'f_abcdefgh' }, { type: 'h', text: '一、' }])).toBe(6);
  });

  it('is 300 characters per minute, at least 60 s, at most the declared duration', () => {
    expect(minReadingSeconds(articleContent())).toBe(300);
    expect(minReadingSeconds(articleContent({ body: [{ type: 'p', text: han(150) }] }))).toBe(60);
    expect(minReadingSeconds(articleContent({ body: [{ type: 'p', text: han(301) }] }))).toBe(61);
    expect(minReadingSeconds(articleContent({ durationSec: 240 }))).toBe(240);
    expect(minReadingSeconds(videoContent())).toBe(0);
  });

  it('totals media from chapters and articles from the declared time', () => {
    expect(totalDurationSec(videoContent())).toBe(600);
    expect(totalDurationSec(articleContent())).toBe(600);
  });
});

describe('lesson content rules', () => {
  it('accepts a 15-minute video in chapters of at most 6 minutes', () => {
    const chapters = [300, 300, 300].map((d, i) => ({ title: `第${i + 1}节`, fileId: `f_video000${i}`, durationSec: d }));
    expect(codeOf(() => assertLessonContent(videoContent({ chapters })))).toBe('none');
    expect(codeOf(() => assertLessonContent(videoContent({ kind: 'audio' })))).toBe('none');
    expect(codeOf(() => assertLessonContent(articleContent()))).toBe('none');
  });

  it('refuses a chapter over 6 minutes and a lesson over 15', () => {
    const one = (d: number) => [{ title: '长', fileId: 'f_video0000', durationSec: d }];
    expect(codeOf(() => assertLessonContent(videoContent({ chapters: one(360) })))).toBe('none');
    expect(errorOf(() => assertLessonContent(videoContent({ chapters: one(361) }))).message).toContain('第 1 章');
    expect(codeOf(() => assertLessonContent(videoContent({ chapters: one(361) })))).toBe('LESSON_CHAPTER_TOO_LONG');
    const long = [360, 360, 181].map((d) => ({ title: '节', fileId: 'f_video0000', durationSec: d }));
    expect(codeOf(() => assertLessonContent(videoContent({ chapters: long })))).toBe('LESSON_TOO_LONG');
    expect(codeOf(() => assertLessonContent(videoContent({ chapters: [] })))).toBe('LESSON_CONTENT_INVALID');
    expect(codeOf(() => assertLessonContent(videoContent({ chapters: Array(7).fill(one(60)[0]) })))).toBe('LESSON_CONTENT_INVALID');
    expect(codeOf(() => assertLessonContent(videoContent({ chapters: one(12.5) })))).toBe('LESSON_CONTENT_INVALID');
  });

  it('keeps media and article apart', () => {
    expect(codeOf(() => assertLessonContent(videoContent({ body: [{ type: 'p', text: '正文' }] })))).toBe('LESSON_CONTENT_INVALID');
    expect(codeOf(() => assertLessonContent(articleContent({ chapters: videoContent().chapters })))).toBe('LESSON_CONTENT_INVALID');
    expect(codeOf(() => assertLessonContent(articleContent({ body: [{ type: 'img', fileId: 'f_abcdefgh' }] })))).toBe('LESSON_CONTENT_INVALID');
  });

  it('bounds an article: declared 1–15 minutes and no more text than 15 minutes of reading', () => {
    expect(codeOf(() => assertLessonContent(articleContent({ durationSec: 59 })))).toBe('LESSON_CONTENT_INVALID');
    expect(codeOf(() => assertLessonContent(articleContent({ durationSec: 901 })))).toBe('LESSON_TOO_LONG');
    expect(codeOf(() => assertLessonContent(articleContent({ body: [{ type: 'p', text: han(4500) }] })))).toBe('none');
    expect(codeOf(() => assertLessonContent(articleContent({ body: [{ type: 'p', text: han(4501) }] })))).toBe('LESSON_TOO_LONG');
  });

  it('needs 2–3 well-formed questions', () => {
    const q = questions();
    const check = (qs: typeof q) => codeOf(() => assertLessonContent(videoContent({ questions: qs })));
    expect(check(q.slice(0, 1))).toBe('LESSON_QUESTIONS_INVALID');
    expect(check([...q, q[0], q[1]])).toBe('LESSON_QUESTIONS_INVALID');
    expect(check([...q, { ...q[0], id: 'q3' }])).toBe('none');
    expect(check([{ ...q[0], correct: [0, 1] }, q[1]])).toBe('LESSON_QUESTIONS_INVALID');
    expect(check([q[0], { ...q[1], correct: [2] }])).toBe('LESSON_QUESTIONS_INVALID');
    expect(check([{ ...q[0], correct: [2] }, q[1]])).toBe('LESSON_QUESTIONS_INVALID');
    expect(check([{ ...q[0], options: ['一'] , correct: [0] }, q[1]])).toBe('LESSON_QUESTIONS_INVALID');
    expect(check([{ ...q[0], options: ['1', '2', '3', '4', '5', '6', '7'] }, q[1]])).toBe('LESSON_QUESTIONS_INVALID');
    expect(check([{ ...q[0], options: ['同', '同 '] }, q[1]])).toBe('LESSON_QUESTIONS_INVALID');
    expect(check([{ ...q[0], explanation: ' ' }, q[1]])).toBe('LESSON_QUESTIONS_INVALID');
  });
});

describe('building and editing lessons', () => {
  it('builds with question ids by position, unique tags and the derived duration', () => {
    const q = questions().map((x) => ({ ...x, id: 'ignored', correct: [...x.correct].reverse() }));
    const l = buildLesson(videoContent({ durationSec: 5, tags: ['党章', ' 党章', '党史'], questions: q }), meta);
    expect(l.questions.map((x) => x.id)).toEqual(['q1', 'q2']);
    expect(l.questions[1].correct).toEqual([0, 1, 2]);
    expect(l.tags).toEqual(['党章', '党史']);
    expect(l.durationSec).toBe(600);
    expect(l).toMatchObject({ _id: 'L9', branchId: null, status: 'active', startedAt: null, createdAt: 1000, archivedAt: null });
  });

  it('edits everything until someone starts, then only the describing fields', () => {
    const fresh = lesson();
    expect(lessonEditMode(fresh)).toBe('free');
    const shorter = applyLessonUpdate(fresh, videoContent({ chapters: videoContent().chapters.slice(0, 1) }), 2000);
    expect(shorter.durationSec).toBe(300);
    expect(shorter.updatedAt).toBe(2000);

    const started = lesson(videoContent(), { startedAt: 1500 });
    expect(lessonEditMode(started)).toBe('metadata');
    expect(applyLessonUpdate(started, videoContent({ title: '新标题', summary: '新简介', tags: ['新'] }), 2000).title).toBe('新标题');
    const err = errorOf(() => applyLessonUpdate(started, videoContent({ chapters: videoContent().chapters.slice(0, 1) }), 2000));
    expect(err.code).toBe('LESSON_LOCKED');
    expect(err.details).toEqual({ fields: ['durationSec', 'chapters'] });
    expect(codeOf(() => applyLessonUpdate(started, videoContent({ questions: [questions()[1], questions()[0]] }), 2000))).toBe('LESSON_LOCKED');
  });

  it('compares locked fields by value, not by key order as stored', () => {
    const started = lesson(videoContent(), { startedAt: 1500 });
    const reordered = { ...started, chapters: started.chapters.map((c) => ({ durationSec: c.durationSec, fileId: c.fileId, title: c.title })) };
    expect(codeOf(() => applyLessonUpdate(reordered, videoContent({ title: '改' }), 2000))).toBe('none');
  });

  it('locks an archived lesson', () => {
    const archived = lesson(videoContent(), { status: 'archived' });
    expect(lessonEditMode(archived)).toBe('locked');
    expect(codeOf(() => applyLessonUpdate(archived, videoContent(), 2000))).toBe('LESSON_ARCHIVED');
  });

  it('archives only a lesson no longer planned from today on', () => {
    const err = errorOf(() => archiveLesson(lesson(), ['2026-11-30', '2026-11-24'], 5));
    expect(err.code).toBe('LESSON_IN_PLAN');
    expect(err.message).toBe('该微党课已排入 2026-11-24 等 2 天的课表，请先调整课表');
    expect(archiveLesson(lesson(), [], 5)).toMatchObject({ status: 'archived', archivedAt: 5, updatedAt: 5 });
  });

  it('plans central lessons anywhere and a branch lesson only for its branch', () => {
    expect(codeOf(() => assertPlannable({ status: 'active', branchId: null }, 'central', null))).toBe('none');
    expect(codeOf(() => assertPlannable({ status: 'active', branchId: null }, 'branch', 'b1'))).toBe('none');
    expect(codeOf(() => assertPlannable({ status: 'active', branchId: 'b1' }, 'branch', 'b1'))).toBe('none');
    expect(codeOf(() => assertPlannable({ status: 'active', branchId: 'b1' }, 'branch', 'b2'))).toBe('LESSON_NOT_AVAILABLE');
    expect(codeOf(() => assertPlannable({ status: 'active', branchId: 'b1' }, 'central', null))).toBe('LESSON_NOT_AVAILABLE');
    expect(codeOf(() => assertPlannable({ status: 'archived', branchId: null }, 'central', null))).toBe('LESSON_ARCHIVED');
  });
});

describe('stored shapes', () => {
  it('are assignable to the storage Doc type', () => {
    const asDoc = (d: Doc): Doc => d;
    const entry: PlanEntry = { _id: 'plan:central:2026-11-23', scope: 'central', branchId: null, date: '2026-11-23', lessonId: 'L1', setBy: 'a', setAt: 1 };
    const release: LessonRelease = { _id: 'release:b1:2026-11-23', branchId: 'b1', date: '2026-11-23', lessonId: 'L1', source: 'central', releaseAt: 1, releasedAt: 2, memberIds: ['m1'] };
    const reminder: LessonReminder = { _id: 'r1', branchId: 'b1', date: '2026-11-23', lessonId: 'L1', by: 'm', byName: '书记', at: 1, total: 2, wechat: 1, inAppOnly: 1 };
    expect(asDoc(lesson())._id).toBe('L1');
    expect(asDoc(openProgress(lesson(), 'm1', 'b1', 0))._id).toBe('L1:m1');
    expect([asDoc(entry), asDoc(release), asDoc(reminder)]).toHaveLength(3);
  });
});
