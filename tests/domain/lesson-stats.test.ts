import { branchDayStats, committeeMatrix, committeeSheet, completionIndex, dailyRates, lessonStats, notStudiedSheet, rateSummary, ratePercent, trendDates, trendSheet } from '../../src/domain/lesson/stats';
import { remindTargets, lessonRemindAvailableAt } from '../../src/domain/lesson/remind';
import type { CheckRecord } from '../../src/domain/lesson/lesson';
import { MON_0700, lesson } from './lesson-builders';

const members = [
  { _id: 'm1', name: '张护士', partyGroupId: 'g1' },
  { _id: 'm2', name: '李医生', partyGroupId: 'g1' },
  { _id: 'm3', name: '王技师', partyGroupId: 'g2' },
  { _id: 'm4', name: '赵护士', partyGroupId: null },
  { _id: 'm5', name: '钱医生', partyGroupId: 'gone' },
];
const groups = [
  { _id: 'g1', name: '第一党小组' },
  { _id: 'g2', name: '第二党小组' },
];
const prog = (memberId: string, completedAt: number | null, percent: number, lessonId = 'L1') => ({ lessonId, memberId, completedAt, percent });

describe('a branch day', () => {
  it('counts completed x / y and lists who has not studied by party group, least progress first', () => {
    const s = branchDayStats({
      date: '2026-11-23',
      lessonId: 'L1',
      members,
      groups,
      progress: [prog('m1', MON_0700 + 1000, 100), prog('m2', null, 40), prog('m3', null, 10), prog('m4', MON_0700 + 5000, 95), prog('m5', null, 0, 'other')],
    });
    expect([s.expected, s.completed, s.ratePercent]).toEqual([5, 2, 40]);
    expect(s.groups).toEqual([
      { groupId: 'g1', groupName: '第一党小组', expected: 2, completed: 1, notStudied: [{ memberId: 'm2', name: '李医生', percent: 40, started: true }], studied: [{ memberId: 'm1', name: '张护士', completedAt: MON_0700 + 1000 }] },
      { groupId: 'g2', groupName: '第二党小组', expected: 1, completed: 0, notStudied: [{ memberId: 'm3', name: '王技师', percent: 10, started: true }], studied: [] },
      // No group, or a group no longer in the branch: “未分组”, last.
      { groupId: null, groupName: '未分组', expected: 2, completed: 1, notStudied: [{ memberId: 'm5', name: '钱医生', percent: 0, started: false }], studied: [{ memberId: 'm4', name: '赵护士', completedAt: MON_0700 + 5000 }] },
    ]);
    expect(s.unbound).toEqual([]);
  });

  it('sets members who never bound WeChat apart from 未学 and out of the rate, unless they completed', () => {
    const s = branchDayStats({
      date: '2026-11-23',
      lessonId: 'L1',
      members: [...members.slice(0, 3).map((m) => ({ ...m, bound: m._id !== 'm3' })), { ...members[3], bound: false }],
      groups,
      progress: [prog('m1', MON_0700 + 1000, 100), prog('m4', MON_0700 + 5000, 100)],
    });
    expect([s.expected, s.completed, s.ratePercent]).toEqual([3, 2, 66.7]);
    expect(s.unbound).toEqual([{ memberId: 'm3', name: '王技师', groupName: '第二党小组' }]);
    expect(s.groups.flatMap((g) => g.notStudied.map((m) => m.memberId))).toEqual(['m2']);
    const rates = dailyRates([{ date: '2026-11-23', lessonId: 'L1', memberIds: ['m1', 'm2', 'm3'] }], completionIndex([prog('m1', 1, 100)]), new Set(['m3']));
    expect(rates[0]).toMatchObject({ expected: 2, completed: 1, unbound: 1, ratePercent: 50 });
    expect(notStudiedSheet(s).slice(1)).toEqual([['第一党小组', '李医生', 0, '未开始'], ['第二党小组', '王技师', 0, '未绑定微信']]);
  });

  it('counts only completions up to asOf', () => {
    const s = branchDayStats({ date: '2026-11-23', lessonId: 'L1', members: members.slice(0, 1), groups, progress: [prog('m1', MON_0700 + 1000, 100)], asOf: MON_0700 });
    expect([s.completed, s.ratePercent]).toEqual([0, 0]);
    expect(s.groups[0].notStudied[0]).toMatchObject({ memberId: 'm1', started: true, percent: 99 });
  });

  it('has no rate on a day without a lesson', () => {
    expect(branchDayStats({ date: '2026-11-23', lessonId: null, members, groups, progress: [] })).toEqual({ date: '2026-11-23', lessonId: null, expected: 0, completed: 0, ratePercent: null, groups: [], unbound: [] });
  });

  it('rounds rates to one decimal and has none when nobody is expected', () => {
    expect(ratePercent(1, 3)).toBe(33.3);
    expect(ratePercent(2, 3)).toBe(66.7);
    expect(ratePercent(0, 0)).toBeNull();
  });
});

