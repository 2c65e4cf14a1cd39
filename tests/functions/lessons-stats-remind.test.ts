import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import { releaseDueLessons } from '../../cloudfunctions/lessons/src/release';
import { noticesFunction as notices } from '../../cloudfunctions/notices/src/handler';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import type { SubscriptionCredit } from '../../src/domain/notice/types';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { createVideo, planCentral, playThrough, RIGHT, setShanghai, WRONG } from './lessons-fixtures';
import { cast } from './notices-fixtures';
import { readSheet } from './xlsx-fixtures';

let world: FunctionWorld;
let b1: Awaited<ReturnType<typeof cast>>;
let b2: Awaited<ReturnType<typeof cast>>;
let sunday: string;
let monday: string;

const timerCtx = (w: FunctionWorld): FunctionContext => ({ openid: null, storage: w.storage, now: w.clock.now, randomBytes: (n) => new Uint8Array(n), demo: true, wechat: w.wechat, files: w.files, channels: w.channels });

async function complete(openid: string | null, lessonId: string, date?: string) {
  await world.ok(lessons, openid, 'get', { lessonId, ...(date ? { date } : {}) });
  await playThrough(world, openid, lessonId, [60, 60]);
}

/**
 * Sunday 22nd (today when the world starts): 5 of branch 1 complete Sunday's lesson. Monday 23rd:
 * 3 complete Monday's lesson (answering the check 2 right, 1 wrong), a 4th starts it, and one more
 * catches up Sunday's.
 */
beforeEach(async () => {
  world = await makeWorld();
  b1 = await cast(world, 'b_demo01');
  b2 = await cast(world, 'b_demo02');
  sunday = (await createVideo(world, ADMIN, { title: '周日课' }))._id;
  monday = (await createVideo(world, ADMIN, { title: '周一课' }))._id;
  await planCentral(world, ADMIN, '2026-11-22', sunday);
  await planCentral(world, ADMIN, '2026-11-23', monday);
  await releaseDueLessons(timerCtx(world));
  for (const m of b1.members.slice(0, 5)) await complete(m.openid, sunday);
  setShanghai(world, '2026-11-23', '07:00');
  await releaseDueLessons(timerCtx(world));
  setShanghai(world, '2026-11-23', '08:00');
  for (const m of b1.members.slice(0, 3)) await complete(m.openid, monday);
  await world.ok(lessons, b1.members[0].openid, 'answer', { lessonId: monday, answers: RIGHT });
  await world.ok(lessons, b1.members[1].openid, 'answer', { lessonId: monday, answers: WRONG });
  await world.ok(lessons, b1.members[2].openid, 'answer', { lessonId: monday, answers: { q1: [0], q2: [0] } });
  await world.ok(lessons, b1.members[3].openid, 'get', { lessonId: monday });
  world.clock.advance(10_000);
  await world.ok(lessons, b1.members[3].openid, 'progress', { lessonId: monday, beats: [{ chapter: 0, from: 0, to: 10, playedMs: 10_000 }] });
  await complete(b1.members[5].openid, sunday, '2026-11-22');
  setShanghai(world, '2026-11-23', '12:00');
});

