import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import { releaseDueLessons } from '../../cloudfunctions/lessons/src/release';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import type { LessonRelease } from '../../src/domain/lesson/lesson';
import type { Member } from '../../src/domain/org/types';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { createArticle, createVideo, planBranch, planCentral, setShanghai, sh } from './lessons-fixtures';
import { cast } from './notices-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

/** The scheduler's context: the same storage and clock, no caller identity. */
const timerCtx = (w: FunctionWorld): FunctionContext => ({ openid: null, storage: w.storage, now: w.clock.now, randomBytes: (n) => new Uint8Array(n), demo: true, wechat: w.wechat, files: w.files, channels: w.channels });
const releases = (w: FunctionWorld) => w.storage.collection<LessonRelease>('lessonReleases');

describe('today before and after the 07:00 release (Asia/Shanghai, clock in UTC)', () => {
  it('shows a planned day as closed at 06:59 and open at 07:00 on the 23rd, with or without the scheduler', async () => {
    const b1 = await cast(world, 'b_demo01');
    const lesson = await createVideo(world, ADMIN, { title: '周一的课' });
    await planCentral(world, ADMIN, '2026-11-23', lesson._id);
    await releaseDueLessons(timerCtx(world)); // the scheduler is up to date on Sunday morning
    const me = b1.members[0].openid;

    world.clock.t = Date.parse('2026-11-22T22:59:00Z'); // 06:59 on the 23rd in Shanghai
    const before = await world.ok(lessons, me, 'today');
    expect(before).toMatchObject({ date: '2026-11-23', releaseAt: sh('2026-11-23', '07:00'), released: false, planned: true, lesson: null, source: 'central', progress: null });
    expect(JSON.stringify(before)).not.toContain(lesson._id);
    expect(await world.call(lessons, me, 'get', { lessonId: lesson._id, date: '2026-11-23' })).toMatchObject({ ok: false, code: 'LESSON_NOT_RELEASED' });
    expect(await world.call(lessons, me, 'get', { lessonId: lesson._id })).toMatchObject({ ok: false, code: 'LESSON_NOT_RELEASED' });

    world.clock.t = Date.parse('2026-11-22T23:00:00Z'); // 07:00: open, though the scheduler has not run
    const after = await world.ok(lessons, me, 'today');
    expect(after).toMatchObject({ date: '2026-11-23', released: true, planned: true, source: 'central', lesson: { lessonId: lesson._id, title: '周一的课', kind: 'video', durationSec: 120, chapterCount: 2 } });
    expect(after.progress).toMatchObject({ percent: 0, completed: false, resume: { chapter: 0, position: 0 } });
    expect(await releases(world).get('release:b_demo01:2026-11-23')).toBeNull();

    const report = await releaseDueLessons(timerCtx(world));
    expect(report).toEqual({ due: 14, released: 14, alreadyReleased: 0, late: 0 });
    expect(await world.ok(lessons, me, 'today')).toEqual(after);
  });

  it('a member without a branch (the committee admin) has no daily lesson', async () => {
    const lesson = await createVideo(world, ADMIN);
    await planCentral(world, ADMIN, '2026-11-22', lesson._id);
    expect(await world.ok(lessons, ADMIN, 'today')).toMatchObject({ date: '2026-11-22', released: true, planned: false, lesson: null, source: 'none', catchUpCount: 0, week: { daysThisWeek: 0, target: 5 } });
    expect(await world.call(lessons, ADMIN, 'get', { lessonId: lesson._id })).toMatchObject({ ok: false, code: 'LESSON_NOT_AVAILABLE' });
  });

  it('shows a branch’s “no lesson” day and its own lesson, and refuses lessons of other branches', async () => {
    const b1 = await cast(world, 'b_demo01');
    const b2 = await cast(world, 'b_demo02');
    const central = await createVideo(world, ADMIN);
    const own = await createArticle(world, b2.secretary.openid, { branchId: 'b_demo02', title: '呼吸自编课' });
    await planCentral(world, ADMIN, '2026-11-23', central._id);
    await planBranch(world, b1.secretary.openid, 'b_demo01', '2026-11-23', null);
    await planBranch(world, b2.secretary.openid, 'b_demo02', '2026-11-23', own._id);
    setShanghai(world, '2026-11-23', '08:00');
    expect(await world.ok(lessons, b1.members[0].openid, 'today')).toMatchObject({ planned: false, lesson: null, source: 'branch', off: true });
    expect(await world.ok(lessons, b2.members[0].openid, 'today')).toMatchObject({ planned: true, source: 'branch', lesson: { lessonId: own._id, branchId: 'b_demo02' } });
    expect(await world.call(lessons, b1.members[0].openid, 'get', { lessonId: own._id })).toMatchObject({ ok: false, code: 'LESSON_NOT_AVAILABLE' });
    expect(await world.call(lessons, b1.members[0].openid, 'get', { lessonId: central._id })).toMatchObject({ ok: false, code: 'LESSON_NOT_AVAILABLE' });
  });
});

