import { dateInZone, instantInZone } from '../../../src/domain/lesson/dates';

/** The demo hospital's zone: lesson release, quiet hours and meeting times are read on its wall clock. */
export const HOSPITAL_TZ = 'Asia/Shanghai';

/**
 * An instant at `clock` (HH:mm, Shanghai) on the coming day. Tests that remind, release or publish set
 * the host's clock here, so what they see does not depend on the hour CI runs: at 23:00 in Shanghai a
 * real-time reminder is held for quiet hours, before 07:00 today's lesson is not out yet.
 */
export function tomorrowAt(clock: string): { at: number; date: string } {
  const date = dateInZone(Date.now() + 24 * 3600 * 1000, HOSPITAL_TZ);
  return { at: instantInZone(date, clock, HOSPITAL_TZ), date };
}
