import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import type { PlanEntry } from '../../src/domain/lesson/lesson';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { createArticle, planBranch, planCentral, setShanghai } from './lessons-fixtures';
import { cast } from './notices-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

const dayOf = (month: any, date: string) => month.days.find((d: any) => d.date === date);

describe('plan: central plan with branch overrides', () => {
  it('resolves each branch’s day: branch override > central > none, and “no lesson” days', async () => {
    const b1 = await cast(world, 'b_demo01');
    const a = await createArticle(world, ADMIN, { title: '中心课A' });
    const b = await createArticle(world, ADMIN, { title: '中心课B' });
    const own = await createArticle(world, b1.secretary.openid, { branchId: 'b_demo01', title: '心内自编课' });

    const set = await planCentral(world, ADMIN, '2026-11-24', a._id);
    expect(set).toMatchObject({ date: '2026-11-24', lessonId: a._id, source: 'central', title: '中心课A', kind: 'article', editable: true });
    await planCentral(world, ADMIN, '2026-11-25', b._id);
    await planCentral(world, ADMIN, '2026-11-26', a._id);
    const swapped = await planBranch(world, b1.secretary.openid, 'b_demo01', '2026-11-24', own._id);
    expect(swapped).toMatchObject({ lessonId: own._id, source: 'branch', off: false, centralLessonId: a._id, title: '心内自编课', centralTitle: '中心课A' });
    const off = await planBranch(world, b1.committee.openid, 'b_demo01', '2026-11-25', null);
    expect(off).toMatchObject({ lessonId: null, source: 'branch', off: true, centralTitle: '中心课B' });

    const month = await world.ok(lessons, b1.members[0].openid, 'plan.month', { month: '2026-11', branchId: 'b_demo01' });
    expect(month).toMatchObject({ month: '2026-11', branchId: 'b_demo01', today: '2026-11-22' });
    expect(month.days).toHaveLength(30);
    expect(dayOf(month, '2026-11-24')).toMatchObject({ lessonId: own._id, source: 'branch', editable: false });
    expect(dayOf(month, '2026-11-25')).toMatchObject({ lessonId: null, off: true });
    expect(dayOf(month, '2026-11-26')).toMatchObject({ lessonId: a._id, source: 'central' });
    expect(dayOf(month, '2026-11-27')).toMatchObject({ lessonId: null, source: 'none', off: false });
    // Another branch follows the central plan.
    const other = await world.ok(lessons, ADMIN, 'plan.month', { month: '2026-11', branchId: 'b_demo02' });
    expect(dayOf(other, '2026-11-24')).toMatchObject({ lessonId: a._id, source: 'central', editable: true });
    expect(dayOf(other, '2026-11-25')).toMatchObject({ lessonId: b._id });
    // The secretary sees the branch's month as editable from today on, not before.
    const officer = await world.ok(lessons, b1.secretary.openid, 'plan.month', { month: '2026-11', branchId: 'b_demo01' });
    expect(dayOf(officer, '2026-11-22').editable).toBe(true);
    expect(dayOf(officer, '2026-11-21').editable).toBe(false);

    // Back to the central plan.
    const cleared = await world.ok(lessons, b1.secretary.openid, 'plan.clear', { branchId: 'b_demo01', date: '2026-11-25' });
    expect(cleared).toMatchObject({ lessonId: b._id, source: 'central', off: false });
    // The central plan has no “off” days: null removes the entry.
    await planCentral(world, ADMIN, '2026-11-26', null);
    expect(await world.storage.collection<PlanEntry>('lessonPlan').get('plan:central:2026-11-26')).toBeNull();
    expect(await world.storage.collection<PlanEntry>('lessonPlan').get('plan:b_demo01:2026-11-24')).toMatchObject({ scope: 'branch', branchId: 'b_demo01', lessonId: own._id, setBy: b1.secretary._id });
  });

  it('guards who plans and views what, and which dates', async () => {
    const b1 = await cast(world, 'b_demo01');
    const b2 = await cast(world, 'b_demo02');
    const a = await createArticle(world, ADMIN);
    const refuse = (openid: string | null, action: string, data: unknown) => world.call(lessons, openid, action, data);
    expect(await refuse(b1.secretary.openid, 'plan.set', { scope: 'central', date: '2026-11-24', lessonId: a._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await refuse(b2.secretary.openid, 'plan.set', { scope: 'branch', branchId: 'b_demo01', date: '2026-11-24', lessonId: a._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await refuse(b1.members[0].openid, 'plan.set', { scope: 'branch', branchId: 'b_demo01', date: '2026-11-24', lessonId: a._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await refuse(b1.secretary.openid, 'plan.set', { scope: 'branch', date: '2026-11-24', lessonId: a._id })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '请选择支部' });
    expect(await refuse(b2.members[0].openid, 'plan.month', { month: '2026-11', branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await refuse(b1.members[0].openid, 'plan.month', { month: '2026-11', branchId: null })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.ok(lessons, b1.secretary.openid, 'plan.month', { month: '2026-12', branchId: null })).toMatchObject({ branchId: null, today: '2026-11-22' });
    expect(await refuse(ADMIN, 'plan.set', { scope: 'central', date: '2026-11-21', lessonId: a._id })).toMatchObject({ ok: false, code: 'PLAN_DATE_PAST' });
    expect(await refuse(ADMIN, 'plan.set', { scope: 'central', date: '2027-11-24', lessonId: a._id })).toMatchObject({ ok: false, code: 'PLAN_DATE_TOO_FAR' });
    expect(await refuse(ADMIN, 'plan.set', { scope: 'central', date: '2026-02-30', lessonId: a._id })).toMatchObject({ ok: false, message: '日期格式不正确' });
    expect(await refuse(ADMIN, 'plan.set', { scope: 'central', date: '2026-11-24', lessonId: 'l_nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('“today” for planning is the Shanghai date, not the UTC one', async () => {
    const a = await createArticle(world, ADMIN);
    // 2026-11-23 00:30 in Shanghai is still the 22nd in UTC.
    setShanghai(world, '2026-11-23', '00:30');
    expect(await world.call(lessons, ADMIN, 'plan.set', { scope: 'central', date: '2026-11-22', lessonId: a._id })).toMatchObject({ ok: false, code: 'PLAN_DATE_PAST' });
    expect(await world.ok(lessons, ADMIN, 'plan.month', { month: '2026-11', branchId: null })).toMatchObject({ today: '2026-11-23' });
  });
});

describe('plan: bulk', () => {
  it('lays lessons on consecutive weekdays, skipping planned dates unless told to overwrite', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createArticle(world, ADMIN, { title: `第${i + 1}课` }))._id);
    const taken = await createArticle(world, ADMIN, { title: '已排' });
    await planCentral(world, ADMIN, '2026-11-25', taken._id);
    // Monday 2026-11-23 onwards: 23, 24, (25 taken), 26, 27, then Monday 30.
    const result = await world.ok(lessons, ADMIN, 'plan.bulk', { scope: 'central', start: '2026-11-23', lessonIds: ids, days: 'weekdays' });
    expect(result).toEqual({
      assignments: [
        { date: '2026-11-23', lessonId: ids[0] },
        { date: '2026-11-24', lessonId: ids[1] },
        { date: '2026-11-26', lessonId: ids[2] },
        { date: '2026-11-27', lessonId: ids[3] },
        { date: '2026-11-30', lessonId: ids[4] },
      ],
      skipped: ['2026-11-25'],
      unplaced: [],
    });
    const month = await world.ok(lessons, ADMIN, 'plan.month', { month: '2026-11', branchId: null });
    expect(month.days.filter((d: any) => d.lessonId).map((d: any) => d.title)).toEqual(['第1课', '第2课', '已排', '第3课', '第4课', '第5课']);

    const b1 = await cast(world, 'b_demo01');
    const over = await world.ok(lessons, b1.secretary.openid, 'plan.bulk', { scope: 'branch', branchId: 'b_demo01', start: '2026-11-23', lessonIds: [taken._id, ids[0]], days: 'daily', overwrite: true });
    expect(over.assignments).toEqual([{ date: '2026-11-23', lessonId: taken._id }, { date: '2026-11-24', lessonId: ids[0] }]);
    expect(dayOf(await world.ok(lessons, b1.members[0].openid, 'plan.month', { month: '2026-11', branchId: 'b_demo01' }), '2026-11-23')).toMatchObject({ source: 'branch', lessonId: taken._id });
    expect(await world.call(lessons, b1.secretary.openid, 'plan.bulk', { scope: 'branch', branchId: 'b_demo01', start: '2026-11-23', lessonIds: ['l_nope'], days: 'daily' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
