import type { ChapterProgress, Interval, Lesson, LessonProgress, ResumePoint } from './lesson';
import { progressId } from './lesson';
import { totalDurationSec } from './library';
import { LESSON_LIMITS } from './limits';
import { studyDateAt } from './release';
import { minReadOf, type StudyShape, type Studied } from './study-shape';

/**
 * Study progress. Video and audio count time actually played: the client reports heartbeat segments
 * it played, a segment counts only if it could have been played at up to 2x speed in the time the
 * client says it played, and covered segments merge per chapter, so seeking to the end covers
 * nothing. An article counts when the reader reached the end and was active for its minimum reading
 * time. Progress never goes backwards.
 */

/** A played segment of a chapter: media seconds `from`–`to`, played in `playedMs` of real time. */
export type MediaBeat = { chapter: number; from: number; to: number; playedMs: number };
/** Reading activity: active time since the last beat, the scroll fraction reached (0–1), and whether the end is in view. */
export type ReadBeat = { activeMs: number; position: number; atEnd: boolean };
export type Heartbeat = MediaBeat | ReadBeat;

export type SaveInput = {
  beats: ReadonlyArray<Heartbeat>;
  /** Where the member is now, with the client's time; the latest across devices wins. */
  resume?: ResumePoint;
};

export type SaveContext = { memberId: string; branchId: string | null; now: number; tz: string };

export type SaveResult = { progress: LessonProgress; accepted: number; rejected: number; justCompleted: boolean };

/** Float noise between consecutive segments reported by a player. Not a gap tolerance: gaps are not covered. */
const EPS = 1e-3;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const isMediaBeat = (b: Heartbeat): b is MediaBeat => 'chapter' in b;