describe('release: exactly once', () => {
  it('two ticks at once write one record per branch-day', async () => {
    const lesson = await createVideo(world, ADMIN);
    await planCentral(world, ADMIN, '2026-11-23', lesson._id);
    await releaseDueLessons(timerCtx(world)); // up to date on Sunday morning
    const before = await releases(world).count({});
    setShanghai(world, '2026-11-23', '07:00');
    const [r1, r2] = await Promise.all([releaseDueLessons(timerCtx(world)), releaseDueLessons(timerCtx(world))]);
    // Both ticks found the same 14 branch-days owed (a real race); each record landed once, the loser saw duplicates.
    expect([r1.due, r2.due]).toEqual([14, 14]);
    expect(r1.released + r2.released).toBe(14);
    expect(r1.alreadyReleased + r2.alreadyReleased).toBe(14);
    expect(await releases(world).count({})).toBe(before + 14);
    expect(await releaseDueLessons(timerCtx(world))).toEqual({ due: 0, released: 0, alreadyReleased: 0, late: 0 });
    const record = (await releases(world).get('release:b_demo01:2026-11-23'))!;
    expect(record).toMatchObject({ branchId: 'b_demo01', date: '2026-11-23', lessonId: lesson._id, source: 'central', releaseAt: sh('2026-11-23', '07:00'), releasedAt: sh('2026-11-23', '07:00') });
    expect(record.memberIds).toHaveLength(26);
    expect(await releases(world).get('release:b_demo01:2026-11-22')).toMatchObject({ lessonId: null, source: 'none' });
  });

  it('a late timer (down for three days) releases each missed day once, marking the past ones late', async () => {
    const lesson = await createVideo(world, ADMIN);
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25']) await planCentral(world, ADMIN, date, lesson._id);
    await releaseDueLessons(timerCtx(world)); // the 22nd
    setShanghai(world, '2026-11-25', '10:15');
    const late = await releaseDueLessons(timerCtx(world));
    expect(late).toEqual({ due: 42, released: 42, alreadyReleased: 0, late: 28 });
    const b1 = (await releases(world).find({ branchId: 'b_demo01', date: { $gte: '2026-11-22' } }, { orderBy: [['date', 'asc']] })).map((r) => [r.date, r.lessonId, r.releasedAt]);
    expect(b1).toEqual([
      ['2026-11-22', null, sh('2026-11-22', '09:00')],
      ['2026-11-23', lesson._id, sh('2026-11-25', '10:15')],
      ['2026-11-24', lesson._id, sh('2026-11-25', '10:15')],
      ['2026-11-25', lesson._id, sh('2026-11-25', '10:15')],
    ]);
    world.clock.advance(60_000);
    expect((await releaseDueLessons(timerCtx(world))).released).toBe(0);
  });

  it('freezes the day: later roster changes do not rewrite who was expected', async () => {
    const b1 = await cast(world, 'b_demo01');
    const lesson = await createVideo(world, ADMIN);
    await planCentral(world, ADMIN, '2026-11-23', lesson._id);
    await planCentral(world, ADMIN, '2026-11-25', lesson._id);
    setShanghai(world, '2026-11-23', '07:01');
    await releaseDueLessons(timerCtx(world));
    // A member moves out of the branch after the release…
    await world.storage.collection<Member>('members').updateById(b1.members[5]._id, { $set: { branchId: 'b_demo02' } });
    setShanghai(world, '2026-11-24', '09:00');
    const day = await world.ok(lessons, b1.secretary.openid, 'stats.branchDay', { branchId: 'b_demo01', date: '2026-11-23' });
    // …and still counts for the 23rd, where she was expected.
    expect(day).toMatchObject({ lessonId: lesson._id, expected: 21, completed: 0 });
    expect(day.unbound).toHaveLength(5);
    expect(day.groups.flatMap((g: any) => g.notStudied.map((m: any) => m.memberId))).toContain(b1.members[5]._id);
    // An unreleased future day counts the roster as it is now.
    expect(await world.ok(lessons, b1.secretary.openid, 'stats.branchDay', { branchId: 'b_demo01', date: '2026-11-25' })).toMatchObject({ expected: 20, released: false });
  });

  it('changing today’s plan after the release re-freezes today, so members see the change', async () => {
    const b1 = await cast(world, 'b_demo01');
    const first = await createVideo(world, ADMIN, { title: '原定课' });
    const second = await createArticle(world, b1.secretary.openid, { branchId: 'b_demo01', title: '调整后' });
    await planCentral(world, ADMIN, '2026-11-23', first._id);
    setShanghai(world, '2026-11-23', '07:00');
    await releaseDueLessons(timerCtx(world));
    setShanghai(world, '2026-11-23', '08:30');
    await planBranch(world, b1.secretary.openid, 'b_demo01', '2026-11-23', second._id);
    expect(await releases(world).get('release:b_demo01:2026-11-23')).toMatchObject({ lessonId: second._id, source: 'branch' });
    expect(await world.ok(lessons, b1.members[0].openid, 'today')).toMatchObject({ source: 'branch', lesson: { title: '调整后' } });
    // Other branches keep the central lesson.
    expect(await releases(world).get('release:b_demo02:2026-11-23')).toMatchObject({ lessonId: first._id, source: 'central' });
    // Clearing the central plan for today re-freezes every branch that follows it.
    await planCentral(world, ADMIN, '2026-11-23', null);
    expect(await releases(world).get('release:b_demo02:2026-11-23')).toMatchObject({ lessonId: null, source: 'none' });
    expect(await releases(world).get('release:b_demo01:2026-11-23')).toMatchObject({ lessonId: second._id, source: 'branch' });
  });
});
