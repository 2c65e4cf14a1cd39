import type { LessonProgress } from '../../src/domain/lesson/lesson';
import { acceptSegment, applySave, coveredSeconds, mayComplete, mergeIntervals, mergeProgress, meetsCompletion, openProgress, resumeAt, shouldSave } from '../../src/domain/lesson/progress';
import type { Heartbeat, MediaBeat } from '../../src/domain/lesson/progress';
import { MON_0000, MON_0700, SH, SUN_235959, articleContent, lesson } from './lesson-builders';

const video = lesson(); // two chapters of 300 s
const article = lesson(articleContent(), { _id: 'A1' }); // minimum reading 300 s, declared 600 s
const ctx = (now: number) => ({ memberId: 'm1', branchId: 'b1', now, tz: SH });
const S = 1000;

/** Beats playing [from, to) of a chapter at 1x in 10-second segments. */
function play(chapter: number, from: number, to: number, speed = 1): MediaBeat[] {
  const beats: MediaBeat[] = [];
  for (let t = from; t < to; t += 10) beats.push({ chapter, from: t, to: Math.min(t + 10, to), playedMs: (Math.min(t + 10, to) - t) * (S / speed) });
  return beats;
}

/** Saves one batch at `now` onto `p`. */
const save = (p: LessonProgress | null, beats: Heartbeat[], now: number, l = video, resume?: { chapter: number; position: number; at: number }) => applySave(l, p, { beats, resume }, ctx(now));

describe('intervals', () => {
  it('merges overlapping and touching segments, drops empty ones, keeps gaps', () => {
    expect(mergeIntervals([[20, 30], [0, 10], [10, 15], [14, 18], [40, 40], [50, 60]])).toEqual([[0, 18], [20, 30], [50, 60]]);
    expect(mergeIntervals([[0, 10], [10.0005, 20]])).toEqual([[0, 20]]);
    expect(mergeIntervals([[0, 10], [10.5, 20]])).toEqual([[0, 10], [10.5, 20]]);
    expect(coveredSeconds([[0, 18], [20, 30]])).toBe(28);
  });

  it('does not change its input', () => {
    const input: Array<[number, number]> = [[5, 10], [0, 6]];
    mergeIntervals(input);
    expect(input).toEqual([[5, 10], [0, 6]]);
  });
});

describe('accepting a heartbeat segment', () => {
  it('accepts what could have been played at up to 2x speed', () => {
    expect(acceptSegment({ chapter: 0, from: 0, to: 10, playedMs: 10_000 }, 300)).toEqual([0, 10]);
    expect(acceptSegment({ chapter: 0, from: 0, to: 20, playedMs: 10_000 }, 300)).toEqual([0, 20]);
    expect(acceptSegment({ chapter: 0, from: 0, to: 21, playedMs: 10_000 }, 300)).toEqual([0, 21]);
    expect(acceptSegment({ chapter: 0, from: 0, to: 21.01, playedMs: 10_000 }, 300)).toBeNull();
  });

  it('refuses a seek: a big jump in little played time', () => {
    expect(acceptSegment({ chapter: 0, from: 0, to: 300, playedMs: 1_000 }, 300)).toBeNull();
  });

  it('refuses malformed and out-of-chapter segments and clamps the end', () => {
    expect(acceptSegment({ chapter: 0, from: 10, to: 5, playedMs: 5_000 }, 300)).toBeNull();
    expect(acceptSegment({ chapter: 0, from: -1, to: 5, playedMs: 5_000 }, 300)).toBeNull();
    expect(acceptSegment({ chapter: 0, from: 0, to: 5, playedMs: 0 }, 300)).toBeNull();
    expect(acceptSegment({ chapter: 0, from: 0, to: NaN, playedMs: 5_000 }, 300)).toBeNull();
    expect(acceptSegment({ chapter: 0, from: 300, to: 305, playedMs: 5_000 }, 300)).toBeNull();
    expect(acceptSegment({ chapter: 0, from: 295, to: 302, playedMs: 7_000 }, 300)).toEqual([295, 300]);
  });
});

