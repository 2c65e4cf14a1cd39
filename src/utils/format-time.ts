import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Branches live in China; every timestamp the UI shows is read in this zone, whatever the phone says. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

function inZone(ms: number): dayjs.Dayjs {
  try {
    return dayjs(ms).tz(DISPLAY_TIME_ZONE);
  } catch {
    // Some mini program runtimes ship a thin Intl; Shanghai has had no DST since 1991.
    return dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES);
  }
}

/** 2026-11-22 15:04 */
export const formatDateTime = (ms: number): string => inZone(ms).format('YYYY-MM-DD HH:mm');

/** 2026-11-22 */
export const formatDate = (ms: number): string => inZone(ms).format('YYYY-MM-DD');

/** 15:04 */
export const formatClock = (ms: number): string => inZone(ms).format('HH:mm');

/** For lists: 15:04 today, 11-22 15:04 this year, 2025-11-22 15:04 before. */
export function formatShortDateTime(ms: number, now: number = Date.now()): string {
  const at = inZone(ms);
  const today = inZone(now);
  if (at.format('YYYY-MM-DD') === today.format('YYYY-MM-DD')) return `今天 ${at.format('HH:mm')}`;
  return at.year() === today.year() ? at.format('MM-DD HH:mm') : at.format('YYYY-MM-DD HH:mm');
}

/** Date and clock fields (`YYYY-MM-DD`, `HH:mm`) read in Asia/Shanghai, as epoch ms; NaN when malformed. */
export function epochOf(date: string, clock: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(clock)) return NaN;
  try {
    return dayjs.tz(`${date} ${clock}`, DISPLAY_TIME_ZONE).valueOf();
  } catch {
    return Date.parse(`${date}T${clock}:00+08:00`);
  }
}

/** The inverse of epochOf: the pickers' values for an instant. */
export const fieldsOf = (ms: number): { date: string; clock: string } => ({ date: formatDate(ms), clock: formatClock(ms) });
