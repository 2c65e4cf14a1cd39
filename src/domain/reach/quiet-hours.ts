import { addDays, dateInZone, instantInZone, isClockString } from '../lesson/dates';
import type { ReachSettings } from './types';

/** The hospital's zone: quiet hours are read on the wall clock of the people being reminded. */
export const REACH_TIME_ZONE = 'Asia/Shanghai';

type QuietWindow = Pick<ReachSettings, 'quietStart' | 'quietEnd'>;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * When quiet hours end if `at` falls inside them, else null. Start > end spans midnight (22:00–07:00);
 * start = end (or a malformed clock) means no quiet hours. The end is an instant on the right date:
 * 23:30 waits for tomorrow's 07:00, 03:00 for today's.
 */
export function quietUntil(at: number, window: QuietWindow, tz = REACH_TIME_ZONE): number | null {
  const { quietStart, quietEnd } = window;
  if (!isClockString(quietStart) || !isClockString(quietEnd) || quietStart === quietEnd) return null;
  const date = dateInZone(at, tz);
  const wall = minutesOf(instantClock(at, tz));
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  if (start < end) return wall >= start && wall < end ? instantInZone(date, quietEnd, tz) : null;
  if (wall >= start) return instantInZone(addDays(date, 1), quietEnd, tz);
  if (wall < end) return instantInZone(date, quietEnd, tz);
  return null;
}

/** A round may go at `at` unless it is non-urgent and quiet hours hold it back: then at their end. */
export function releaseTime(at: number, urgent: boolean, window: QuietWindow, tz = REACH_TIME_ZONE): number {
  if (urgent) return at;
  return quietUntil(at, window, tz) ?? at;
}

/** "HH:mm" of an instant in a zone. */
function instantClock(at: number, tz: string): string {
  const date = dateInZone(at, tz);
  const midnight = instantInZone(date, '00:00', tz);
  const minutes = Math.floor((at - midnight) / 60000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