describe('saving video / audio progress', () => {
  it('counts time actually played per chapter and sets where to resume', () => {
    const r = save(null, play(0, 0, 60), MON_0700 + 60 * S, video, { chapter: 0, position: 60, at: MON_0700 + 60 * S });
    expect(r.accepted).toBe(6);
    expect(r.rejected).toBe(0);
    expect(r.progress.chapters[0]).toEqual({ position: 60, covered: [[0, 60]] });
    expect(r.progress.chapters[1]).toEqual({ position: 0, covered: [] });
    expect(r.progress.coveredSec).toBe(60);
    expect(r.progress.playedSec).toBe(60);
    expect(r.progress.percent).toBe(10);
    expect(r.progress.completedAt).toBeNull();
    expect(resumeAt(r.progress)).toEqual({ chapter: 0, position: 60 });
  });

  it('does not count seeking to the end', () => {
    let p = openProgress(video, 'm1', 'b1', MON_0700);
    p = save(p, play(0, 0, 10), MON_0700 + 10 * S).progress;
    // The member drags to the end of both chapters and plays the last 10 seconds of each.
    const r = save(p, [{ chapter: 0, from: 10, to: 290, playedMs: 500 }, ...play(0, 290, 300), ...play(1, 290, 300)], MON_0700 + 40 * S);
    expect(r.rejected).toBe(1);
    expect(r.progress.coveredSec).toBe(30);
    expect(r.progress.chapters[0].covered).toEqual([[0, 10], [290, 300]]);
    expect(r.progress.completedAt).toBeNull();
  });

  it('counts replaying the same part once', () => {
    let p = openProgress(video, 'm1', 'b1', MON_0700);
    p = save(p, play(0, 0, 100), MON_0700 + 100 * S).progress;
    p = save(p, play(0, 0, 100), MON_0700 + 200 * S).progress;
    expect(p.coveredSec).toBe(100);
    expect(p.playedSec).toBe(200);
  });

  it('completes at 90 % of the total duration covered, and not a second before', () => {
    let p = openProgress(video, 'm1', 'b1', MON_0700);
    p = save(p, play(0, 0, 300), MON_0700 + 300 * S).progress;
    const almost = save(p, play(1, 0, 239), MON_0700 + 540 * S);
    expect(almost.progress.coveredSec).toBe(539);
    expect(almost.progress.completedAt).toBeNull();
    expect(almost.justCompleted).toBe(false);
    const done = save(almost.progress, play(1, 239, 240), MON_0700 + 541 * S);
    expect(done.progress.coveredSec).toBe(540);
    expect(done.progress.completedAt).toBe(MON_0700 + 541 * S);
    expect(done.progress.completedDate).toBe('2026-11-23');
    expect(done.justCompleted).toBe(true);
    expect(done.progress.percent).toBe(90);
    // A later save does not complete it again.
    expect(save(done.progress, play(1, 240, 250), MON_0700 + 560 * S).justCompleted).toBe(false);
  });

  it('accepts 2x playback: the lesson done in half the time', () => {
    let p = openProgress(video, 'm1', 'b1', MON_0700);
    p = save(p, [...play(0, 0, 300, 2), ...play(1, 0, 240, 2)], MON_0700 + 270 * S).progress;
    expect(p.coveredSec).toBe(540);
    expect(p.completedAt).not.toBeNull();
  });

  it('bounds the real time claimed by the wall time since the lesson was opened', () => {
    const p = openProgress(video, 'm1', 'b1', MON_0700);
    // Ten seconds after opening, the client claims ten minutes of playing: only the slack (60 s) fits.
    const r = save(p, [...play(0, 0, 300), ...play(1, 0, 300)], MON_0700 + 10 * S);
    expect(r.progress.playedSec).toBe(70);
    expect(r.accepted).toBe(7);
    expect(r.rejected).toBe(53);
    expect(r.progress.completedAt).toBeNull();
  });

  it('starts the budget at the first save when the lesson was never opened', () => {
    const r = save(null, play(0, 0, 120), MON_0700);
    expect(r.progress.openedAt).toBe(MON_0700);
    expect(r.progress.playedSec).toBe(60);
  });

  it('ignores heartbeats of the wrong kind or chapter', () => {
    const p = openProgress(video, 'm1', 'b1', MON_0700);
    const r = save(p, [{ chapter: 2, from: 0, to: 10, playedMs: 10_000 }, { chapter: 0.5, from: 0, to: 10, playedMs: 10_000 }, { activeMs: 10_000, position: 0.5, atEnd: false }], MON_0700 + 60 * S);
    expect(r.accepted).toBe(0);
    expect(r.rejected).toBe(3);
    expect(r.progress.coveredSec).toBe(0);
  });

  it('refuses heartbeats beyond the per-save limit', () => {
    const beats = Array.from({ length: 130 }, (_, i) => ({ chapter: 0, from: i * 0.1, to: i * 0.1 + 0.1, playedMs: 100 }));
    const r = save(openProgress(video, 'm1', 'b1', MON_0700), beats, MON_0700 + 60 * S);
    expect(r.accepted).toBe(120);
    expect(r.rejected).toBe(10);
  });

  it('stamps the completion day in Shanghai, around midnight', () => {
    const opened = SUN_235959 - 600 * S;
    const p = save(openProgress(video, 'm1', 'b1', opened), [...play(0, 0, 300), ...play(1, 0, 230)], SUN_235959 - S).progress;
    expect(p.completedAt).toBeNull();
    const late = save(p, play(1, 230, 240), SUN_235959);
    expect(late.progress.completedDate).toBe('2026-11-22');
    const afterMidnight = save(p, play(1, 230, 240), MON_0000);
    expect(afterMidnight.progress.completedDate).toBe('2026-11-23');
  });
});