describe('daily rates and trend', () => {
  const index = completionIndex([
    { lessonId: 'A', memberId: 'm1', completedAt: 10 },
    { lessonId: 'A', memberId: 'm2', completedAt: 20 },
    { lessonId: 'B', memberId: 'm1', completedAt: 30 },
    { lessonId: 'B', memberId: 'm2', completedAt: null },
    { lessonId: 'C', memberId: 'm1', completedAt: 999 },
  ], 100);

  it('lists the last n days ending today', () => {
    expect(trendDates('2026-11-23', 7)).toEqual(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(trendDates('2026-11-23', 30)[0]).toBe('2026-10-25');
  });

  it('rates each day against the members expected that day', () => {
    const rates = dailyRates(
      [
        { date: '2026-11-21', lessonId: 'A', memberIds: ['m1', 'm2', 'm3'] },
        { date: '2026-11-22', lessonId: null, memberIds: ['m1', 'm2', 'm3'] },
        { date: '2026-11-23', lessonId: 'B', memberIds: ['m1', 'm2'] },
        { date: '2026-11-24', lessonId: 'C', memberIds: ['m1'] },
      ],
      index,
    );
    expect(rates).toEqual([
      { date: '2026-11-21', lessonId: 'A', expected: 3, completed: 2, unbound: 0, ratePercent: 66.7 },
      { date: '2026-11-22', lessonId: null, expected: 0, completed: 0, unbound: 0, ratePercent: null },
      { date: '2026-11-23', lessonId: 'B', expected: 2, completed: 1, unbound: 0, ratePercent: 50 },
      // Completed after asOf: not yet.
      { date: '2026-11-24', lessonId: 'C', expected: 1, completed: 0, unbound: 0, ratePercent: 0 },
    ]);
    expect(rateSummary(rates)).toEqual({ daysWithLesson: 3, expected: 6, completed: 3, ratePercent: 50 });
    expect(trendSheet(rates, (id) => `课${id}`)).toEqual([
      ['日期', '微党课', '应学人数', '完成人数', '完成率(%)', '未绑定人数'],
      ['2026-11-21', '课A', 3, 2, 66.7, 0],
      ['2026-11-22', '无课', 0, 0, '—', 0],
      ['2026-11-23', '课B', 2, 1, 50, 0],
      ['2026-11-24', '课C', 1, 0, 0, 0],
    ]);
  });

  it('builds the committee view: by branch by day, with totals', () => {
    const dates = ['2026-11-22', '2026-11-23'];
    const m = committeeMatrix(
      dates,
      [
        { _id: 'b1', name: '心内科支部', days: [{ date: '2026-11-22', lessonId: 'A', memberIds: ['m1', 'm2'] }, { date: '2026-11-23', lessonId: 'B', memberIds: ['m1', 'm2'] }] },
        // b2 has no release for the 23rd: no lesson that day.
        { _id: 'b2', name: '急诊支部', days: [{ date: '2026-11-22', lessonId: 'A', memberIds: ['m3', 'm4'] }] },
      ],
      index,
    );
    expect(m.rows.map((r) => r.days.map((d) => d.ratePercent))).toEqual([[100, 50], [0, null]]);
    expect(m.totals).toEqual([
      { date: '2026-11-22', expected: 4, completed: 2, ratePercent: 50 },
      { date: '2026-11-23', expected: 2, completed: 1, ratePercent: 50 },
    ]);
    expect(m.summary).toEqual({ daysWithLesson: 3, expected: 6, completed: 3, ratePercent: 50 });
    expect(committeeSheet(m)).toEqual([
      ['支部', '2026-11-22', '2026-11-23', '应学人次', '完成人次', '完成率(%)'],
      ['心内科支部', 100, 50, 4, 3, 75],
      ['急诊支部', 0, '—', 2, 0, 0],
      ['全院', 50, 50, 6, 3, 50],
    ]);
  });
});

describe('per-lesson stats', () => {
  const rec = (q1: number[], q2: number[], c1: boolean, c2: boolean): CheckRecord => ({ answers: { q1, q2 }, correct: { q1: c1, q2: c2 }, correctCount: +c1 + +c2, total: 2, at: 1 });

  it('counts starters, completions and first-attempt correctness per question', () => {
    const s = lessonStats(lesson(), [
      { lessonId: 'L1', completedAt: 5, check: rec([0], [0, 1, 2], true, true) },
      { lessonId: 'L1', completedAt: 6, check: rec([1], [0, 1], false, false) },
      { lessonId: 'L1', completedAt: null, check: rec([0], [0, 1, 2], true, true) },
      { lessonId: 'L1', completedAt: null, check: null },
      { lessonId: 'other', completedAt: 1, check: null },
    ]);
    expect(s).toEqual({
      lessonId: 'L1',
      started: 4,
      completed: 2,
      completionRatePercent: 50,
      answered: 3,
      questions: [
        { questionId: 'q1', prompt: '党的根本宗旨是什么？', answered: 3, correct: 2, ratePercent: 66.7, optionCounts: [2, 1] },
        { questionId: 'q2', prompt: '三会一课包括哪些？', answered: 3, correct: 2, ratePercent: 66.7, optionCounts: [3, 3, 2, 0] },
      ],
    });
  });

  it('has no rates before anyone studied', () => {
    const s = lessonStats(lesson(), []);
    expect(s.completionRatePercent).toBeNull();
    expect(s.questions[0]).toMatchObject({ answered: 0, ratePercent: null, optionCounts: [0, 0] });
  });
});

describe('reminding who has not studied', () => {
  it('targets the expected members not completed, with a cooldown', () => {
    const withOpenid = members.map((m) => ({ ...m, openid: m._id === 'm4' ? null : `o_${m._id}` }));
    const { targets, unbound } = remindTargets(withOpenid, new Set(['m1', 'm3']));
    // m4 never bound WeChat: not a target, counted apart.
    expect([targets.map((m) => m._id), unbound]).toEqual([['m2', 'm5'], 1]);
    expect(lessonRemindAvailableAt(null, 100)).toBeNull();
    expect(lessonRemindAvailableAt(0, 30 * 60 * 1000 - 1)).toBe(30 * 60 * 1000);
    expect(lessonRemindAvailableAt(0, 30 * 60 * 1000)).toBeNull();
  });

  it('exports who has not studied, by group', () => {
    const s = branchDayStats({ date: '2026-11-23', lessonId: 'L1', members, groups, progress: [prog('m2', null, 40)] });
    expect(notStudiedSheet(s)).toEqual([
      ['党小组', '姓名', '进度(%)', '状态'],
      ['第一党小组', '张护士', 0, '未开始'],
      ['第一党小组', '李医生', 40, '学习中'],
      ['第二党小组', '王技师', 0, '未开始'],
      ['未分组', '钱医生', 0, '未开始'],
      ['未分组', '赵护士', 0, '未开始'],
    ]);
  });
});
