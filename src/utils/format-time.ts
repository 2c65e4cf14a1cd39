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