describe('never backwards, across devices', () => {
  it('keeps the union of intervals and the furthest position when a stale save arrives', () => {
    let p = openProgress(video, 'm1', 'b1', MON_0700);
    // Phone: plays chapter 0 to 200, then chapter 1 to 100.
    p = save(p, [...play(0, 0, 200), ...play(1, 0, 100)], MON_0700 + 300 * S, video, { chapter: 1, position: 100, at: MON_0700 + 300 * S }).progress;
    // Tablet, offline earlier: had played chapter 0 from 150 to 250 and was at 250; its save arrives late.
    const r = save(p, play(0, 150, 250), MON_0700 + 400 * S, video, { chapter: 0, position: 250, at: MON_0700 + 120 * S });
    expect(r.progress.chapters[0]).toEqual({ position: 250, covered: [[0, 250]] });
    expect(r.progress.chapters[1]).toEqual({ position: 100, covered: [[0, 100]] });
    // The stale position does not move where to resume.
    expect(resumeAt(r.progress)).toEqual({ chapter: 1, position: 100 });
  });

  it('moves where to resume to the latest position, even backwards, without losing coverage', () => {
    let p = save(null, play(0, 0, 60), MON_0700 + 60 * S, video, { chapter: 0, position: 60, at: MON_0700 + 60 * S }).progress;
    // The member rewinds to 10 s to listen again.
    p = save(p, [], MON_0700 + 70 * S, video, { chapter: 0, position: 10, at: MON_0700 + 70 * S }).progress;
    expect(resumeAt(p)).toEqual({ chapter: 0, position: 10 });
    expect(p.chapters[0]).toEqual({ position: 60, covered: [[0, 60]] });
  });

  it("clamps a client's future clock and its out-of-range position", () => {
    const p = save(null, [], MON_0700, video, { chapter: 1, position: 999, at: MON_0700 + 3_600_000 }).progress;
    expect(p.resume).toEqual({ chapter: 1, position: 300, at: MON_0700 });
    const bad = save(null, [], MON_0700, video, { chapter: 5, position: 1, at: MON_0700 }).progress;
    expect(bad.resume).toBeNull();
  });

  it('keeps a completion when a later save carries less', () => {
    let p = save(null, [...play(0, 0, 300), ...play(1, 0, 300)], MON_0700 + 600 * S).progress;
    p = { ...p, openedAt: MON_0700 - 600 * S };
    p = save(p, [...play(0, 0, 300), ...play(1, 0, 300)], MON_0700 + 600 * S).progress;
    const completedAt = p.completedAt;
    expect(completedAt).not.toBeNull();
    const again = save(p, play(0, 0, 10), MON_0700 + 900 * S);
    expect(again.progress.completedAt).toBe(completedAt);
    expect(again.progress.percent).toBe(100);
  });

  it('merges two whole versions: union, max, earliest completion, first check, latest resume', () => {
    const base = openProgress(video, 'm1', 'b1', MON_0700);
    const a: LessonProgress = {
      ...base,
      chapters: [{ position: 300, covered: [[0, 300]] }, { position: 100, covered: [[0, 100]] }],
      playedSec: 400,
      resume: { chapter: 1, position: 100, at: MON_0700 + 400 * S },
      check: { answers: { q1: [0] }, correct: { q1: true }, correctCount: 1, total: 2, at: MON_0700 + 500 * S },
      updatedAt: MON_0700 + 400 * S,
    };
    const b: LessonProgress = {
      ...base,
      chapters: [{ position: 50, covered: [[0, 50]] }, { position: 290, covered: [[100, 290]] }],
      playedSec: 240,
      resume: { chapter: 1, position: 290, at: MON_0700 + 450 * S },
      check: { answers: { q1: [1] }, correct: { q1: false }, correctCount: 0, total: 2, at: MON_0700 + 450 * S },
      updatedAt: MON_0700 + 450 * S,
    };
    const now = MON_0700 + 600 * S;
    const m = mergeProgress(video, a, b, { now, tz: SH });
    expect(m.chapters).toEqual([{ position: 300, covered: [[0, 300]] }, { position: 290, covered: [[0, 290]] }]);
    expect(m.coveredSec).toBe(590);
    expect(m.playedSec).toBe(400);
    expect(m.resume).toEqual({ chapter: 1, position: 290, at: MON_0700 + 450 * S });
    expect(m.check?.at).toBe(MON_0700 + 450 * S);
    // Neither version was complete; together they are.
    expect(m.completedAt).toBe(now);
    expect(m.completedDate).toBe('2026-11-23');
    expect(m.updatedAt).toBe(MON_0700 + 450 * S);
    // Merging is symmetric and idempotent on what matters.
    const m2 = mergeProgress(video, b, a, { now, tz: SH });
    expect(m2.chapters).toEqual(m.chapters);
    expect(mergeProgress(video, m, a, { now: now + 1, tz: SH })).toEqual(m);
  });

  it('keeps the earliest completion when both versions completed', () => {
    const done = (at: number, date: string): LessonProgress => ({ ...openProgress(video, 'm1', 'b1', 0), completedAt: at, completedDate: date });
    const m = mergeProgress(video, done(MON_0000, '2026-11-23'), done(SUN_235959, '2026-11-22'), { now: MON_0700, tz: SH });
    expect([m.completedAt, m.completedDate]).toEqual([SUN_235959, '2026-11-22']);
  });
});

