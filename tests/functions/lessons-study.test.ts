import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import type { Lesson, LessonProgress } from '../../src/domain/lesson/lesson';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { createArticle, createVideo, planCentral, playThrough, readThrough, RIGHT, WRONG } from './lessons-fixtures';
import { cast } from './notices-fixtures';

let world: FunctionWorld;
let b1: Awaited<ReturnType<typeof cast>>;
beforeEach(async () => {
  world = await makeWorld();
  b1 = await cast(world, 'b_demo01');
});

const progressDoc = (lessonId: string, memberId: string) => world.storage.collection<LessonProgress>('lessonProgress').get(`${lessonId}:${memberId}`);

/** A video lesson planned (and open) today, the 22nd, 09:00 Shanghai. */
async function todaysVideo() {
  const lesson = await createVideo(world, ADMIN);
  await planCentral(world, ADMIN, '2026-11-22', lesson._id);
  return lesson;
}

describe('opening a lesson', () => {
  it('sends the questions without answers or explanations, and resolves media to URLs', async () => {
    const lesson = await todaysVideo();
    const raw = await world.call(lessons, b1.members[0].openid, 'get', { lessonId: lesson._id });
    expect(raw.ok).toBe(true);
    const json = JSON.stringify(raw);
    expect(json).not.toContain('"correct"');
    expect(json).not.toContain('correctOptions');
    expect(json).not.toContain('explanation');
    expect(json).not.toContain('党章总纲明确规定');
    const view = (raw as any).data;
    expect(view.lesson.questions).toEqual([
      { id: 'q1', kind: 'single', prompt: '党的根本宗旨是什么？', options: ['全心全意为人民服务', '发展经济', '科技创新'] },
      { id: 'q2', kind: 'multiple', prompt: '“三会一课”中的三会包括哪些？', options: ['支部党员大会', '支部委员会', '党小组会', '运动会'] },
    ]);
    expect(view.lesson.chapters).toEqual([
      { index: 0, title: '第一节', durationSec: 60, url: `/api/files/${lesson.chapters[0].fileId}` },
      { index: 1, title: '第二节', durationSec: 60, url: `/api/files/${lesson.chapters[1].fileId}` },
    ]);
    expect(view).toMatchObject({ date: '2026-11-22', check: null, progress: { percent: 0, completed: false, chapters: [{ position: 0, coveredSec: 0 }, { position: 0, coveredSec: 0 }] } });
    // Opening created the member's progress and locked the lesson's content.
    expect(await progressDoc(lesson._id, b1.members[0]._id)).toMatchObject({ memberId: b1.members[0]._id, branchId: 'b_demo01', openedAt: world.clock.t });
    expect((await world.storage.collection<Lesson>('lessons').get(lesson._id))!.startedAt).toBe(world.clock.t);
  });
});

