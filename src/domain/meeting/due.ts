import { monthKey, parseMonthKey, periodFor, shanghaiDate, type Period } from './period';
import { MEETING_TYPES, type Cadence, type CadenceTable, type DueState, type MeetingType } from './types';

/**
 * What a branch has held, what is due and what is overdue. A period's requirement is met by a
 * meeting of the type that is not cancelled and has started (startAt ≤ now) within the period.
 * Until the period ends an unmet requirement is due; after, overdue.
 */

/** The least a due computation needs of a meeting. */
export interface HeldFact {
  type: MeetingType;
  startAt: number;
  status: 'scheduled' | 'cancelled';
}

export interface DueResult {
  type: MeetingType;
  cadence: Cadence;
  period: Period;
  state: DueState;
  held: number;
  scheduled: number;
  nextAt: number | null;
}

/** The state of one type for the period containing the Shanghai month `year-month`, seen at `now`. */
export function dueState(type: MeetingType, cadence: Cadence, year: number, month: number, meetings: HeldFact[], now: number): DueResult {
  const period = periodFor(cadence, year, month);
  const inPeriod = meetings.filter((m) => m.type === type && m.status === 'scheduled' && m.startAt >= period.start && m.startAt < period.end);
  const held = inPeriod.filter((m) => m.startAt <= now).length;
  const upcoming = inPeriod.filter((m) => m.startAt > now).map((m) => m.startAt).sort((a, b) => a - b);
  let state: DueState;
  if (cadence === 'none') state = 'not_required';
  else if (held > 0) state = 'held';
  else if (now >= period.end) state = 'overdue';
  else state = 'due';
  return { type, cadence, period, state, held, scheduled: upcoming.length, nextAt: upcoming[0] ?? null };
}

/** Every type for the month containing `now` (or the given `YYYY-MM`). */
export function branchDue(table: CadenceTable, meetings: HeldFact[], now: number, month?: string): DueResult[] {
  const { year, month: m } = month ? parseMonthKey(month) : shanghaiDate(now);
  return MEETING_TYPES.map((type) => dueState(type, table[type], year, m, meetings, now));
}

export interface MonthCellResult {
  month: string;
  state: DueState;
  held: number;
  due: number;
  overdue: number;
}

/**
 * A branch's year as twelve months for the committee's matrix. A required type counts in the month
 * its period ends (a quarterly meeting shows in March, June…), and in the current month while its
 * period is still open; months after the current one are not yet required (not_required unless
 * something was already held). `held` counts required meetings held in the month itself.
 */
export function yearMatrix(table: CadenceTable, meetings: HeldFact[], year: number, now: number): MonthCellResult[] {
  const today = shanghaiDate(now);
  const current = today.year * 12 + today.month;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const key = monthKey(year, month);
    const index = year * 12 + month;
    let held = 0;
    let due = 0;
    let overdue = 0;
    for (const type of MEETING_TYPES) {
      const cadence = table[type];
      if (cadence === 'none') continue;
      const result = dueState(type, cadence, year, month, meetings, now);
      held += meetings.filter((m) => m.type === type && m.status === 'scheduled' && m.startAt <= now && monthKeyOfStart(m.startAt) === key).length;
      const endsHere = result.period.months[result.period.months.length - 1] === key;
      const openNow = index === current;
      if (index > current || (!endsHere && !openNow)) continue;
      if (result.state === 'overdue') overdue++;
      else if (result.state === 'due') due++;
    }
    const state: DueState = overdue > 0 ? 'overdue' : due > 0 ? 'due' : held > 0 || index <= current ? 'held' : 'not_required';
    return { month: key, state, held, due, overdue };
  });
}

function monthKeyOfStart(ms: number): string {
  const d = shanghaiDate(ms);
  return monthKey(d.year, d.month);
}

/** How many meetings of a type the cadence requires in a year up to `now` (periods ended or current). */
export function requiredInYear(cadence: Cadence, year: number, now: number): number {
  if (cadence === 'none') return 0;
  const today = shanghaiDate(now);
  if (year > today.year) return 0;
  const lastMonth = year < today.year ? 12 : today.month;
  if (cadence === 'monthly') return lastMonth;
  if (cadence === 'quarterly') return Math.ceil(lastMonth / 3);
  return 1;
}
