import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { AppError } from '../shared/errors';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Calendar dates (`YYYY-MM-DD`) and clock times (`HH:mm`) as plain strings, with arithmetic done on
 * day numbers so the process time zone (UTC in functions, +08:00 on phones) never leaks in.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isClockString = (s: string): boolean => CLOCK_RE.test(s);
export const isMonthString = (s: string): boolean => MONTH_RE.test(s);

export function isDateString(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  return fromDayNumber(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS) === s;
}

function assertDate(s: string): void {
  if (!isDateString(s)) throw new AppError('BAD_REQUEST', '日期格式不正确');
}

/** Days since 1970-01-01. */
export function toDayNumber(date: string): number {
  assertDate(date);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (date: string, n: number): string => fromDayNumber(toDayNumber(date) + n);

/** `b - a` in days. */
export const daysBetween = (a: string, b: string): number => toDayNumber(b) - toDayNumber(a);

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  const d = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
  return d === 0 ? 7 : d;
}

export const isWeekday = (date: string): boolean => isoWeekday(date) <= 5;

/** The Monday of the date's week. */
export const weekStartOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function dateRange(from: string, to: string): string[] {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const out: string[] = [];
  for (let n = a; n <= b; n++) out.push(fromDayNumber(n));
  return out;
}

/** First and last date of a `YYYY-MM` month. */
export function monthBounds(month: string): { from: string; to: string } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new AppError('BAD_REQUEST', '月份格式不正确');
  const from = `${month}-01`;
  const next = +m[2] === 12 ? `${+m[1] + 1}-01-01` : `${m[1]}-${String(+m[2] + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

export const monthDates = (month: string): string[] => {
  const { from, to } = monthBounds(month);
  return dateRange(from, to);
};

/**
 * Zones whose offset is fixed today: used when the runtime's Intl has no time zone data (some mini
 * program runtimes). China has had no daylight saving time since 1991.
 */
const FIXED_OFFSETS: Record<string, number> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Harbin': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  PRC: 480,
  'Asia/Urumqi': 360,
  UTC: 0,
  'Etc/UTC': 0,
};

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(ms: number, tz: string): number {
  try {
    return dayjs(ms).tz(tz).utcOffset();
  } catch {
    const fixed = FIXED_OFFSETS[tz];
    if (fixed === undefined) throw new AppError('BAD_REQUEST', `不支持的时区：${tz}`);
    return fixed;
  }
}

/** The calendar date at an instant, read in a time zone. */
export function dateInZone(ms: number, tz: string): string {
  return fromDayNumber(Math.floor((ms + offsetMinutes(ms, tz) * 60000) / DAY_MS));
}

/** The instant a wall-clock time on a date happens in a time zone (the later offset wins across a DST gap). */
export function instantInZone(date: string, clock: string, tz: string): number {
  assertDate(date);
  const c = CLOCK_RE.exec(clock);
  if (!c) throw new AppError('BAD_REQUEST', '时间格式不正确');
  const wall = toDayNumber(date) * DAY_MS + (+c[1] * 60 + +c[2]) * 60000;
  const first = wall - offsetMinutes(wall, tz) * 60000;
  return wall - offsetMinutes(first, tz) * 60000;
}
