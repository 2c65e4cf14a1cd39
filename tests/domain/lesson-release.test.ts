import { branchClock, dueReleases, isReleased, releaseInstant, releaseKey, studyDateAt, todayOf } from '../../src/domain/lesson/release';
import { MON_0000, MON_065959, MON_0700, SH, SUN_235959, at } from './lesson-builders';

const DAY = 24 * 3600 * 1000;
const shanghai = { releaseTime: '07:00', timeZone: SH };

describe('release instant and study date', () => {
  it('opens a date at the release time in the branch zone, as epoch ms', () => {
    expect(releaseInstant('2026-11-23', '07:00', SH)).toBe(MON_0700);
    expect(new Date(releaseInstant('2026-11-23', '07:00', SH)).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(releaseInstant('2026-11-23', '00:00', SH)).toBe(MON_0000);
    expect(releaseInstant('2026-11-23', '23:30', SH)).toBe(at('2026-11-23T15:30:00Z'));
  });

  it("is today's date in the zone, not in UTC", () => {
    expect(studyDateAt(SUN_235959, SH)).toBe('2026-11-22');
    expect(studyDateAt(MON_0000, SH)).toBe('2026-11-23');
    expect(studyDateAt(MON_0000, 'UTC')).toBe('2026-11-22');
  });

  it('releases at the instant, not a millisecond earlier', () => {
    expect(isReleased('2026-11-23', shanghai, MON_065959)).toBe(false);
    expect(isReleased('2026-11-23', shanghai, MON_0700 - 1)).toBe(false);
    expect(isReleased('2026-11-23', shanghai, MON_0700)).toBe(true);
    // Yesterday's lesson stays open.
    expect(isReleased('2026-11-22', shanghai, MON_065959)).toBe(true);
    // Tomorrow's is not open at midnight.
    expect(isReleased('2026-11-24', shanghai, MON_0700)).toBe(false);
  });

  it('defaults to 07:00 Asia/Shanghai when the branch has no or a bad setting', () => {
    expect(branchClock({})).toEqual({ releaseTime: '07:00', timeZone: SH });
    expect(branchClock({ releaseTime: '', timeZone: null })).toEqual({ releaseTime: '07:00', timeZone: SH });
    expect(branchClock({ releaseTime: '7am', timeZone: SH })).toEqual({ releaseTime: '07:00', timeZone: SH });
    expect(isReleased('2026-11-23', {}, MON_0700)).toBe(true);
    expect(isReleased('2026-11-23', {}, MON_065959)).toBe(false);
  });

  it('follows a branch release time of its own', () => {
    const early = { releaseTime: '06:30', timeZone: SH };
    expect(isReleased('2026-11-23', early, at('2026-11-22T22:29:59Z'))).toBe(false);
    expect(isReleased('2026-11-23', early, at('2026-11-22T22:30:00Z'))).toBe(true);
  });

  it('describes today for the home card', () => {
    expect(todayOf(shanghai, MON_065959)).toEqual({ date: '2026-11-23', releaseAt: MON_0700, released: false });
    expect(todayOf(shanghai, MON_0700)).toEqual({ date: '2026-11-23', releaseAt: MON_0700, released: true });
    expect(todayOf(shanghai, SUN_235959)).toEqual({ date: '2026-11-22', releaseAt: MON_0700 - DAY, released: true });
  });

  it('has a deterministic key', () => {
    expect(releaseKey('b1', '2026-11-23')).toBe('release:b1:2026-11-23');
  });
});

describe('dueReleases', () => {
  const b1 = { _id: 'b1', status: 'active', releaseTime: '07:00', timeZone: SH, createdAt: at('2026-01-01T00:00:00Z') };
  const b2 = { _id: 'b2', status: 'active', releaseTime: '06:30', timeZone: SH, createdAt: at('2026-01-01T00:00:00Z') };
  const keysUpTo = (branchId: string, lastDate: string, n = 10) =>
    Array.from({ length: n }, (_, i) => releaseKey(branchId, new Date(Date.parse(`${lastDate}T00:00:00Z`) - i * DAY).toISOString().slice(0, 10)));

  it("owes today's release at 07:00 Shanghai (23:00 UTC the day before), not at 06:59:59", () => {
    const done = keysUpTo('b1', '2026-11-22');
    expect(dueReleases([b1], MON_065959, done)).toEqual([]);
    expect(dueReleases([b1], MON_0700, done)).toEqual([{ key: 'release:b1:2026-11-23', branchId: 'b1', date: '2026-11-23', releaseAt: MON_0700, late: false }]);
  });

  it('is empty when the timer fires twice', () => {
    const first = dueReleases([b1, b2], MON_0700, keysUpTo('b1', '2026-11-22').concat(keysUpTo('b2', '2026-11-22')));
    expect(first.map((d) => d.key)).toEqual(['release:b2:2026-11-23', 'release:b1:2026-11-23']);
    expect(dueReleases([b1, b2], MON_0700 + 60_000, [...keysUpTo('b1', '2026-11-22'), ...keysUpTo('b2', '2026-11-22'), ...first.map((d) => d.key)])).toEqual([]);
  });

  it('catches up everything due in the last 7 days when the timer was late, oldest first, marking past days late', () => {
    const due = dueReleases([b1], MON_0700, []);
    expect(due.map((d) => d.date)).toEqual(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(due.map((d) => d.late)).toEqual([true, true, true, true, true, true, false]);
    // One millisecond before 07:00 the 16th's release is just inside the 7-day window, today's is not due yet.
    expect(dueReleases([b1], MON_0700 - 1, []).map((d) => d.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
  });

  it('only lists what has no key yet', () => {
    const due = dueReleases([b1], MON_0700, [releaseKey('b1', '2026-11-23'), releaseKey('b1', '2026-11-21')]);
    expect(due.map((d) => d.date)).toEqual(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-22']);
  });

  it('skips archived branches and days before a branch existed', () => {
    const archived = { ...b1, _id: 'b3', status: 'archived' };
    // Created on Saturday 21st at 10:00 Shanghai: owes the 21st (late, same-day catch-up of that day), the 22nd and the 23rd.
    const young = { ...b1, _id: 'b4', createdAt: at('2026-11-21T02:00:00Z') };
    expect(dueReleases([archived], MON_0700, [])).toEqual([]);
    expect(dueReleases([young], MON_0700, []).map((d) => d.date)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  });

  it('orders by release instant across branches with different release times', () => {
    const due = dueReleases([b1, b2], MON_0700, [...keysUpTo('b1', '2026-11-21'), ...keysUpTo('b2', '2026-11-21')]);
    expect(due.map((d) => d.key)).toEqual(['release:b2:2026-11-22', 'release:b1:2026-11-22', 'release:b2:2026-11-23', 'release:b1:2026-11-23']);
    expect(due.map((d) => d.late)).toEqual([true, true, false, false]);
  });

  it('uses each branch its own zone and defaults', () => {
    const tokyo = { _id: 'tk', releaseTime: '07:00', timeZone: 'Asia/Tokyo' };
    const plain = { _id: 'pl' };
    // 22:00 UTC = 07:00 in Tokyo on the 23rd; 06:00 in Shanghai.
    const now = at('2026-11-22T22:00:00Z');
    const done = [...keysUpTo('tk', '2026-11-22'), ...keysUpTo('pl', '2026-11-22')];
    expect(dueReleases([tokyo, plain], now, done).map((d) => d.key)).toEqual(['release:tk:2026-11-23']);
  });
});
