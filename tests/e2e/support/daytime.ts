import { dateInZone, instantInZone } from '../../../src/domain/lesson/dates';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';

/**
 * An instant at `clock` (HH:mm on the demo branches' wall clock, Shanghai) on the coming day. Tests
 * that remind, release or publish set the host's clock here, so what they see does not depend on the
 * hour CI runs: at 23:00 in Shanghai a real-time reminder is held for quiet hours, before 07:00 today's
 * lesson is not out yet.
 */
export function tomorrowAt(clock: string): { at: number; date: string } {
  const tz = LESSON_LIMITS.defaultTimeZone;
  const date = dateInZone(Date.now() + 24 * 3600 * 1000, tz);
  return { at: instantInZone(date, clock, tz), date };
}
