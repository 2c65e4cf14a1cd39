import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import type { Member } from '../../src/domain/org/types';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { createVideo, planCentral, playThrough, setShanghai, sh } from './lessons-fixtures';
import { cast } from './notices-fixtures';

let world: FunctionWorld;
let b1: Awaited<ReturnType<typeof cast>>;
/** date → lessonId, one central lesson a day from Sunday 22nd to Sunday 29th. */
const byDate = new Map<string, string>();
const DATES = ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

beforeEach(async () => {
  world = await makeWorld();
  b1 = await cast(world, 'b_demo01');
  byDate.clear();
  for (const date of DATES) {
    const lesson = await createVideo(world, ADMIN, { title: `${date} 的课` });
    await planCentral(world, ADMIN, date, lesson._id);
    byDate.set(date, lesson._id);
  }
});

async function study(openid: string | null, lessonId: string, date?: string) {
  await world.ok(lessons, openid, 'get', { lessonId, ...(date ? { date } : {}) });
  return playThrough(world, openid, lessonId, [60, 60]);
}

describe('catch-up', () => {
  it('offers the past 7 days’ lessons not completed, newest first; today’s lesson is not a catch-up', async () => {
    const me = b1.members[0];
    setShanghai(world, '2026-11-24', '12:00');
    await study(me.openid, byDate.get('2026-11-24')!);
    setShanghai(world, '2026-11-27', '09:00');
    const today = await world.ok(lessons, me.openid, 'today');
    expect(today).toMatchObject({ date: '2026-11-27', catchUpCount: 4 });
    const list = await world.ok(lessons, me.openid, 'catchup');
    expect(list.items.map((i: any) => i.date)).toEqual(['2026-11-26', '2026-11-25', '2026-11-23', '2026-11-22']);
    expect(list.items[0]).toMatchObject({ percent: 0, lesson: { lessonId: byDate.get('2026-11-26'), title: '2026-11-26 的课' } });

    // Half of one, then completing another from the list: it leaves the list and counts for today.
    await world.ok(lessons, me.openid, 'get', { lessonId: byDate.get('2026-11-25')!, date: '2026-11-25' });
    await playThrough(world, me.openid, byDate.get('2026-11-25')!, [60]);
    await study(me.openid, byDate.get('2026-11-22')!, '2026-11-22');
    const after = await world.ok(lessons, me.openid, 'catchup');
    expect(after.items.map((i: any) => [i.date, i.percent])).toEqual([['2026-11-26', 0], ['2026-11-25', 50], ['2026-11-23', 0]]);
    expect((await world.ok(lessons, me.openid, 'today')).week).toMatchObject({ daysThisWeek: 2 });
  });

  it('the window moves: a day older than 7 days is no longer offered or open', async () => {
    const me = b1.members[0];
    setShanghai(world, '2026-11-30', '09:00');
    const list = await world.ok(lessons, me.openid, 'catchup');
    expect(list.items.map((i: any) => i.date)).toEqual(['2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23']);
    expect(await world.call(lessons, me.openid, 'get', { lessonId: byDate.get('2026-11-22')!, date: '2026-11-22' })).toMatchObject({
      ok: false,
      code: 'LESSON_NOT_AVAILABLE',
      message: '该微党课已超过 7 天补学期限',
    });
    // A lesson already started stays open (to finish it, or to look back).
    setShanghai(world, '2026-11-29', '09:00');
    await world.ok(lessons, me.openid, 'get', { lessonId: byDate.get('2026-11-22')! });
    setShanghai(world, '2026-12-10', '09:00');
    expect(await world.call(lessons, me.openid, 'get', { lessonId: byDate.get('2026-11-22')! })).toMatchObject({ ok: true });
  });

  it('days before the member bound their WeChat are not owed', async () => {
    const me = b1.members[0];
    await world.storage.collection<Member>('members').updateById(me._id, { $set: { boundAt: sh('2026-11-25', '20:00') } });
    setShanghai(world, '2026-11-27', '09:00');
    expect((await world.ok(lessons, me.openid, 'catchup')).items.map((i: any) => i.date)).toEqual(['2026-11-26', '2026-11-25']);
  });
});

describe('weekly-target streak and history', () => {
  it('counts distinct study days per Monday-based week against 5, and the run of weeks that met it', async () => {
    const me = b1.members[0];
    // Monday to Thursday, each day's lesson on its day.
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']) {
      setShanghai(world, date, '21:30');
      await study(me.openid, byDate.get(date)!);
    }
    setShanghai(world, '2026-11-27', '08:00');
    expect((await world.ok(lessons, me.openid, 'today')).week).toEqual({ daysThisWeek: 4, target: 5, met: false, weekStart: '2026-11-23', streak: 0 });
    // Saturday just after midnight: a nurse off a night shift catches up last Sunday's lesson — it counts for
    // Saturday, the day she studied, not for the lesson's own date.
    setShanghai(world, '2026-11-28', '00:20');
    await study(me.openid, byDate.get('2026-11-22')!, '2026-11-22');
    expect((await world.ok(lessons, me.openid, 'today')).week).toEqual({ daysThisWeek: 5, target: 5, met: true, weekStart: '2026-11-23', streak: 1 });
    // Next Monday: this week has not met the target yet, which does not break the streak.
    setShanghai(world, '2026-11-30', '09:00');
    expect((await world.ok(lessons, me.openid, 'today')).week).toMatchObject({ daysThisWeek: 0, met: false, weekStart: '2026-11-30', streak: 1 });
    // A week missed breaks it.
    setShanghai(world, '2026-12-08', '09:00');
    expect((await world.ok(lessons, me.openid, 'today')).week).toMatchObject({ streak: 0 });

    // History: newest first, paged by completion time, with the check result.
    await world.storage.collection('lessonProgress').updateById(`${byDate.get('2026-11-24')}:${me._id}`, { $set: { check: { answers: {}, correct: {}, correctCount: 1, total: 2, at: 0 } } });
    const page1 = await world.ok(lessons, me.openid, 'history', { limit: 3 });
    expect(page1.items.map((i: any) => i.completedDate)).toEqual(['2026-11-28', '2026-11-26', '2026-11-25']);
    expect(page1.items[0]).toMatchObject({ lessonId: byDate.get('2026-11-22'), title: '2026-11-22 的课', kind: 'video', checkCorrect: null });
    const page2 = await world.ok(lessons, me.openid, 'history', { limit: 3, before: page1.next });
    expect(page2.items.map((i: any) => [i.completedDate, i.checkCorrect, i.checkTotal])).toEqual([['2026-11-24', 1, 2], ['2026-11-23', null, null]]);
    expect(page2.next).toBeNull();
    // Another member's history is their own.
    expect((await world.ok(lessons, b1.members[1].openid, 'history', {})).items).toEqual([]);
  });
});
