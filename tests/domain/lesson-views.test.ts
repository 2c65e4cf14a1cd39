import { checkRecordOf, scoreAnswers } from '../../src/domain/lesson/check';
import { applySave, openProgress } from '../../src/domain/lesson/progress';
import { lessonCardOf, progressView } from '../../src/domain/lesson/views';
import { MON_0700, SH, articleContent, lesson, questions } from './lesson-builders';

describe('views', () => {
  it('shows a lesson as a card', () => {
    expect(lessonCardOf(lesson(), 'https://tmp/cover.png')).toEqual({
      lessonId: 'L1', kind: 'video', title: '学习党章', summary: '党章第一章', tags: ['党章'], durationSec: 600, chapterCount: 2, coverUrl: 'https://tmp/cover.png', branchId: null,
    });
  });

  it('shows an unopened lesson as zero progress from the start', () => {
    expect(progressView(lesson(), null)).toEqual({
      percent: 0, completed: false, completedAt: null, resume: { chapter: 0, position: 0 },
      chapters: [{ position: 0, coveredSec: 0 }, { position: 0, coveredSec: 0 }],
      readSec: 0, minReadSec: 0, reachedEnd: false, checkDone: false, checkCorrect: null, checkTotal: null,
    });
    expect(progressView(lesson(articleContent()), null)).toMatchObject({ chapters: [], minReadSec: 300 });
  });

  it('shows saved progress and the check', () => {
    const l = lesson();
    const r = applySave(l, openProgress(l, 'm1', 'b1', MON_0700), { beats: [{ chapter: 1, from: 0, to: 30, playedMs: 30_000 }], resume: { chapter: 1, position: 30, at: MON_0700 + 30_000 } }, { memberId: 'm1', branchId: 'b1', now: MON_0700 + 30_000, tz: SH });
    const p = { ...r.progress, check: checkRecordOf(scoreAnswers(questions(), { q1: [0], q2: [0] }), MON_0700) };
    expect(progressView(l, p)).toMatchObject({ percent: 5, resume: { chapter: 1, position: 30 }, chapters: [{ position: 0, coveredSec: 0 }, { position: 30, coveredSec: 30 }], checkDone: true, checkCorrect: 1, checkTotal: 2 });
  });
});
