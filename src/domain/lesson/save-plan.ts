import { LESSON_LIMITS } from './limits';
import { mayComplete, shouldSave, type DirtyReason, type Heartbeat, type MediaBeat, type SavedProgressSummary } from './progress';

/** A save that may complete the lesson goes early, at most this often (the forecast is an upper bound). */
export const EARLY_SAVE_GAP_MS = 20 * 1000;
/** A minute's save is skipped when a save that must happen anyway (chapter end, completion) is this close in play time. */
export const SOON_SEC = 30;

export interface SavePlanInput {
  asked: DirtyReason;
  lastSavedAt: number | null;
  now: number;
  saved: SavedProgressSummary;
  queue: ReadonlyArray<Heartbeat>;
  /** Sum of chapter durations (0 for an article). */
  mediaTotalSec: number;
  /** Seconds of the current chapter left to play, when the player knows it. */
  untilChapterEndSec?: number;
}

const isMedia = (b: Heartbeat): b is MediaBeat => 'chapter' in b;

/**
 * The client's save policy in one place (the progress saver and the member-day benchmark both use it):
 * at most once a minute while studying (`shouldSave`), always on pause, end and leave; early when the
 * unsaved beats may complete the lesson, so “completed” shows at once. A minute's save is skipped when
 * a chapter end or the completion is less than 30 s of play away (that save follows anyway, carrying the
 * same beats), but never twice in a row: a save is never more than two minutes apart while playing.
 * Returns the reason to save with, or null for no save now.
 */
export function planSave(i: SavePlanInput): DirtyReason | null {
  const early = i.asked === 'tick' && i.now - (i.lastSavedAt ?? 0) >= EARLY_SAVE_GAP_MS && mayComplete(i.saved, i.queue, i.mediaTotalSec);
  const reason: DirtyReason = early ? 'ended' : i.asked;
  if (!shouldSave(i.lastSavedAt, i.now, reason)) return null;
  if (reason === 'tick' && i.lastSavedAt !== null && i.now - i.lastSavedAt < 2 * LESSON_LIMITS.saveIntervalMs) {
    const endSoon = i.untilChapterEndSec !== undefined && i.untilChapterEndSec <= SOON_SEC;
    const soonBeat: MediaBeat = { chapter: -1, from: 0, to: SOON_SEC, playedMs: SOON_SEC * 1000 };
    const completionSoon = i.mediaTotalSec > 0 && i.queue.some(isMedia) && mayComplete(i.saved, [...i.queue, soonBeat], i.mediaTotalSec);
    if (endSoon || completionSoon) return null;
  }
  return reason;
}
