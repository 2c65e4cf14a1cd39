/**
 * Reading time for an article: time counts while the article is on screen and the app in front,
 * whether or not the reader scrolls (a fast reader who waits at the end must not stall; a phone left
 * alone locks its screen, which hides the page and stops the count). `tick` is called about once a
 * second; a beat carries the reading time since the previous one, the furthest scroll fraction and
 * whether the end was seen.
 */
export type ReadBeat = { activeMs: number; position: number; atEnd: boolean };
/** The server counts at most 30 s per beat; stay well under it. */
const MAX_BEAT_MS = 25 * 1000;
/** A gap between ticks longer than this (the phone slept, the page was frozen) is not reading. */
const MAX_TICK_GAP_MS = 5 * 1000;

export class ReadingTracker {
  private lastTick: number;
  private activeMs = 0;
  /** All reading time counted since the page opened (for “还需阅读 X 秒”). */
  private totalMs = 0;
  private position = 0;
  private current = 0;
  private atEnd = false;
  private endReported = false;
  private lastPosition = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.lastTick = now();
  }

  /** About once a second; `visible` is whether the article is on screen with the app in front. */
  tick(visible: boolean): void {
    const t = this.now();
    const gap = t - this.lastTick;
    this.lastTick = t;
    if (!visible || gap <= 0 || gap > MAX_TICK_GAP_MS) return;
    const counted = Math.min(this.activeMs + gap, MAX_BEAT_MS) - this.activeMs;
    this.activeMs += counted;
    this.totalMs += counted;
  }

  /** The page came back: do not count the time it was away. */
  resume(): void {
    this.lastTick = this.now();
  }

  /** Reading seconds counted on this phone since the page opened. */
  get countedSec(): number {
    return this.totalMs / 1000;
  }

  /** Where the reader is now (scroll fraction, 0–1); the furthest is kept too. */
  setPosition(fraction: number): void {
    if (!Number.isFinite(fraction)) return;
    this.current = Math.min(1, Math.max(0, fraction));
    this.position = Math.max(this.position, this.current);
  }

  /** The end marker came into view. */
  reachEnd(): void {
    this.atEnd = true;
    this.position = 1;
  }

  get reachedEnd(): boolean {
    return this.atEnd;
  }

  get furthest(): number {
    return this.position;
  }

  /** Where the reader is now: where to resume. */
  get here(): number {
    return this.current;
  }

  /** Whether a beat is due: enough active time gathered, or news (the end, further down). */
  get pendingMs(): number {
    return this.activeMs;
  }

  /** The beat since the last one, or null when there is nothing new. */
  take(): ReadBeat | null {
    const news = (this.atEnd && !this.endReported) || this.position > this.lastPosition + 0.01;
    if (this.activeMs < 1000 && !news) return null;
    const beat: ReadBeat = { activeMs: Math.round(this.activeMs), position: Math.round(this.position * 1000) / 1000, atEnd: this.atEnd };
    this.activeMs = 0;
    this.lastPosition = this.position;
    if (this.atEnd) this.endReported = true;
    return beat;
  }
}

/**
 * Seconds of reading still needed before the article can complete: the minimum less what the server
 * had when the page opened and what this phone has counted since (not yet all saved). Never negative.
 */
export function readingSecondsLeft(minReadSec: number, readSecAtOpen: number, countedSec: number, serverReadSec = 0): number {
  const read = Math.max(serverReadSec, readSecAtOpen + countedSec);
  return Math.max(0, Math.ceil(minReadSec - read));
}