describe('secretary statistics', () => {
  it('today: x / y and who has not studied, by party group, least progress first', async () => {
    const day = await world.ok(lessons, b1.secretary.openid, 'stats.branchDay', { branchId: 'b_demo01' });
    // 26 on the roster, 5 never bound WeChat: apart, not 未学, outside the rate.
    expect(day).toMatchObject({ date: '2026-11-23', lessonId: monday, lessonTitle: '周一课', expected: 21, completed: 3, ratePercent: 14.3, released: true, remindAvailableAt: null });
    const unboundIds = b1.all.filter((m) => m.openid === null).map((m) => m._id).sort();
    expect(day.unbound.map((m: any) => m.memberId).sort()).toEqual(unboundIds);
    expect(day.groups.flatMap((g: any) => g.notStudied.map((m: any) => m.memberId))).not.toContain(unboundIds[0]);
    expect(day.groups.flatMap((g: any) => g.studied.map((m: any) => m.memberId)).sort()).toEqual(b1.members.slice(0, 3).map((m) => m._id).sort());
    expect(day.groups.map((g: any) => [g.groupName, g.expected])).toEqual([['护理党小组', 9], ['医生党小组', 12]]);
    const notStudied = day.groups.flatMap((g: any) => g.notStudied);
    expect(notStudied).toHaveLength(18);
    const started = notStudied.find((m: any) => m.memberId === b1.members[3]._id);
    expect(started).toMatchObject({ name: b1.members[3].name, percent: 8, started: true });
    for (const g of day.groups) expect(g.notStudied.map((m: any) => m.percent)).toEqual([...g.notStudied.map((m: any) => m.percent)].sort((a: number, b: number) => a - b));
    // The committee sees it too; another branch's officers and members do not.
    expect(await world.call(lessons, ADMIN, 'stats.branchDay', { branchId: 'b_demo01' })).toMatchObject({ ok: true });
    expect(await world.call(lessons, b2.secretary.openid, 'stats.branchDay', { branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.members[0].openid, 'stats.branchDay', { branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A past day rises as members catch up: Sunday now has 6.
    expect(await world.ok(lessons, b1.committee.openid, 'stats.branchDay', { branchId: 'b_demo01', date: '2026-11-22' })).toMatchObject({ lessonId: sunday, expected: 21, completed: 6, ratePercent: 28.6, remindAvailableAt: null });
  });

  it('7- and 30-day trends count only open days since the branch existed', async () => {
    const trend = await world.ok(lessons, b1.secretary.openid, 'stats.branchTrend', { branchId: 'b_demo01', days: 7 });
    expect(trend.days.map((d: any) => d.date)).toEqual(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(trend.days.slice(0, 5).every((d: any) => d.lessonId === null && d.ratePercent === null)).toBe(true);
    expect(trend.days.slice(5)).toEqual([
      { date: '2026-11-22', lessonId: sunday, title: '周日课', expected: 21, completed: 6, unbound: 5, ratePercent: 28.6 },
      { date: '2026-11-23', lessonId: monday, title: '周一课', expected: 21, completed: 3, unbound: 5, ratePercent: 14.3 },
    ]);
    expect(trend.summary).toEqual({ daysWithLesson: 2, expected: 42, completed: 9, ratePercent: 21.4 });
    expect((await world.ok(lessons, ADMIN, 'stats.branchTrend', { branchId: 'b_demo01', days: 30 })).days).toHaveLength(30);
    expect(await world.call(lessons, b2.committee.openid, 'stats.branchTrend', { branchId: 'b_demo01', days: 7 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, ADMIN, 'stats.branchTrend', { branchId: 'b_demo01', days: 14 })).toMatchObject({ ok: false, message: '请选择统计周期（7 天或 30 天）' });
  });

  it('per lesson: completion of those who started and first-attempt correctness per question', async () => {
    const stats = await world.ok(lessons, b1.secretary.openid, 'stats.lesson', { lessonId: monday });
    expect(stats).toMatchObject({ lessonId: monday, title: '周一课', branchId: 'b_demo01', started: 4, completed: 3, completionRatePercent: 75, answered: 3 });
    expect(stats.questions).toEqual([
      { questionId: 'q1', prompt: '党的根本宗旨是什么？', answered: 3, correct: 2, ratePercent: 66.7, optionCounts: [2, 1, 0] },
      { questionId: 'q2', prompt: '“三会一课”中的三会包括哪些？', answered: 3, correct: 1, ratePercent: 33.3, optionCounts: [3, 2, 1, 0] },
    ]);
    expect(await world.ok(lessons, ADMIN, 'stats.lesson', { lessonId: monday })).toMatchObject({ branchId: null, started: 4 });
    expect(await world.ok(lessons, ADMIN, 'stats.lesson', { lessonId: monday, branchId: 'b_demo02' })).toMatchObject({ branchId: 'b_demo02', started: 0, completionRatePercent: null });
    // Another branch's secretary sees their own branch's numbers, never branch 1's.
    expect(await world.ok(lessons, b2.secretary.openid, 'stats.lesson', { lessonId: monday })).toMatchObject({ branchId: 'b_demo02', started: 0 });
    expect(await world.call(lessons, b2.secretary.openid, 'stats.lesson', { lessonId: monday, branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.members[0].openid, 'stats.lesson', { lessonId: monday })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('committee statistics and export', () => {
  it('completion by branch by day, branches by name, hospital totals', async () => {
    const m = await world.ok(lessons, ADMIN, 'stats.committee', { days: 7 });
    expect(m.dates).toHaveLength(7);
    expect(m.rows).toHaveLength(14);
    const names = m.rows.map((r: any) => r.branchName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'zh-CN')));
    const row1 = m.rows.find((r: any) => r.branchId === 'b_demo01');
    expect(row1.days.slice(5).map((d: any) => [d.date, d.completed, d.expected])).toEqual([['2026-11-22', 6, 21], ['2026-11-23', 3, 21]]);
    expect(row1.unbound).toBe(5);
    expect(m.totals.slice(5)).toEqual([
      { date: '2026-11-22', expected: 239, completed: 6, ratePercent: 2.5 },
      { date: '2026-11-23', expected: 239, completed: 3, ratePercent: 1.3 },
    ]);
    expect(m.summary).toEqual({ daysWithLesson: 28, expected: 478, completed: 9, ratePercent: 1.9 });
    expect(await world.call(lessons, b1.secretary.openid, 'stats.committee', { days: 7 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('exports the committee matrix, a branch day (who has not studied) and a branch trend as xlsx', async () => {
    const read = (file: any, sheet: string): Promise<any[][]> => readSheet(file.base64, sheet);
    const committee = await world.ok(lessons, ADMIN, 'stats.export', { report: 'committee', days: 7 });
    expect(committee.fileName).toBe('各支部学习情况_7天_20261123.xlsx');
    const rows = await read(committee, '完成率');
    expect(rows[3]).toEqual(['支部', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '应学人次', '完成人次', '完成率(%)']);
    expect(rows[rows.length - 1]).toEqual(['全院', '—', '—', '—', '—', '—', 2.5, 1.3, 478, 9, 1.9]);

    const day = await world.ok(lessons, b1.secretary.openid, 'stats.export', { report: 'branchDay', branchId: 'b_demo01' });
    expect(day.fileName).toBe('学习情况_心血管内科党支部_2026-11-23.xlsx');
    const dayRows = await read(day, '未学名单');
    expect(dayRows[0]).toEqual(['心血管内科党支部 2026-11-23 微党课：周一课']);
    expect(dayRows[3]).toEqual(['党小组', '姓名', '进度(%)', '状态']);
    expect(dayRows.slice(4)).toHaveLength(23);
    expect(dayRows.slice(4).filter((r) => r[3] === '未绑定微信')).toHaveLength(5);
    expect(dayRows.slice(4).filter((r) => r[3] === '学习中').map((r) => r[1])).toEqual([b1.members[3].name]);

    const trend = await world.ok(lessons, b1.secretary.openid, 'stats.export', { report: 'branchTrend', branchId: 'b_demo01', days: 7 });
    expect((await read(trend, '每日完成率')).slice(-2)).toEqual([
      ['2026-11-22', '周日课', 21, 6, 28.6, 5],
      ['2026-11-23', '周一课', 21, 3, 14.3, 5],
    ]);
    // Names per day: every expected member of each day with a lesson, newest day first.
    const names = await read(trend, '每日名单');
    expect(names[0]).toEqual(['日期', '微党课', '党小组', '姓名', '状态']);
    expect(names.slice(1).filter((r) => r[0] === '2026-11-23')).toHaveLength(26);
    expect(names.slice(1).filter((r) => r[0] === '2026-11-22' && r[4] === '已完成').map((r) => r[3]).sort()).toEqual([...b1.members.slice(0, 6)].map((m) => m.name).sort());
    expect(names.slice(1).filter((r) => r[0] === '2026-11-23' && r[4] === '未绑定微信')).toHaveLength(5);
    expect(names[1][0]).toBe('2026-11-23');
    expect(await world.call(lessons, b2.secretary.openid, 'stats.export', { report: 'branchDay', branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.secretary.openid, 'stats.export', { report: 'committee' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.secretary.openid, 'stats.export', { report: 'branchDay' })).toMatchObject({ ok: false, message: '请选择支部' });
  });
});

describe('reminding who has not studied', () => {
  const credits = () => world.storage.collection<SubscriptionCredit>('subscriptionCredits');

  it('reaches everyone not done in-app and by WeChat where a credit exists, with a 30-minute cooldown', async () => {
    // Two members granted a subscription (after reading a notice): one credit each.
    for (const m of [b1.members[3], b1.members[4]]) await world.ok(notices, m.openid, 'subscribe', { accepted: 1 });
    world.channels.clear();
    const batch = await world.ok(lessons, b1.secretary.openid, 'remind', { branchId: 'b_demo01' });
    // 23 not done, 5 of them never bound WeChat: 18 reminded, and the 5 are not claimed as reached.
    expect(batch).toMatchObject({ branchId: 'b_demo01', date: '2026-11-23', at: world.clock.t, total: 18, wechat: 2, inAppOnly: 16, unbound: 5, deferredUntil: null });
    // The reach report: 2 by WeChat, 16 only in-app, named with the reason.
    expect(batch.reach.rounds[0]).toMatchObject({ n: 1, status: 'sent', total: 18, reached: { wechat: 2, wecom: 0, sms: 0, inapp: 16 } });
    expect(batch.reach.rounds[0].failures).toEqual([{ channel: 'wechat', reason: 'no_credit', label: '未授权微信提醒', count: 16 }]);
    expect(batch.reach.rounds[0].unreached).toHaveLength(16);
    expect(batch.reach.rounds[0].unreached.map((u: any) => u.memberId)).not.toContain(b1.members[3]._id);
    expect(world.channels.deliveredTo('wechat').sort()).toEqual([b1.members[3]._id, b1.members[4]._id].sort());
    expect(world.channels.sent[0].message).toEqual({
      kind: 'lesson',
      urgent: false,
      page: `pages/lesson/index?lessonId=${monday}&date=2026-11-23`,
      title: '周一课',
      from: b1.secretary.name,
      time: '2026-11-23 07:00',
      tip: '今日微党课尚未完成，请抽空学习',
    });
    expect((await credits().get(`${b1.members[3]._id}:notice_reminder`))!.credits).toBe(0);
    const stored = await world.storage.collection('lessonReminders').get('lr:b_demo01:2026-11-23:1');
    expect(stored).toMatchObject({ by: b1.secretary._id, lessonId: monday, total: 18, wechat: 2 });
    expect((stored as any).memberIds).not.toContain(b1.all.find((m) => m.openid === null)!._id);
    expect((stored as any).memberIds).not.toContain(b1.members[0]._id);
    // In-app: the reminded member's home card says who reminded them; someone already done is not told.
    expect(await world.ok(lessons, b1.members[5].openid, 'today')).toMatchObject({ reminded: { at: batch.at, byName: b1.secretary.name } });
    expect(await world.ok(lessons, b1.members[0].openid, 'today')).toMatchObject({ reminded: null });

    // Within 30 minutes: refused for every officer of the branch, and the day view says when.
    world.clock.advance(10 * 60_000);
    expect(await world.call(lessons, b1.committee.openid, 'remind', { branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'CONFLICT', message: '提醒过于频繁，请在 20 分钟后再试' });
    expect(await world.ok(lessons, b1.secretary.openid, 'stats.branchDay', { branchId: 'b_demo01' })).toMatchObject({ remindAvailableAt: batch.at + 30 * 60_000 });
    // After it: again, now in-app only (the credits were spent).
    world.clock.advance(21 * 60_000);
    expect(await world.ok(lessons, b1.committee.openid, 'remind', { branchId: 'b_demo01' })).toMatchObject({ total: 18, wechat: 0, inAppOnly: 18 });
    expect(world.channels.deliveredTo('wechat')).toHaveLength(2);
  });

  it('a double tap sends one batch', async () => {
    const [a, b] = await Promise.all([
      world.call(lessons, b1.secretary.openid, 'remind', { branchId: 'b_demo01' }),
      world.call(lessons, b1.committee.openid, 'remind', { branchId: 'b_demo01' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await world.storage.collection('lessonReminders').count({ branchId: 'b_demo01' })).toBe(1);
  });

  it('only the branch’s officers and the committee, only once today’s lesson is open, only if someone is left', async () => {
    expect(await world.call(lessons, b1.members[0].openid, 'remind', { branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b2.secretary.openid, 'remind', { branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    setShanghai(world, '2026-11-24', '06:30');
    expect(await world.call(lessons, b1.secretary.openid, 'remind', { branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'LESSON_NOT_RELEASED' });
    // The 24th has no lesson; the remind freezes the day itself when the scheduler has not yet.
    setShanghai(world, '2026-11-24', '09:00');
    expect(await world.call(lessons, b1.secretary.openid, 'remind', { branchId: 'b_demo01' })).toMatchObject({ ok: false, message: '今天没有安排微党课' });
    expect(await world.storage.collection('lessonReleases').get('release:b_demo01:2026-11-24')).toMatchObject({ lessonId: null });
    // Branch 13 (12 members): everyone done.
    const b13 = await cast(world, 'b_demo13');
    setShanghai(world, '2026-11-23', '13:00');
    for (const m of b13.all) {
      if (!m.openid) await world.storage.collection('members').updateById(m._id, { $set: { openid: `demo:${m._id}` } });
      await complete(`demo:${m._id}`, monday);
    }
    expect(await world.call(lessons, ADMIN, 'remind', { branchId: 'b_demo13' })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '今天的微党课大家都已完成，无需提醒' });
  });
});
