import { planSave, SOON_SEC, type SavePlanInput } from '../../src/domain/lesson/save-plan';

const MIN = 60_000;
const saved = { completed: false, reachedEnd: false, readSec: 0, minReadSec: 0, chapters: [{ coveredSec: 0 }, { coveredSec: 0 }, { coveredSec: 0 }] };
const beat = (from: number) => ({ chapter: 0, from, to: from + 10, playedMs: 10_000 });
const at = (over: Partial<SavePlanInput>): SavePlanInput => ({ asked: 'tick', lastSavedAt: 0, now: MIN, saved, queue: [beat(50)], mediaTotalSec: 900, ...over });

describe('planSave (the client save policy)', () => {
  it('saves a tick once a minute, never sooner', () => {
    expect(planSave(at({ now: MIN - 1 }))).toBeNull();
    expect(planSave(at({ now: MIN }))).toBe('tick');
  });

  it('always saves on pause, end and leave', () => {
    for (const asked of ['pause', 'ended', 'leave'] as const) expect(planSave(at({ asked, now: 1000 }))).toBe(asked);
    expect(planSave(at({ asked: 'none' }))).toBeNull();
  });

  it('skips a minute’s save when the chapter ends within 30 s, but not twice in a row', () => {
    expect(planSave(at({ untilChapterEndSec: SOON_SEC }))).toBeNull();
    expect(planSave(at({ untilChapterEndSec: SOON_SEC + 1 }))).toBe('tick');
    expect(planSave(at({ now: 2 * MIN, untilChapterEndSec: 5 }))).toBe('tick');
  });

  it('skips a minute’s save when completion is under 30 s of play away, and saves early once the beats may complete', () => {
    const nearly = { ...saved, chapters: [{ coveredSec: 300 }, { coveredSec: 300 }, { coveredSec: 170 }] }; // 770 of the 810 needed
    expect(planSave(at({ saved: nearly, queue: [beat(170)] }))).toBeNull(); // 780 + 30 ≥ 810
    expect(planSave(at({ saved: nearly, queue: [beat(170), beat(180), beat(190), beat(200)], now: 30_000 }))).toBe('ended'); // 810: early
    expect(planSave(at({ saved: nearly, queue: [beat(170), beat(180), beat(190), beat(200)], now: 10_000 }))).toBeNull(); // 20 s floor between early saves
  });
});