describe('progress', () => {
  it('seeking to the end does not complete; playing it does (≥ 90 % of the time actually played)', async () => {
    const lesson = await todaysVideo();
    const me = b1.members[0].openid;
    await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    world.clock.advance(5_000);
    // The player jumped to the end: a segment claiming 60 s played in 5 s, and the last 5 s of each chapter.
    const seek = await world.ok(lessons, me, 'progress', {
      lessonId: lesson._id,
      beats: [{ chapter: 0, from: 0, to: 60, playedMs: 5_000 }, { chapter: 0, from: 55, to: 60, playedMs: 5_000 }, { chapter: 1, from: 55, to: 60, playedMs: 5_000 }],
      resume: { chapter: 1, position: 60, at: world.clock.t },
    });
    expect(seek).toMatchObject({ accepted: 2, rejected: 1, justCompleted: false, week: null, progress: { percent: 8, completed: false } });

    // Real play: chapter 1 in full and 40 s of chapter 2 (+ the 5 s seen after the seek) is 105 of 120 s: 87 %.
    const almost = await playThrough(world, me, lesson._id, [60, 40]);
    expect(almost).toMatchObject({ justCompleted: false, progress: { completed: false, percent: 87 } });
    world.clock.advance(10_000);
    const done = await world.ok(lessons, me, 'progress', { lessonId: lesson._id, beats: [{ chapter: 1, from: 40, to: 50, playedMs: 10_000 }] });
    expect(done).toMatchObject({ justCompleted: true, progress: { completed: true, percent: 100 }, week: { daysThisWeek: 1, target: 5, met: false, streak: 0 } });
    const stored = (await progressDoc(lesson._id, b1.members[0]._id))!;
    expect(stored).toMatchObject({ completedDate: '2026-11-22', coveredSec: 115, percent: 95, completedAt: world.clock.t });
    expect(await world.ok(lessons, me, 'today')).toMatchObject({ progress: { completed: true, percent: 100 }, week: { daysThisWeek: 1 } });
  });

  it('at 2x speed the time played still counts; faster than that does not', async () => {
    const lesson = await todaysVideo();
    const me = b1.members[1].openid;
    await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    expect(await playThrough(world, me, lesson._id, [60, 60], 2)).toMatchObject({ progress: { completed: true } });

    const other = b1.members[2].openid;
    await world.ok(lessons, other, 'get', { lessonId: lesson._id });
    const fast = await playThrough(world, other, lesson._id, [60, 60], 3);
    expect(fast).toMatchObject({ accepted: 0, rejected: 1, progress: { percent: 0, completed: false } });
  });

  it('resumes on another device at the latest position, and a stale save from the first device does not regress it', async () => {
    const lesson = await todaysVideo();
    const me = b1.members[0].openid;
    await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    // Phone: plays the first chapter; its last save carries position 60 of chapter 0.
    await playThrough(world, me, lesson._id, [60]);
    const phoneAt = world.clock.t;
    // Tablet: opens later, resumes there, plays 30 s of chapter 1.
    world.clock.advance(60_000);
    const tablet = await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    expect(tablet.progress.resume).toEqual({ chapter: 0, position: 60 });
    for (let t = 0; t < 30; t += 10) {
      world.clock.advance(10_000);
      await world.ok(lessons, me, 'progress', { lessonId: lesson._id, beats: [{ chapter: 1, from: t, to: t + 10, playedMs: 10_000 }], resume: { chapter: 1, position: t + 10, at: world.clock.t } });
    }
    // The phone comes back online and replays an old save (a retry from before the tablet).
    const stale = await world.ok(lessons, me, 'progress', {
      lessonId: lesson._id,
      beats: [{ chapter: 0, from: 40, to: 50, playedMs: 10_000 }],
      resume: { chapter: 0, position: 50, at: phoneAt - 10_000 },
    });
    expect(stale.progress.resume).toEqual({ chapter: 1, position: 30 });
    expect(stale.progress.chapters).toEqual([{ position: 60, coveredSec: 60 }, { position: 30, coveredSec: 30 }]);
    expect(stale.progress.percent).toBe(75);
  });

  it('two devices saving at the same moment merge instead of losing either save', async () => {
    const lesson = await todaysVideo();
    const me = b1.members[0].openid;
    await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    world.clock.advance(40_000);
    await Promise.all([
      world.ok(lessons, me, 'progress', { lessonId: lesson._id, beats: [{ chapter: 0, from: 0, to: 20, playedMs: 20_000 }] }),
      world.ok(lessons, me, 'progress', { lessonId: lesson._id, beats: [{ chapter: 1, from: 0, to: 20, playedMs: 20_000 }] }),
    ]);
    const stored = (await progressDoc(lesson._id, b1.members[0]._id))! as LessonProgress & { rev: number };
    expect(stored.chapters.map((c) => c.covered)).toEqual([[[0, 20]], [[0, 20]]]);
    expect(stored.coveredSec).toBe(40);
    expect(stored.rev).toBe(3);
  });

  it('an article completes at the end only after its minimum reading time', async () => {
    const article = await createArticle(world, ADMIN);
    await planCentral(world, ADMIN, '2026-11-22', article._id);
    const me = b1.members[0].openid;
    const opened = await world.ok(lessons, me, 'get', { lessonId: article._id });
    expect(opened.progress.minReadSec).toBe(120);
    expect(opened.lesson.body).toEqual([
      { type: 'h', text: '一、学习的意义' },
      { type: 'p', text: '学'.repeat(593) },
    ]);
    // Scrolled to the end in 30 s: not enough reading.
    const quick = await readThrough(world, me, article._id, 30);
    expect(quick).toMatchObject({ justCompleted: false, progress: { reachedEnd: true, readSec: 30, completed: false, percent: 25 } });
    // Keeps reading until 2 minutes in all.
    world.clock.advance(90_000);
    const enough = await world.ok(lessons, me, 'progress', { lessonId: article._id, beats: [{ activeMs: 30_000, position: 1, atEnd: true }, { activeMs: 30_000, position: 1, atEnd: true }, { activeMs: 30_000, position: 1, atEnd: true }] });
    expect(enough).toMatchObject({ justCompleted: true, progress: { readSec: 120, completed: true, percent: 100 } });
  });

  it('a member writes only their own progress: there is no member field to send', async () => {
    const lesson = await todaysVideo();
    const [me, other] = b1.members;
    await world.ok(lessons, other.openid, 'get', { lessonId: lesson._id });
    const forged = await world.call(lessons, me.openid, 'progress', { lessonId: lesson._id, memberId: other._id, beats: [{ chapter: 0, from: 0, to: 10, playedMs: 10_000 }] });
    expect(forged).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '不支持的字段「memberId」' });
    expect(await world.call(lessons, me.openid, 'answer', { lessonId: lesson._id, memberId: other._id, answers: RIGHT })).toMatchObject({ ok: false, message: '不支持的字段「memberId」' });
    expect(await world.call(lessons, me.openid, 'get', { lessonId: lesson._id, memberId: other._id })).toMatchObject({ ok: false, message: '不支持的字段「memberId」' });
    world.clock.advance(10_000);
    await world.ok(lessons, me.openid, 'progress', { lessonId: lesson._id, beats: [{ chapter: 0, from: 0, to: 10, playedMs: 10_000 }] });
    expect((await progressDoc(lesson._id, other._id))!.coveredSec).toBe(0);
    expect((await progressDoc(lesson._id, me._id))!.coveredSec).toBe(10);
    expect(await world.call(lessons, null, 'progress', { lessonId: lesson._id, beats: [] })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('the check', () => {
  it('is scored on the server; the first attempt is kept, later ones are only shown', async () => {
    const lesson = await todaysVideo();
    const me = b1.members[0].openid;
    await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    expect(await world.call(lessons, me, 'answer', { lessonId: lesson._id, answers: RIGHT })).toMatchObject({ ok: false, code: 'LESSON_NOT_COMPLETED', message: '学完本课后才能答题' });
    await playThrough(world, me, lesson._id, [60, 60]);
    const first = await world.ok(lessons, me, 'answer', { lessonId: lesson._id, answers: WRONG });
    expect(first).toMatchObject({ firstAttempt: true, correctCount: 0, total: 2 });
    expect(first.results[1]).toEqual({ questionId: 'q2', chosen: [0, 1], correct: false, correctOptions: [0, 1, 2], explanation: '三会：党员大会、支委会、党小组会；一课：党课。' });
    const second = await world.ok(lessons, me, 'answer', { lessonId: lesson._id, answers: RIGHT });
    expect(second).toMatchObject({ firstAttempt: false, correctCount: 2 });
    const reopened = await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    expect(reopened.check).toMatchObject({ correctCount: 0, total: 2 });
    expect(reopened.progress).toMatchObject({ checkDone: true, checkCorrect: 0, checkTotal: 2 });

    expect(await world.call(lessons, me, 'answer', { lessonId: lesson._id, answers: { q1: [0] } })).toMatchObject({ ok: false, code: 'LESSON_ANSWERS_INCOMPLETE', message: '请回答第 2 题' });
    expect(await world.call(lessons, me, 'answer', { lessonId: lesson._id, answers: { q1: [0, 1], q2: [0] } })).toMatchObject({ ok: false, message: '第 1 题是单选题，只能选一项' });
    expect(await world.call(lessons, me, 'answer', { lessonId: lesson._id, answers: { ...RIGHT, q9: [0] } })).toMatchObject({ ok: false, message: '题目已更新，请刷新后重新作答' });
  });

  it('two devices answering at once store one first attempt', async () => {
    const lesson = await todaysVideo();
    const me = b1.members[0].openid;
    await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    await playThrough(world, me, lesson._id, [60, 60]);
    const [a, b] = await Promise.all([
      world.ok(lessons, me, 'answer', { lessonId: lesson._id, answers: RIGHT }),
      world.ok(lessons, me, 'answer', { lessonId: lesson._id, answers: WRONG }),
    ]);
    expect([a.firstAttempt, b.firstAttempt].filter(Boolean)).toHaveLength(1);
  });

  it('is only for lessons the member may study', async () => {
    const lesson = await createVideo(world, ADMIN);
    await planCentral(world, ADMIN, '2026-11-24', lesson._id);
    expect(await world.call(lessons, b1.members[0].openid, 'answer', { lessonId: lesson._id, answers: RIGHT })).toMatchObject({ ok: false, code: 'LESSON_NOT_AVAILABLE' });
    expect(await world.call(lessons, b1.members[0].openid, 'get', { lessonId: lesson._id, date: '2026-11-24' })).toMatchObject({ ok: false, code: 'LESSON_NOT_RELEASED' });
    expect(await world.call(lessons, b1.members[0].openid, 'get', { lessonId: 'l_missing' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('what a save costs', () => {
  /** Counts reads per collection while `work` runs (the same storage object the handlers get). */
  async function readsDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
    const reads: Record<string, number> = {};
    const original = world.storage.collection.bind(world.storage);
    const spy = jest.spyOn(world.storage, 'collection').mockImplementation(((name: string) => {
      const c = original(name);
      return new Proxy(c, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          if (!['get', 'find', 'count', 'findAll'].includes(String(prop))) return value.bind(target);
          return (...args: unknown[]) => ((reads[name] = (reads[name] ?? 0) + 1), value.apply(target, args));
        },
      });
    }) as typeof world.storage.collection);
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return reads;
  }

  it('reads the caller and the progress (which keeps the lesson’s study shape); the branch only on the save that completes', async () => {
    const lesson = await todaysVideo();
    const me = b1.members[0].openid;
    await world.ok(lessons, me, 'get', { lessonId: lesson._id });
    world.clock.advance(10_000);
    const beat = (chapter: number, from: number) => ({ chapter, from, to: from + 10, playedMs: 10_000 });
    const ordinary = await readsDuring(() => world.ok(lessons, me, 'progress', { lessonId: lesson._id, beats: [beat(0, 0)] }));
    expect(ordinary).toEqual({ members: 1, lessonProgress: 1 });

    world.clock.advance(110_000);
    const rest = [...Array.from({ length: 5 }, (_, i) => beat(0, 10 + i * 10)), ...Array.from({ length: 6 }, (_, i) => beat(1, i * 10))];
    let out: any;
    const completing = await readsDuring(async () => (out = await world.ok(lessons, me, 'progress', { lessonId: lesson._id, beats: rest })));
    expect(out.justCompleted).toBe(true);
    expect(completing.branches).toBeGreaterThanOrEqual(1);
    expect(completing.members).toBe(1);
    expect((await progressDoc(lesson._id, b1.members[0]._id))!.completedDate).toBe('2026-11-22');
  });
});
