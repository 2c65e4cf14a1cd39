import { applySave, openProgress } from '../../src/domain/lesson/progress';
import { weekStreak, weeklyProgress } from '../../src/domain/lesson/streak';
import { MON_0000, MON_0700, SH, SUN_235959, at, lesson } from './lesson-builders';

/** Completion days of weeks starting Monday 2026-11-02, 11-09, 11-16 (Mon–Fri each). */
const weekdaysOf = (monday: string, n = 5) => Array.from({ length: n }, (_, i) => `${monday.slice(0, 8)}${String(+monday.slice(8) + i).padStart(2, '0')}`);

describe('weekly progress', () => {
  const thisWeek = ['2026-11-16', '2026-11-17', '2026-11-17', '2026-11-19', '2026-11-21', '2026-11-22'];

  it('counts distinct study days of the Monday-based week in Shanghai', () => {
    expect(weeklyProgress(thisWeek, SUN_235959, SH)).toEqual({ daysThisWeek: 5, target: 5, met: true, weekStart: '2026-11-16' });
  });

  it('starts a new week at Monday 00:00 Shanghai (16:00 UTC on Sunday)', () => {
    expect(weeklyProgress(thisWeek, MON_0000, SH)).toEqual({ daysThisWeek: 0, target: 5, met: false, weekStart: '2026-11-23' });
    // In UTC it would still be Sunday: the zone matters.
    expect(weeklyProgress(thisWeek, MON_0000, 'UTC').daysThisWeek).toBe(5);
  });

  it('takes a custom target', () => {
    expect(weeklyProgress(['2026-11-23', '2026-11-24', '2026-11-25'], at('2026-11-25T04:00:00Z'), SH, 3)).toMatchObject({ daysThisWeek: 3, target: 3, met: true });
  });
});

describe('week streak', () => {
  const past = [...weekdaysOf('2026-11-02'), ...weekdaysOf('2026-11-09'), ...weekdaysOf('2026-11-16')];

  it('counts consecutive weeks meeting the target, ending with last week', () => {
    expect(weekStreak(past, MON_0700, SH)).toBe(3);
  });

  it('adds this week once it is met, and an unmet running week does not break it', () => {
    const now = at('2026-11-27T04:00:00Z'); // Friday 12:00 Shanghai
    expect(weekStreak([...past, ...weekdaysOf('2026-11-23', 4)], now, SH)).toBe(3);
    expect(weekStreak([...past, ...weekdaysOf('2026-11-23', 5)], now, SH)).toBe(4);
  });

  it('breaks on a week below target', () => {
    const gap = [...weekdaysOf('2026-11-02'), ...weekdaysOf('2026-11-09', 4), ...weekdaysOf('2026-11-16')];
    expect(weekStreak(gap, MON_0700, SH)).toBe(1);
    expect(weekStreak(weekdaysOf('2026-11-09'), MON_0700, SH)).toBe(0);
    expect(weekStreak([], MON_0700, SH)).toBe(0);
  });

  it('reads “last week” in the zone around midnight', () => {
    // Sunday 23:59:59: the week of the 16th is still this week (met → 1 + the two before).
    expect(weekStreak(past, SUN_235959, SH)).toBe(3);
    expect(weekStreak(past.slice(5), SUN_235959, SH)).toBe(2);
  });

  it('counts a catch-up completion on the day it was done, not on the lesson day', () => {
    // Friday 20th's lesson, caught up on Sunday 22nd at 23:59:59 Shanghai.
    const l = lesson(undefined, { _id: 'fri' });
    const beats = [0, 1].flatMap((chapter) => Array.from({ length: 30 }, (_, i) => ({ chapter, from: i * 10, to: i * 10 + 10, playedMs: 10_000 })));
    const done = applySave(l, openProgress(l, 'm1', 'b1', SUN_235959 - 700_000), { beats }, { memberId: 'm1', branchId: 'b1', now: SUN_235959, tz: SH }).progress;
    expect(done.completedDate).toBe('2026-11-22');
    // Mon, Tue, Wed, Thu + the Sunday catch-up: five study days in the week of the 16th.
    const dates = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', done.completedDate!];
    expect(weeklyProgress(dates, SUN_235959, SH).met).toBe(true);
  });
});
