import Taro from '@tarojs/taro';
import type { Heartbeat } from '../domain/lesson/progress';
import type { ResumePoint } from '../domain/lesson/lesson';

/**
 * Heartbeats not yet accepted by the server, kept on the phone so a failed save (weak signal in a
 * ward, the app killed) is retried the next time the lesson is opened. At most a few lessons are kept.
 */
export interface PendingProgress {
  beats: Heartbeat[];
  resume: ResumePoint | null;
  at: number;
}

const KEY = 'wzb.lessonPending';
const MAX_LESSONS = 8;

function readAll(): Record<string, PendingProgress> {
  try {
    const value: unknown = Taro.getStorageSync(KEY);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, PendingProgress>) : {};
  } catch {
    return {};
  }
}

export function readPending(lessonId: string): PendingProgress | null {
  const entry = readAll()[lessonId];
  return entry && Array.isArray(entry.beats) ? entry : null;
}

/** Stores the lesson's unsaved progress (or forgets it when there is none). Best effort. */
export function writePending(lessonId: string, pending: PendingProgress | null): void {
  try {
    const all = readAll();
    if (pending && (pending.beats.length > 0 || pending.resume)) all[lessonId] = pending;
    else delete all[lessonId];
    const kept = Object.entries(all)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_LESSONS);
    if (kept.length === 0) Taro.removeStorageSync(KEY);
    else Taro.setStorageSync(KEY, Object.fromEntries(kept));
  } catch {
    // storage full or unavailable: the beats still live in memory for this visit
  }
}
