/**
 * Heartbeats from real playback. A segment starts where playback (re)started and ends at the last
 * position seen while playing; `playedMs` is the wall time it took. A beat is emitted every 10 s of
 * playing and whenever the segment is cut (pause, seek, end, chapter switch, leaving). A jump in the
 * reported position that playing could not explain is treated as a seek, so skipping never counts.
 */
export type MediaBeat = { chapter: number; from: number; to: number; playedMs: number };

export const BEAT_EVERY_MS = 10 * 1000;
/** Playing can advance at most this fast (2x speed plus slack), as the server checks. */
const MAX_RATE = 2;
/** Timer jitter tolerated before a forward jump counts as a seek, seconds. */
const JUMP_SLACK_SEC = 1.5;
/** Shorter segments are not worth a beat. */
const MIN_SEGMENT_SEC = 0.2;

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

interface Segment {
  chapter: number;
  from: number;
  startedAt: number;
  last: number;
  lastAt: number;
}

export class MediaBeatTracker {
  private segment: Segment | null = null;
  private playing = false;
  private chapter = 0;
  /** The latest position reported, played or not (for “where to resume”). */
  position = 0;

  constructor(
    private readonly emit: (beat: MediaBeat) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get isPlaying(): boolean {
    return this.playing;
  }

  get currentChapter(): number {
    return this.chapter;
  }

  /** Another chapter is loaded: cut what was playing and start over there. */
  setChapter(chapter: number, position = 0): void {
    this.cut();
    this.playing = false;
    this.chapter = chapter;
    this.position = position;
  }

  /** Playback started or resumed at `position`. */
  play(position: number): void {
    this.cut();
    this.playing = true;
    this.position = position;
    this.start(position);
  }

  /** A time update from the player. Returns true when a beat was emitted. */
  time(position: number): boolean {
    if (!Number.isFinite(position)) return false;
    this.position = position;
    if (!this.playing) return false;
    const seg = this.segment;
    const t = this.now();
    if (!seg) {
      this.start(position);
      return false;
    }
    const plausible = ((t - seg.lastAt) / 1000) * MAX_RATE + JUMP_SLACK_SEC;
    if (position < seg.last - 0.5 || position - seg.last > plausible) {
      // A seek the player did not announce: close at the last honest position, restart here.
      const emitted = this.cut(seg.last, seg.lastAt);
      this.start(position);
      return emitted;
    }
    seg.last = Math.max(seg.last, position);
    seg.lastAt = t;
    if (t - seg.startedAt >= BEAT_EVERY_MS) {
      const emitted = this.cut(seg.last, t);
      this.start(position);
      return emitted;
    }
    return false;
  }

  /** The user started dragging or jumped: close the segment before the jump. */
  seeking(): void {
    if (this.segment) this.cut(this.segment.last, this.segment.lastAt);
  }

  /** Playback continues from `position` after a seek. */
  seeked(position: number): void {
    this.seeking();
    this.position = position;
    if (this.playing) this.start(position);
  }

  pause(position?: number): void {
    this.closeAt(position);
    this.playing = false;
  }

  ended(position?: number): void {
    this.closeAt(position);
    this.playing = false;
  }

  /** Emits what was played so far (before a save or when leaving) and keeps going if playing. */
  flush(): void {
    const seg = this.segment;
    if (!seg) return;
    this.cut(seg.last, this.now());
    if (this.playing) this.start(seg.last);
  }

  /** Leaving: emit and stop counting. */
  stop(): void {
    this.flush();
    this.segment = null;
    this.playing = false;
  }

  private closeAt(position: number | undefined): void {
    const seg = this.segment;
    if (!seg) return;
    const t = this.now();
    // Trust the reported end only when playing could have reached it since the last update.
    const plausible = position !== undefined && position >= seg.last && position - seg.last <= ((t - seg.lastAt) / 1000) * MAX_RATE + JUMP_SLACK_SEC;
    if (position !== undefined) this.position = position;
    this.cut(plausible ? position : seg.last, t);
  }

  private start(position: number): void {
    const t = this.now();
    this.segment = { chapter: this.chapter, from: position, startedAt: t, last: position, lastAt: t };
  }

  /** Ends the open segment at `to` (default: its last position); emits it when long enough. */
  private cut(to?: number, at?: number): boolean {
    const seg = this.segment;
    this.segment = null;
    if (!seg) return false;
    const end = to ?? seg.last;
    const playedMs = Math.round((at ?? this.now()) - seg.startedAt);
    if (end - seg.from < MIN_SEGMENT_SEC || playedMs <= 0) return false;
    this.emit({ chapter: seg.chapter, from: round3(seg.from), to: round3(end), playedMs });
    return true;
  }
}
