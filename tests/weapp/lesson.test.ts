/** @jest-environment jsdom */
/**
 * The built lesson page in miniprogram-simulate: an article lesson opened from the home card. It asks
 * for the lesson once, renders the text, keeps the check locked until completion, and never has the
 * answers (the server does not send them; the page must not need them).
 */
import type { LessonStudyView, ProgressView } from '../../src/domain/api/lessons';
import { byAction, loadPage, ok } from './harness';
import { memberMe, squash } from './fixtures';


const me = memberMe();

const progress = (over: Partial<ProgressView> = {}): ProgressView => ({
  percent: 40,
  completed: false,
  completedAt: null,
  resume: { chapter: 0, position: 0.4 },
  chapters: [],
  readSec: 48,
  minReadSec: 110,
  reachedEnd: false,
  checkDone: false,
  checkCorrect: null,
  checkTotal: null,
  ...over,
});

const study = (p: ProgressView): LessonStudyView => ({
  lesson: {
    lessonId: 'l-1',
    kind: 'article',
    title: '三会一课：支部组织生活的基本功',
    summary: '',
    tags: [],
    durationSec: 120,
    chapterCount: 0,
    coverUrl: null,
    branchId: null,
    source: '微支部示例课程',
    chapters: [],
    body: [
      { type: 'h', text: '什么是三会一课' },
      { type: 'p', text: '三会指支部党员大会、支部委员会和党小组会，一课指党课。' },
    ],
    minReadSec: 110,
    questions: [{ id: 'q1', kind: 'single', prompt: '“一课”指的是？', options: ['党课', '业务课'] }],
  },
  date: '2026-11-23',
  progress: p,
  check: null,
});

describe('lesson (pages/lesson/index)', () => {
  test('opens the article once, shows its text and keeps the check locked until completed', async () => {
    const p = await loadPage('pages/lesson/index', {
      query: { lessonId: 'l-1', date: '2026-11-23' },
      cloud: byAction({ 'org/me': () => ok(me), 'lessons/get': () => ok(study(progress())) }),
    });
    expect(p.calls.filter((c) => c.action === 'get').map((c) => c.payload)).toEqual([{ lessonId: 'l-1', date: '2026-11-23' }]);
    expect(squash(p.text('.lesson-title'))).toBe('三会一课：支部组织生活的基本功');
    expect(p.text('.lesson-paragraph')).toContain('三会指支部党员大会');
    expect(p.exists('.check-locked')).toBe(true);
    expect(p.exists('.lesson-completed')).toBe(false);
    expect(p.errors).toEqual([]);
    expect(p.missingTemplates).toEqual([]);
    p.unload();
  });

  test('a completed lesson shows it and opens the check', async () => {
    const p = await loadPage('pages/lesson/index', {
      query: { lessonId: 'l-1' },
      cloud: byAction({ 'org/me': () => ok(me), 'lessons/get': () => ok(study(progress({ percent: 100, completed: true, completedAt: 1, reachedEnd: true, readSec: 120 }))) }),
    });
    expect(p.exists('.lesson-completed')).toBe(true);
    expect(p.exists('.check-locked')).toBe(false);
    expect(p.all('.check-question')).toHaveLength(1);
    expect(p.errors).toEqual([]);
    p.unload();
  });
});
