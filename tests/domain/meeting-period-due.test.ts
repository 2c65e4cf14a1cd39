import { branchDue, dueState, requiredInYear, yearMatrix, type HeldFact } from '../../src/domain/meeting/due';
import { formatShanghaiDateTime, monthKeyOf, periodFor, shanghaiDate } from '../../src/domain/meeting/period';
import { DEFAULT_CADENCE } from '../../src/domain/meeting/types';

/** Shanghai wall time → epoch ms (UTC+8). */
const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

describe('Shanghai periods (process runs in UTC)', () => {
  test('the process time zone is UTC, so these tests prove the offset is applied', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  test('midnight Shanghai on the 1st belongs to the new month; one ms earlier to the old one', () => {
    expect(monthKeyOf(sh(2026, 12, 1))).toBe('2026-12');
    expect(monthKeyOf(sh(2026, 12, 1) - 1)).toBe('2026-11');
    // 2026-11-30 20:00 UTC is already December 1st in Shanghai.
    expect(monthKeyOf(Date.UTC(2026, 10, 30, 16))).toBe('2026-12');
  });

  test('quarter ends: 23:59 on 31 March is Q1, midnight 1 April is Q2; the year turns at Shanghai midnight', () => {
    expect(periodFor('quarterly', 2026, 3).key).toBe('2026-Q1');
    const q1 = periodFor('quarterly', 2026, 1);
    expect(q1.end).toBe(sh(2026, 4, 1));
    expect(q1.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(shanghaiDate(sh(2026, 12, 31, 23, 59))).toEqual({ year: 2026, month: 12, day: 31 });
    expect(shanghaiDate(sh(2027, 1, 1))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(periodFor('quarterly', 2026, 12)).toMatchObject({ key: '2026-Q4', label: '第四季度', end: sh(2027, 1, 1) });
    expect(periodFor('yearly', 2026, 5)).toMatchObject({ key: '2026', start: sh(2026, 1, 1), end: sh(2027, 1, 1) });
  });

  test('formats in Shanghai', () => {
    expect(formatShanghaiDateTime(sh(2026, 11, 28, 14, 30))).toBe('2026-11-28 14:30');
  });
});

describe('due and overdue', () => {
  const meeting = (type: HeldFact['type'], at: number, status: HeldFact['status'] = 'scheduled'): HeldFact => ({ type, startAt: at, status });

  test('held once one has started in the period; a cancelled or future one does not count', () => {
    const now = sh(2026, 11, 20, 10);
    expect(dueState('theme_day', 'monthly', 2026, 11, [meeting('theme_day', sh(2026, 11, 5, 15))], now).state).toBe('held');
    const future = dueState('theme_day', 'monthly', 2026, 11, [meeting('theme_day', sh(2026, 11, 25, 15))], now);
    expect(future).toMatchObject({ state: 'due', held: 0, scheduled: 1, nextAt: sh(2026, 11, 25, 15) });
    expect(dueState('theme_day', 'monthly', 2026, 11, [meeting('theme_day', sh(2026, 11, 5), 'cancelled')], now).state).toBe('due');
    // Another type or the previous month does not satisfy this month.
    expect(dueState('theme_day', 'monthly', 2026, 11, [meeting('group', sh(2026, 11, 5)), meeting('theme_day', sh(2026, 10, 31, 23, 59))], now).state).toBe('due');
  });

  test('due until the last millisecond of the period, overdue from Shanghai midnight after it', () => {
    expect(dueState('party_lesson', 'quarterly', 2026, 12, [], sh(2027, 1, 1) - 1).state).toBe('due');
    expect(dueState('party_lesson', 'quarterly', 2026, 12, [], sh(2027, 1, 1)).state).toBe('overdue');
    expect(dueState('party_lesson', 'quarterly', 2026, 3, [], sh(2026, 3, 31, 23, 59)).state).toBe('due');
    expect(dueState('party_lesson', 'quarterly', 2026, 3, [], sh(2026, 4, 1)).state).toBe('overdue');
  });

  test('a quarterly meeting held in the first month of the quarter satisfies the third', () => {
    expect(dueState('general_assembly', 'quarterly', 2026, 12, [meeting('general_assembly', sh(2026, 10, 10))], sh(2026, 12, 1)).state).toBe('held');
  });

  test('not required types are never due', () => {
    expect(dueState('org_life', 'none', 2026, 11, [], sh(2027, 2, 1)).state).toBe('not_required');
  });

  test('branchDue: one result per type with the default cadence', () => {
    const now = sh(2026, 11, 28, 9);
    const results = branchDue(DEFAULT_CADENCE, [meeting('branch_committee', sh(2026, 11, 3))], now);
    expect(results).toHaveLength(7);
    expect(results.find((r) => r.type === 'branch_committee')!.state).toBe('held');
    expect(results.find((r) => r.type === 'general_assembly')!.period.key).toBe('2026-Q4');
    expect(branchDue(DEFAULT_CADENCE, [], now, '2026-10').find((r) => r.type === 'theme_day')!.state).toBe('overdue');
  });

  test('yearMatrix: overdue months, the open current month, nothing required after it', () => {
    const now = sh(2026, 11, 15);
    const held: HeldFact[] = [];
    for (let m = 1; m <= 10; m++) for (const t of ['branch_committee', 'group', 'theme_day'] as const) held.push(meeting(t, sh(2026, m, 10)));
    held.push(meeting('general_assembly', sh(2026, 2, 1)), meeting('party_lesson', sh(2026, 3, 1)), meeting('general_assembly', sh(2026, 5, 1)), meeting('party_lesson', sh(2026, 6, 1)));
    held.push(meeting('general_assembly', sh(2026, 8, 1)), meeting('party_lesson', sh(2026, 9, 1)));
    const cells = yearMatrix(DEFAULT_CADENCE, held, 2026, now);
    expect(cells.map((c) => c.state)).toEqual(['held', 'held', 'held', 'held', 'held', 'held', 'held', 'held', 'held', 'held', 'due', 'not_required']);
    // November: 3 monthly + 2 quarterly (Q4 open) + 2 yearly = 7 due.
    expect(cells[10]).toMatchObject({ due: 7, overdue: 0 });
    // Take September's 党课 away: Q3 ends in September, so September is overdue.
    const missing = held.filter((m) => !(m.type === 'party_lesson' && m.startAt === sh(2026, 9, 1)));
    expect(yearMatrix(DEFAULT_CADENCE, missing, 2026, now)[8]).toMatchObject({ state: 'overdue', overdue: 1 });
  });

  test('requiredInYear counts periods ended or open', () => {
    const now = sh(2026, 11, 15);
    expect(requiredInYear('monthly', 2026, now)).toBe(11);
    expect(requiredInYear('quarterly', 2026, now)).toBe(4);
    expect(requiredInYear('yearly', 2026, now)).toBe(1);
    expect(requiredInYear('monthly', 2025, now)).toBe(12);
    expect(requiredInYear('monthly', 2027, now)).toBe(0);
    expect(requiredInYear('none', 2026, now)).toBe(0);
  });
});
