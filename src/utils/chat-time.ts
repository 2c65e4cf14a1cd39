import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { DISPLAY_TIME_ZONE } from './format-time';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Messages closer than this share one time label, as in WeChat. */
export const TIME_GROUP_GAP_MS = 5 * 60 * 1000;

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function inZone(ms: number): dayjs.Dayjs {
  try {
    return dayjs(ms).tz(DISPLAY_TIME_ZONE);
  } catch {
    return dayjs(ms).utcOffset(8 * 60); // thin Intl in some mini program runtimes; no DST in Shanghai
  }
}

/**
 * The label above a group of messages, in Asia/Shanghai whatever the phone's zone: 09:30 today,
 * 昨天 09:30, 星期二 09:30 within the week, 11月3日 09:30 this year, 2025年11月3日 09:30 before.
 */
export function chatTimeLabel(ms: number, now: number): string {
  const at = inZone(ms);
  const today = inZone(now).startOf('day');
  const clock = at.format('HH:mm');
  const days = today.diff(at.startOf('day'), 'day');
  if (days <= 0) return clock;
  if (days === 1) return `昨天 ${clock}`;
  if (days < 7) return `${WEEKDAYS[at.day()]} ${clock}`;
  if (at.year() === today.year()) return `${at.month() + 1}月${at.date()}日 ${clock}`;
  return `${at.year()}年${at.month() + 1}月${at.date()}日 ${clock}`;
}

/** Whether a time label goes above a message sent at `at` after one at `previous` (null: first shown). */
export const startsTimeGroup = (previous: number | null, at: number): boolean => previous === null || at - previous >= TIME_GROUP_GAP_MS;
