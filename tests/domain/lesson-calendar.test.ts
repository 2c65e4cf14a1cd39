import { assertPlanDate, monthView, planBulk, planChange, planEntryId, plannedDatesFrom, resolveDay, resolveDays } from '../../src/domain/lesson/calendar';
import { codeOf } from './lesson-builders';

const e = (date: string, lessonId: string | null) => ({ date, lessonId });

describe('resolution: branch override > central plan > none', () => {
  it('takes the central lesson when the branch has no override', () => {
    expect(resolveDay('2026-11-23', e('2026-11-23', 'C'), null)).toEqual({ date: '2026-11-23', lessonId: 'C', source: 'central', off: false, centralLessonId: 'C' });
  });

  it("takes the branch's swap or its own lesson over the central one", () => {
    expect(resolveDay('2026-11-23', e('2026-11-23', 'C'), e('2026-11-23', 'B'))).toEqual({ date: '2026-11-23', lessonId: 'B', source: 'branch', off: false, centralLessonId: 'C' });
    expect(resolveDay('2026-11-23', null, e('2026-11-23', 'B'))).toMatchObject({ lessonId: 'B', source: 'branch', centralLessonId: null });
  });

  it('lets a branch say “no lesson that day”', () => {
    expect(resolveDay('2026-11-23', e('2026-11-23', 'C'), e('2026-11-23', null))).toEqual({ date: '2026-11-23', lessonId: null, source: 'branch', off: true, centralLessonId: 'C' });
  });

  it('is none when nothing is planned', () => {
    expect(resolveDay('2026-11-23', undefined, undefined)).toEqual({ date: '2026-11-23', lessonId: null, source: 'none', off: false, centralLessonId: null });
  });

  it('resolves many days by date', () => {
    const days = resolveDays(['2026-11-23', '2026-11-24', '2026-11-25'], [e('2026-11-23', 'C1'), e('2026-11-24', 'C2')], [e('2026-11-24', 'B2'), e('2026-11-25', null)]);
    expect(days.map((d) => [d.lessonId, d.source, d.off])).toEqual([
      ['C1', 'central', false],
      ['B2', 'branch', false],
      [null, 'branch', true],
    ]);
  });
});

describe('month view', () => {
  it("lists every day of the month resolved for a branch, including the central lesson it overrides", () => {
    const days = monthView('2026-11', [e('2026-11-02', 'C'), e('2026-11-30', 'C30'), e('2026-12-01', 'next month')], [e('2026-11-02', 'B')]);
    expect(days).toHaveLength(30);
    expect(days[0]).toMatchObject({ date: '2026-11-01', source: 'none' });
    expect(days[1]).toMatchObject({ date: '2026-11-02', lessonId: 'B', source: 'branch', centralLessonId: 'C' });
    expect(days[29]).toMatchObject({ date: '2026-11-30', lessonId: 'C30', source: 'central' });
  });

  it('shows the central plan alone without overrides, and leap Februaries in full', () => {
    expect(monthView('2028-02', [e('2028-02-29', 'C')])).toHaveLength(29);
    expect(monthView('2028-02', [e('2028-02-29', 'C')])[28]).toMatchObject({ lessonId: 'C', source: 'central' });
  });
});

