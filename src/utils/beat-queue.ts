import type { Heartbeat } from '../domain/lesson/progress';
import { LESSON_LIMITS } from '../domain/lesson/limits';

/**
 * Unsaved heartbeats are kept (in memory and on the phone) until a save succeeds. The queue is
 * bounded: when it grows past one save's worth, contiguous beats are merged (a merged beat still
 * passes the server's checks), and only then are the oldest dropped.
 */
export const MAX_QUEUED_BEATS = LESSON_LIMITS.heartbeatsPerSaveMax;
const READ_BEAT_MAX_MS = LESSON_LIMITS.readBeatMaxSec * 1000;

const isMedia = (b: Heartbeat): b is Extract<Heartbeat, { chapter: number }> => 'chapter' in b;

function merge(a: Heartbeat, b: Heartbeat): Heartbeat | null {
  if (isMedia(a) && isMedia(b)) {
    if (a.chapter !== b.chapter || Math.abs(b.from - a.to) > 0.05) return null;
    return { chapter: a.chapter, from: a.from, to: Math.max(a.to, b.to), playedMs: a.playedMs + b.playedMs };
  }
  if (!isMedia(a) && !isMedia(b)) {
    if (a.activeMs + b.activeMs > READ_BEAT_MAX_MS) return null;
    return { activeMs: a.activeMs + b.activeMs, position: Math.max(a.position, b.position), atEnd: a.atEnd || b.atEnd };
  }
  return null;
}

/** Merges neighbours that join up. */
export function compactBeats(beats: ReadonlyArray<Heartbeat>): Heartbeat[] {
  const out: Heartbeat[] = [];
  for (const b of beats) {
    const last = out[out.length - 1];
    const joined = last ? merge(last, b) : null;
    if (joined) out[out.length - 1] = joined;
    else out.push(b);
  }
  return out;
}

/** The queue with `added` appended, kept within `max` beats. */
export function enqueueBeats(queue: ReadonlyArray<Heartbeat>, added: ReadonlyArray<Heartbeat>, max: number = MAX_QUEUED_BEATS): Heartbeat[] {
  let next = [...queue, ...added];
  if (next.length > max) next = compactBeats(next);
  return next.length > max ? next.slice(next.length - max) : next;
}
