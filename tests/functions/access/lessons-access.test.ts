import { lessonsInput } from '../../../src/domain/api/lessons';
import { lessonsFunction as lessons } from '../../../cloudfunctions/lessons/src/handler';
import { articleInput, readThrough } from '../lessons-fixtures';
import { accessMatrix, everyoneBound, officersOfA, row, type AccessRow } from './matrix';
import { BRANCH_A } from './scene';

/** The scene's central lesson is planned and released today for every branch; branch A also has its own lesson. */
const learners = { memberA1: 'ok', memberA2: 'ok', memberB: 'ok', secretaryA: 'ok', secretaryB: 'ok', committeeA: 'ok' } as const;
const notCompleted = Object.fromEntries(Object.keys(learners).map((p) => [p, 'LESSON_NOT_COMPLETED']));
const officers = { secretaryA: 'ok', secretaryB: 'ok', committeeA: 'ok', admin: 'ok' } as const;
const { requestId: _unused, branchId: _b, ...content } = articleInput();

const LESSONS: Record<string, AccessRow> = {
  today: { input: () => ({}), expect: row(everyoneBound) },
  get: { input: (s) => ({ lessonId: s.centralLessonId }), expect: row(learners, 'LESSON_NOT_AVAILABLE') },
  progress: { input: (s) => ({ lessonId: s.centralLessonId, beats: [] }), expect: row(learners, 'LESSON_NOT_AVAILABLE') },
  // Member A1 has read the lesson through; the others have not (passed the policy, refused by the rule).
  answer: {
    input: (s) => ({ lessonId: s.centralLessonId, answers: { q1: [0], q2: [0, 1, 2] } }),
    expect: row({ ...notCompleted, memberA1: 'ok' }, 'LESSON_NOT_AVAILABLE'),
    prepare: async (s) => {
      await s.world.ok(lessons, s.openid.memberA1, 'get', { lessonId: s.centralLessonId });
      await readThrough(s.world, s.openid.memberA1, s.centralLessonId, 300);
    },
  },
  catchup: { input: () => ({}), expect: row(everyoneBound) },
  history: { input: () => ({}), expect: row(everyoneBound) },
  'library.list': { input: () => ({ scope: 'all' }), expect: row(officers) },
  'library.get': { input: (s) => ({ lessonId: s.branchLessonId }), expect: row(officersOfA) },
  'library.create': { input: () => articleInput({ branchId: BRANCH_A }), expect: row(officersOfA) },
  'library.update': { input: (s, who) => ({ lessonId: s.branchLessonId, ...content, title: `${who}改过的标题` }), expect: row(officersOfA) },
  'library.archive': { input: (s) => ({ lessonId: s.branchLessonId }), expect: row(officersOfA) },
  'plan.month': { input: () => ({ month: '2026-11', branchId: BRANCH_A }), expect: row({ memberA1: 'ok', memberA2: 'ok', ...officersOfA }) },
  'plan.set': { input: (s) => ({ scope: 'branch', branchId: BRANCH_A, date: s.tomorrow, lessonId: s.branchLessonId }), expect: row(officersOfA) },
  'plan.clear': { input: (s) => ({ branchId: BRANCH_A, date: s.tomorrow }), expect: row(officersOfA) },
  'plan.bulk': {
    input: (s) => ({ scope: 'branch', branchId: BRANCH_A, start: s.tomorrow, lessonIds: [s.branchLessonId], days: 'daily', overwrite: true }),
    expect: row(officersOfA),
  },
  'stats.branchDay': { input: () => ({ branchId: BRANCH_A }), expect: row(officersOfA) },
  'stats.branchTrend': { input: () => ({ branchId: BRANCH_A, days: 7 }), expect: row(officersOfA) },
  'stats.lesson': { input: (s) => ({ lessonId: s.centralLessonId, branchId: BRANCH_A }), expect: row(officersOfA) },
  'stats.committee': { input: () => ({ days: 7 }), expect: row({ admin: 'ok' }) },
  'stats.export': { input: () => ({ report: 'branchDay', branchId: BRANCH_A }), expect: row(officersOfA) },
  // At most every 30 minutes per branch: each allowed caller reminds in a scene of their own.
  remind: { input: () => ({ branchId: BRANCH_A }), expect: row(officersOfA), fresh: true },
};

accessMatrix('lessons', lessons, Object.keys(lessonsInput), LESSONS);
