import { benchMemberDay } from '../../scripts/bench/member-day';

/**
 * Issue 10: a member's day — open the app, today's 15-minute lesson to completion and the check, the
 * notices, one notice, the chat badge, 20 chat messages read and one sent — in at most 25 function calls,
 * 80 storage reads and 25 writes, counted by the benchmark's counting storage adapter over the same
 * calls the pages make. Counts, not times: these fail when a change adds a call or a read.
 */
describe('a member’s day (scripts/bench/member-day.ts)', () => {
  let day: Awaited<ReturnType<typeof benchMemberDay>>;
  beforeAll(async () => {
    day = await benchMemberDay();
  }, 60_000);

  it('stays within 25 calls, 80 reads and 25 writes', () => {
    expect(day.perMemberDay.calls).toBeLessThanOrEqual(25);
    expect(day.perMemberDay.reads).toBeLessThanOrEqual(80);
    expect(day.perMemberDay.writes).toBeLessThanOrEqual(25);
    expect(day.targets.met).toBe(true);
  });

  it('completes the lesson in at most 15 saves (once a minute, pause, chapter ends, completion), 2 reads each but the completing one', () => {
    expect(day.lesson.completed).toBe(true);
    expect(day.lesson.progressSaves).toBeLessThanOrEqual(15);
    const study = day.byStep['study (progress saves)'];
    expect(study.writes).toBe(study.calls);
    // The completing save also reads the branch (its time zone) and the member's completions (the week).
    expect(study.reads).toBeLessThanOrEqual(2 * study.calls + 2);
  });

  it('opens the app in one call with the chat badge, and the chat in one call that marks the 20 messages read', () => {
    expect(day.byStep['open the app (home, with the chat badge)']).toMatchObject({ calls: 1 });
    expect(day.byStep['back home']).toMatchObject({ calls: 1 });
    expect(day.byStep['read 20 chat messages']).toMatchObject({ calls: 1, writes: 1 });
    expect(day.byStep['send one']).toMatchObject({ calls: 1 });
  });
});