describe('article progress', () => {
  const read = (activeMs: number, position: number, atEnd = false) => ({ activeMs, position, atEnd });

  it('completes only when the end is reached and the minimum reading time is spent', () => {
    let p = openProgress(article, 'm1', 'b1', MON_0700);
    // Scrolls straight to the end in 20 seconds.
    let r = save(p, [read(10_000, 0.5), read(10_000, 1, true)], MON_0700 + 20 * S, article);
    expect(r.progress.reachedEnd).toBe(true);
    expect(r.progress.readSec).toBe(20);
    expect(r.progress.completedAt).toBeNull();
    expect(r.progress.percent).toBe(6);
    p = r.progress;
    // Keeps reading for the rest of the five minutes.
    r = save(p, Array.from({ length: 28 }, () => read(10_000, 1)), MON_0700 + 300 * S, article);
    expect(r.progress.readSec).toBe(300);
    expect(r.progress.completedAt).toBe(MON_0700 + 300 * S);
    expect(r.progress.percent).toBe(100);
    expect(r.justCompleted).toBe(true);
  });

  it('does not complete on time alone without reaching the end', () => {
    const r = save(openProgress(article, 'm1', 'b1', MON_0700 - 3_600_000), Array.from({ length: 40 }, () => read(10_000, 0.8)), MON_0700, article);
    expect(r.progress.readSec).toBe(400);
    expect(r.progress.completedAt).toBeNull();
    expect(r.progress.percent).toBe(80);
  });

  it('caps active seconds per heartbeat and by the wall time since opening', () => {
    const capped = save(openProgress(article, 'm1', 'b1', MON_0700 - 3_600_000), [read(600_000, 0.2)], MON_0700, article);
    expect(capped.progress.readSec).toBe(30);
    const budget = save(openProgress(article, 'm1', 'b1', MON_0700), Array.from({ length: 10 }, () => read(30_000, 0.2)), MON_0700 + 30 * S, article);
    expect(budget.progress.readSec).toBe(90);
  });

  it('refuses media heartbeats and keeps the furthest scroll', () => {
    let p = save(openProgress(article, 'm1', 'b1', MON_0700), [read(5_000, 0.6), { chapter: 0, from: 0, to: 10, playedMs: 10_000 }], MON_0700 + 30 * S, article, { chapter: 0, position: 0.6, at: MON_0700 + 30 * S });
    expect(p.rejected).toBe(1);
    p = save(p.progress, [read(5_000, 0.3)], MON_0700 + 40 * S, article, { chapter: 0, position: 0.3, at: MON_0700 + 40 * S });
    expect(p.progress.readPosition).toBe(0.6);
    expect(resumeAt(p.progress)).toEqual({ chapter: 0, position: 0.3 });
  });

  it('tells completion from the stored fields', () => {
    expect(meetsCompletion(article, { coveredSec: 0, reachedEnd: true, readSec: 299 })).toBe(false);
    expect(meetsCompletion(article, { coveredSec: 0, reachedEnd: true, readSec: 300 })).toBe(true);
    expect(meetsCompletion(video, { coveredSec: 540, reachedEnd: false, readSec: 0 })).toBe(true);
  });
});

