import { ReadingTracker, readingSecondsLeft } from '../../src/utils/reading-beats';

/** A tracker on a hand-moved clock, ticked once a second as the article page does. */
function reader() {
  let t = 1_000_000;
  const tracker = new ReadingTracker(() => t);
  const wait = (seconds: number, visible = true) => {
    for (let i = 0; i < seconds; i++) {
      t += 1000;
      tracker.tick(visible);
    }
  };
  return { tracker, wait, jump: (ms: number) => (t += ms) };
}

describe('article reading time', () => {
  it('counts while the article is on screen, without any scrolling or touching', () => {
    const { tracker, wait } = reader();
    tracker.reachEnd();
    const beats = [];
    // The page sends a beat every 10 s of reading.
    for (let i = 0; i < 9; i++) {
      wait(10);
      beats.push(tracker.take());
    }
    expect(tracker.countedSec).toBe(90);
    expect(beats.reduce((s, b) => s + (b?.activeMs ?? 0), 0)).toBe(90_000);
    expect(beats[0]).toEqual({ activeMs: 10_000, position: 1, atEnd: true });
    // A beat never carries more than the server accepts (30 s), even if sending was late.
    wait(60);
    expect(tracker.take()?.activeMs).toBe(25_000);
  });

  it('does not count while hidden, nor a long gap (the phone slept), nor across a return', () => {
    const { tracker, wait, jump } = reader();
    wait(10);
    wait(20, false);
    jump(60_000);
    tracker.tick(true);
    tracker.resume();
    wait(5);
    expect(tracker.countedSec).toBe(15);
  });

  it('tells how many seconds are still needed, from what the server had and what this phone counted', () => {
    expect(readingSecondsLeft(120, 30, 50.2)).toBe(40);
    expect(readingSecondsLeft(120, 30, 100)).toBe(0);
    // A save from another device may be ahead of this phone's count.
    expect(readingSecondsLeft(120, 30, 10, 115)).toBe(5);
  });
});