/** Union of intervals: ascending, overlapping and touching ones joined, empty ones dropped. */
export function mergeIntervals(intervals: ReadonlyArray<Interval>): Interval[] {
  const sorted = intervals.filter(([a, b]) => b > a).map(([a, b]): Interval => [a, b]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + EPS) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export const coveredSeconds = (intervals: ReadonlyArray<Interval>): number => intervals.reduce((s, [a, b]) => s + (b - a), 0);

/**
 * The interval a media heartbeat covers, or null when it is refused: malformed, outside the chapter,
 * or covering more than `playedMs` could at 2x speed (`to - from ≤ playedMs / 1000 × 2.1`).
 * The end is clamped to the chapter's duration.
 */
export function acceptSegment(beat: MediaBeat, chapterDurationSec: number): Interval | null {
  const { from, to, playedMs } = beat;
  if (![from, to, playedMs].every(Number.isFinite)) return null;
  if (from < 0 || to <= from || playedMs <= 0 || from >= chapterDurationSec) return null;
  if (to - from > (playedMs / 1000) * LESSON_LIMITS.maxSpeedRatio) return null;
  return [round3(from), round3(Math.min(to, chapterDurationSec))];
}

/** A member's empty progress, created when they first open a lesson (that starts the played-time budget). */
export function openProgress(lesson: Pick<Studied, '_id' | 'kind' | 'chapters'>, memberId: string, branchId: string | null, now: number): LessonProgress {
  return {
    _id: progressId(lesson._id, memberId),
    lessonId: lesson._id,
    memberId,
    branchId,
    kind: lesson.kind,
    chapters: lesson.kind === 'article' ? [] : lesson.chapters.map(() => ({ position: 0, covered: [] })),
    readSec: 0,
    readPosition: 0,
    reachedEnd: false,
    playedSec: 0,
    coveredSec: 0,
    percent: 0,
    resume: null,
    completedAt: null,
    completedDate: null,
    check: null,
    openedAt: now,
    updatedAt: now,
  };
}

/** A deep copy with one chapter entry per lesson chapter. */
function copyOf(lesson: Pick<Studied, 'kind' | 'chapters'>, p: LessonProgress): LessonProgress {
  const n = lesson.kind === 'article' ? 0 : lesson.chapters.length;
  const chapters: ChapterProgress[] = Array.from({ length: n }, (_, i) => ({
    position: p.chapters[i]?.position ?? 0,
    covered: (p.chapters[i]?.covered ?? []).map(([a, b]): Interval => [a, b]),
  }));
  return { ...p, chapters, resume: p.resume ? { ...p.resume } : null };
}

/** Whether the progress meets completion: ≥ 90 % covered (video / audio), or end reached after the minimum reading time (article). */
export function meetsCompletion(lesson: Pick<Lesson, 'kind' | 'chapters' | 'body' | 'durationSec'> | StudyShape, p: Pick<LessonProgress, 'coveredSec' | 'reachedEnd' | 'readSec'>): boolean {
  if (lesson.kind === 'article') return p.reachedEnd && p.readSec >= minReadOf(lesson);
  const total = totalDurationSec(lesson);
  return total > 0 && p.coveredSec >= total * LESSON_LIMITS.completionRatio - EPS;
}

/** Recomputes the derived fields and stamps completion the first time it is met (never unstamps). */
function finalise(lesson: Studied, p: LessonProgress, now: number, tz: string): LessonProgress {
  p.coveredSec = round3(p.chapters.reduce((s, c) => s + coveredSeconds(c.covered), 0));
  if (p.completedAt === null && meetsCompletion(lesson, p)) {
    p.completedAt = now;
    p.completedDate = studyDateAt(now, tz);
  }
  if (lesson.kind === 'article') {
    const minRead = minReadOf(lesson);
    const share = Math.min(1, minRead > 0 ? p.readSec / minRead : 1, p.readPosition);
    p.percent = p.completedAt !== null ? 100 : Math.min(99, Math.floor(share * 100));
  } else {
    const total = totalDurationSec(lesson);
    p.percent = total > 0 ? Math.min(100, Math.floor((p.coveredSec / total) * 100 + EPS)) : 0;
  }
  return p;
}

function validResume(lesson: Studied, r: ResumePoint | undefined, now: number): ResumePoint | null {
  if (!r || ![r.chapter, r.position, r.at].every(Number.isFinite) || !Number.isInteger(r.chapter)) return null;
  if (lesson.kind === 'article') return r.chapter === 0 ? { chapter: 0, position: Math.min(1, Math.max(0, r.position)), at: Math.min(r.at, now) } : null;
  const ch = lesson.chapters[r.chapter];
  if (!ch) return null;
  return { chapter: r.chapter, position: round3(Math.min(ch.durationSec, Math.max(0, r.position))), at: Math.min(r.at, now) };
}

const laterResume = (a: ResumePoint | null, b: ResumePoint | null): ResumePoint | null => (!a ? b : !b ? a : b.at >= a.at ? b : a);

/**
 * Applies one save (a batch of heartbeats and where the member is) to the stored progress, or to a
 * fresh one when there is none. Refused heartbeats are counted and ignored, never thrown: a weak
 * network may replay or reorder them. Real time accepted (played or read) may not exceed the wall
 * time since the lesson was opened plus a small slack, so a client cannot claim an hour in a second.
 */
export function applySave(lesson: Studied, stored: LessonProgress | null, save: SaveInput, ctx: SaveContext): SaveResult {
  const p = stored ? copyOf(lesson, stored) : openProgress(lesson, ctx.memberId, ctx.branchId, ctx.now);
  const wasComplete = p.completedAt !== null;
  let budget = Math.max(0, (ctx.now - p.openedAt) / 1000 + LESSON_LIMITS.playBudgetSlackSec - p.playedSec);
  const beats = save.beats.slice(0, LESSON_LIMITS.heartbeatsPerSaveMax);
  let accepted = 0;
  let rejected = save.beats.length - beats.length;
  let lastPlayed: ResumePoint | null = null;

  for (const beat of beats) {
    if (lesson.kind === 'article') {
      if (isMediaBeat(beat) || ![beat.activeMs, beat.position].every(Number.isFinite) || beat.activeMs < 0) {
        rejected++;
        continue;
      }
      const take = Math.min(beat.activeMs / 1000, LESSON_LIMITS.readBeatMaxSec, budget);
      budget -= take;
      p.readSec = round3(p.readSec + take);
      p.playedSec = round3(p.playedSec + take);
      p.readPosition = Math.max(p.readPosition, Math.min(1, Math.max(0, beat.position)));
      if (beat.atEnd === true) {
        p.reachedEnd = true;
        p.readPosition = 1;
      }
      accepted++;
      continue;
    }
    const chapter = isMediaBeat(beat) && Number.isInteger(beat.chapter) ? lesson.chapters[beat.chapter] : undefined;
    const segment = chapter && isMediaBeat(beat) ? acceptSegment(beat, chapter.durationSec) : null;
    if (!segment || !isMediaBeat(beat) || beat.playedMs / 1000 > budget) {
      rejected++;
      continue;
    }
    budget -= beat.playedMs / 1000;
    p.playedSec = round3(p.playedSec + beat.playedMs / 1000);
    const cp = p.chapters[beat.chapter];
    cp.covered = mergeIntervals([...cp.covered, segment]);
    cp.position = Math.max(cp.position, segment[1]);
    lastPlayed = { chapter: beat.chapter, position: segment[1], at: ctx.now };
    accepted++;
  }

  const resume = validResume(lesson, save.resume, ctx.now);
  if (resume) p.resume = laterResume(p.resume, resume);
  else if (!p.resume && lastPlayed) p.resume = lastPlayed;
  p.updatedAt = ctx.now;
  finalise(lesson, p, ctx.now, ctx.tz);
  return { progress: p, accepted, rejected, justCompleted: !wasComplete && p.completedAt !== null };
}

/**
 * Merges two versions of one member's progress (a stale save from another device, a retry after a
 * write conflict): union of covered intervals, furthest position per chapter, the larger reading
 * time, the earliest completion and first check; only “where to resume” takes the latest.
 */
export function mergeProgress(lesson: Studied, a: LessonProgress, b: LessonProgress, ctx: { now: number; tz: string }): LessonProgress {
  const x = copyOf(lesson, a);
  const y = copyOf(lesson, b);
  const first = (x.completedAt ?? Infinity) <= (y.completedAt ?? Infinity) ? x : y;
  const merged: LessonProgress = {
    ...x,
    chapters: x.chapters.map((c, i) => ({ position: Math.max(c.position, y.chapters[i].position), covered: mergeIntervals([...c.covered, ...y.chapters[i].covered]) })),
    readSec: Math.max(x.readSec, y.readSec),
    readPosition: Math.max(x.readPosition, y.readPosition),
    reachedEnd: x.reachedEnd || y.reachedEnd,
    playedSec: Math.max(x.playedSec, y.playedSec),
    resume: laterResume(x.resume, y.resume),
    completedAt: first.completedAt,
    completedDate: first.completedDate,
    check: !x.check ? y.check : !y.check ? x.check : y.check.at < x.check.at ? y.check : x.check,
    branchId: x.openedAt <= y.openedAt ? x.branchId : y.branchId,
    openedAt: Math.min(x.openedAt, y.openedAt),
    updatedAt: Math.max(x.updatedAt, y.updatedAt),
  };
  return finalise(lesson, merged, ctx.now, ctx.tz);
}

/** Where the player starts: the latest resume point, or the beginning. */
export const resumeAt = (p: Pick<LessonProgress, 'resume'> | null): { chapter: number; position: number } =>
  p?.resume ? { chapter: p.resume.chapter, position: p.resume.position } : { chapter: 0, position: 0 };

/**
 * Why the client might save: `tick` while playing or reading, `pause`, `ended` (a chapter or the
 * lesson ended), `leave` (page hidden or closed), `none` (nothing new).
 */
export type DirtyReason = 'none' | 'tick' | 'pause' | 'ended' | 'leave';

/**
 * The client saves at most once a minute while playing (`LESSON_LIMITS.saveIntervalMs`), and always on
 * pause, leaving or at an end. Fewer saves lose nothing: a save carries every beat since the last one,
 * each checked on its own, so seeking still covers nothing and the played-time budget still holds.
 */
export function shouldSave(lastSavedAt: number | null, now: number, dirtyReason: DirtyReason): boolean {
  if (dirtyReason === 'none') return false;
  if (dirtyReason === 'leave' || dirtyReason === 'ended' || dirtyReason === 'pause') return true;
  return lastSavedAt === null || now - lastSavedAt >= LESSON_LIMITS.saveIntervalMs;
}

/** What the client knows of its saved progress (a `ProgressView`), enough to foresee completion. */
export type SavedProgressSummary = { completed: boolean; reachedEnd: boolean; readSec: number; minReadSec: number; chapters: ReadonlyArray<{ coveredSec: number }> };

/**
 * Whether unsaved beats may complete the lesson, so the client saves them now rather than at the next
 * minute and the member sees “completed” at once. An upper bound (overlaps counted twice): at worst
 * one save early, never one late. `mediaTotalSec` is the sum of chapter durations (0 for an article).
 */
export function mayComplete(saved: SavedProgressSummary, beats: ReadonlyArray<Heartbeat>, mediaTotalSec: number): boolean {
  if (saved.completed || beats.length === 0) return false;
  const media = beats.filter(isMediaBeat);
  if (mediaTotalSec > 0) {
    const covered = saved.chapters.reduce((s, c) => s + c.coveredSec, 0) + media.reduce((s, b) => s + Math.max(0, b.to - b.from), 0);
    return covered >= mediaTotalSec * LESSON_LIMITS.completionRatio - EPS;
  }
  const reads = beats.filter((b): b is ReadBeat => !isMediaBeat(b));
  const atEnd = saved.reachedEnd || reads.some((b) => b.atEnd === true);
  return atEnd && saved.readSec + reads.reduce((s, b) => s + Math.max(0, b.activeMs), 0) / 1000 >= saved.minReadSec;
}
