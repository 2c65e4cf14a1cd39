import {
  addDays,
  dateInZone,
  dateRange,
  daysBetween,
  instantInZone,
  isClockString,
  isDateString,
  isMonthString,
  isoWeekday,
  isWeekday,
  monthBounds,
  monthDates,
  offsetMinutes,
  weekStartOf,
} from '../../src/domain/lesson/dates';
import { MON_0000, SH, SUN_235959, at, codeOf } from './lesson-builders';

describe('date strings', () => {
  it('accepts real dates only', () => {
    expect(isDateString('2026-11-22')).toBe(true);
    expect(isDateString('2028-02-29')).toBe(true);
    expect(isDateString('2026-02-29')).toBe(false);
    expect(isDateString('2026-13-01')).toBe(false);
    expect(isDateString('2026-1-01')).toBe(false);
    expect(isDateString('2026-11-22T00:00')).toBe(false);
  });

  it('accepts clocks and months', () => {
    expect(isClockString('07:00')).toBe(true);
    expect(isClockString('23:59')).toBe(true);
    expect(isClockString('24:00')).toBe(false);
    expect(isClockString('7:00')).toBe(false);
    expect(isMonthString('2026-11')).toBe(true);
    expect(isMonthString('2026-13')).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-22', -7)).toBe('2026-11-15');
    expect(daysBetween('2026-11-22', '2027-01-01')).toBe(40);
  });

  it('refuses malformed dates in arithmetic', () => {
    expect(codeOf(() => addDays('2026-02-30', 1))).toBe('BAD_REQUEST');
  });

  it('knows Monday-based weeks', () => {
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isWeekday('2026-11-21')).toBe(false);
    expect(isWeekday('2026-11-27')).toBe(true);
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16');
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });

  it('lists ranges and months', () => {
    expect(dateRange('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(dateRange('2026-12-02', '2026-12-01')).toEqual([]);
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDates('2026-11')).toHaveLength(30);
    expect(codeOf(() => monthBounds('2026-00'))).toBe('BAD_REQUEST');
  });
});

describe('time zones', () => {
  it('reads the date in Shanghai around midnight, whatever the process zone', () => {
    expect(dateInZone(SUN_235959, SH)).toBe('2026-11-22');
    expect(dateInZone(MON_0000, SH)).toBe('2026-11-23');
    expect(dateInZone(MON_0000, 'UTC')).toBe('2026-11-22');
    expect(offsetMinutes(MON_0000, SH)).toBe(480);
  });

  it('turns a wall-clock time into an instant', () => {
    expect(instantInZone('2026-11-23', '07:00', SH)).toBe(at('2026-11-22T23:00:00Z'));
    expect(instantInZone('2026-11-23', '00:00', SH)).toBe(MON_0000);
    expect(instantInZone('2026-11-23', '07:00', 'Asia/Tokyo')).toBe(at('2026-11-22T22:00:00Z'));
    // Daylight saving time: London is UTC+1 in July, UTC in November.
    expect(instantInZone('2026-07-01', '07:00', 'Europe/London')).toBe(at('2026-07-01T06:00:00Z'));
    expect(instantInZone('2026-11-23', '07:00', 'Europe/London')).toBe(at('2026-11-23T07:00:00Z'));
    expect(codeOf(() => instantInZone('2026-11-23', '7:00', SH))).toBe('BAD_REQUEST');
  });

  it('refuses an unknown zone with a user-facing error', () => {
    expect(codeOf(() => dateInZone(MON_0000, 'Mars/Olympus'))).toBe('BAD_REQUEST');
  });

  it('falls back to the fixed China offset when the runtime has no time zone data', () => {
    const spy = jest.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
      throw new RangeError('no tz data');
    });
    try {
      // A zone not used before, so dayjs has no cached formatter for it.
      expect(offsetMinutes(MON_0000, 'Asia/Harbin')).toBe(480);
      expect(dateInZone(SUN_235959, 'Asia/Harbin')).toBe('2026-11-22');
      expect(dateInZone(MON_0000, 'Asia/Harbin')).toBe('2026-11-23');
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