describe('setting a day', () => {
  const m = { by: 'm1', now: 5 };
  it('uses one deterministic entry per scope, branch and date', () => {
    expect(planEntryId('central', null, '2026-11-23')).toBe('plan:central:2026-11-23');
    expect(planEntryId('branch', 'b1', '2026-11-23')).toBe('plan:b1:2026-11-23');
  });

  it('puts a central lesson and removes the central entry for null', () => {
    expect(planChange('central', 'ignored', '2026-11-23', { lessonId: 'C' }, m)).toEqual({
      op: 'put',
      entry: { _id: 'plan:central:2026-11-23', scope: 'central', branchId: null, date: '2026-11-23', lessonId: 'C', setBy: 'm1', setAt: 5 },
    });
    expect(planChange('central', null, '2026-11-23', { lessonId: null }, m)).toEqual({ op: 'remove', id: 'plan:central:2026-11-23' });
  });

  it('stores a branch “no lesson” and removes the override to inherit the central plan', () => {
    expect(planChange('branch', 'b1', '2026-11-23', { lessonId: null }, m)).toMatchObject({ op: 'put', entry: { _id: 'plan:b1:2026-11-23', branchId: 'b1', lessonId: null } });
    expect(planChange('branch', 'b1', '2026-11-23', { inherit: true }, m)).toEqual({ op: 'remove', id: 'plan:b1:2026-11-23' });
    expect(codeOf(() => planChange('branch', null, '2026-11-23', { lessonId: 'B' }, m))).toBe('BAD_REQUEST');
  });

  it('changes today and the future only, up to a year ahead', () => {
    expect(codeOf(() => assertPlanDate('2026-11-22', '2026-11-23'))).toBe('PLAN_DATE_PAST');
    expect(codeOf(() => assertPlanDate('2026-11-23', '2026-11-23'))).toBe('none');
    expect(codeOf(() => assertPlanDate('2027-11-24', '2026-11-23'))).toBe('none');
    expect(codeOf(() => assertPlanDate('2027-11-25', '2026-11-23'))).toBe('PLAN_DATE_TOO_FAR');
  });

  it('finds where a lesson is still planned from today on', () => {
    expect(plannedDatesFrom([e('2026-11-30', 'X'), e('2026-11-20', 'X'), e('2026-11-23', 'X'), e('2026-11-24', 'Y')], 'X', '2026-11-23')).toEqual(['2026-11-23', '2026-11-30']);
  });
});

describe('bulk planning', () => {
  it('lays lessons on weekdays from the start, jumping the weekend', () => {
    // Saturday 21st: the first weekday is Monday 23rd.
    const r = planBulk({ lessonIds: ['a', 'b', 'c', 'd', 'e', 'f'], start: '2026-11-21', days: 'weekdays', occupied: [], overwrite: false });
    expect(r.assignments).toEqual([
      { date: '2026-11-23', lessonId: 'a' },
      { date: '2026-11-24', lessonId: 'b' },
      { date: '2026-11-25', lessonId: 'c' },
      { date: '2026-11-26', lessonId: 'd' },
      { date: '2026-11-27', lessonId: 'e' },
      { date: '2026-11-30', lessonId: 'f' },
    ]);
    expect(r.skipped).toEqual([]);
    expect(r.unplaced).toEqual([]);
  });

  it('lays lessons on every day when asked', () => {
    const r = planBulk({ lessonIds: ['a', 'b', 'c'], start: '2026-11-21', days: 'daily', occupied: [], overwrite: false });
    expect(r.assignments.map((a) => a.date)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  });

  it('skips dates that already have entries, moving the lesson to the next free date', () => {
    const r = planBulk({ lessonIds: ['a', 'b', 'c'], start: '2026-11-23', days: 'weekdays', occupied: ['2026-11-24', '2026-11-25', '2026-11-28'], overwrite: false });
    expect(r.assignments).toEqual([
      { date: '2026-11-23', lessonId: 'a' },
      { date: '2026-11-26', lessonId: 'b' },
      { date: '2026-11-27', lessonId: 'c' },
    ]);
    // The occupied Saturday is not a weekday, so it is not reported as skipped.
    expect(r.skipped).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('replaces existing entries with overwrite', () => {
    const r = planBulk({ lessonIds: ['a', 'b'], start: '2026-11-23', days: 'weekdays', occupied: ['2026-11-24'], overwrite: true });
    expect(r.assignments).toEqual([
      { date: '2026-11-23', lessonId: 'a' },
      { date: '2026-11-24', lessonId: 'b' },
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('reports lessons that found no date before the limit', () => {
    const r = planBulk({ lessonIds: ['a', 'b', 'c'], start: '2026-11-23', days: 'weekdays', occupied: ['2026-11-24'], overwrite: false, until: '2026-11-24' });
    expect(r.assignments).toEqual([{ date: '2026-11-23', lessonId: 'a' }]);
    expect(r.unplaced).toEqual(['b', 'c']);
  });
});