describe('shouldSave', () => {
  it('saves at most once a minute while playing, always on pause, leaving or at an end, never when clean', () => {
    expect(shouldSave(null, 0, 'tick')).toBe(true);
    expect(shouldSave(1_000, 60_999, 'tick')).toBe(false);
    expect(shouldSave(1_000, 61_000, 'tick')).toBe(true);
    expect(shouldSave(1_000, 1_001, 'pause')).toBe(true);
    expect(shouldSave(1_000, 1_001, 'leave')).toBe(true);
    expect(shouldSave(1_000, 1_001, 'ended')).toBe(true);
    expect(shouldSave(1_000, 120_000, 'none')).toBe(false);
  });

  it('a minute between saves loses nothing: a minute at 2x is credited in full, a seek inside it is not', () => {
    let p = openProgress(video, 'm1', 'b1', MON_0700);
    const fast = save(p, play(0, 0, 120, 2), MON_0700 + 60 * S);
    expect(fast.accepted).toBe(12);
    expect(fast.progress.coveredSec).toBe(120);
    p = fast.progress;
    // The next minute: 30 s played, a drag to the end of the lesson, 30 s more there.
    const seek = save(p, [...play(0, 120, 150), { chapter: 0, from: 150, to: 300, playedMs: 300 }, { chapter: 1, from: 0, to: 270, playedMs: 300 }, ...play(1, 270, 300)], MON_0700 + 120 * S);
    expect(seek.rejected).toBe(2);
    expect(seek.progress.coveredSec).toBe(180);
    expect(seek.progress.completedAt).toBeNull();
  });
});

describe('mayComplete (the client saves early when unsaved beats may complete the lesson)', () => {
  const saved = { completed: false, reachedEnd: false, readSec: 0, minReadSec: 300, chapters: [{ coveredSec: 300 }, { coveredSec: 200 }] };
  it('media: when covered plus unsaved reaches 90 % of the total', () => {
    expect(mayComplete(saved, play(1, 200, 230), 600)).toBe(false);
    expect(mayComplete(saved, play(1, 200, 240), 600)).toBe(true);
    expect(mayComplete({ ...saved, completed: true }, play(1, 200, 300), 600)).toBe(false);
    expect(mayComplete(saved, [], 600)).toBe(false);
  });
  it('article: at the end and the minimum reading time reached', () => {
    const article0 = { ...saved, chapters: [], readSec: 290 };
    expect(mayComplete(article0, [{ activeMs: 10_000, position: 0.9, atEnd: false }], 0)).toBe(false);
    expect(mayComplete(article0, [{ activeMs: 10_000, position: 1, atEnd: true }], 0)).toBe(true);
    expect(mayComplete({ ...article0, reachedEnd: true }, [{ activeMs: 9_000, position: 1, atEnd: false }], 0)).toBe(false);
    expect(mayComplete({ ...article0, reachedEnd: true }, [{ activeMs: 10_000, position: 1, atEnd: false }], 0)).toBe(true);
  });
});
