import { meetingsFunction as fn } from '../../cloudfunctions/meetings/src/handler';
import { seedDemoMeetings } from '../../cloudfunctions/_local/seed/demo-meetings';
import type { LedgerView, MatrixView, MeetingDetail } from '../../src/domain/api/meetings';
import { ADMIN, makeWorld, openidOf, type FunctionWorld } from '../functions/harness';

describe('demo meetings seed', () => {
  let world: FunctionWorld;
  beforeAll(async () => {
    world = await makeWorld();
    // 2026-11-22 09:00 Shanghai (the harness clock).
    const seeded = await seedDemoMeetings(world.storage, world.clock.now());
    expect(seeded.meetings).toBeGreaterThan(500);
    expect(seeded.attendance).toBeGreaterThan(5000);
  });

  test('runs once', async () => {
    expect(await seedDemoMeetings(world.storage, world.clock.now())).toEqual({ meetings: 0, attendance: 0 });
  });

  test('the ledger of a branch is full: held meetings of every type with attendance, leave, minutes and make-ups', async () => {
    const ledger = await world.ok<LedgerView>(fn, ADMIN, 'ledger', { branchId: 'b_demo01', year: 2026 });
    expect(ledger.rows.length).toBeGreaterThan(30);
    expect(new Set(ledger.rows.map((r) => r.type)).size).toBe(7);
    const totals = ledger.rows.reduce((t, r) => ({ leave: t.leave + r.counts.leave, absent: t.absent + r.counts.absent, madeUp: t.madeUp + r.counts.madeUp, minutes: t.minutes + (r.minutesContent ? 1 : 0) }), { leave: 0, absent: 0, madeUp: 0, minutes: 0 });
    expect(totals.leave).toBeGreaterThan(0);
    expect(totals.absent).toBeGreaterThan(0);
    expect(totals.madeUp).toBeGreaterThan(0);
    expect(totals.minutes).toBeGreaterThan(30);
  });

  test('the committee matrix shows held, due and overdue; the demo member has a next meeting and a make-up', async () => {
    const matrix = await world.ok<MatrixView>(fn, ADMIN, 'matrix', { year: 2026 });
    const states = new Set(matrix.branches.flatMap((b) => b.cells.map((c) => c.state)));
    expect([...states]).toEqual(expect.arrayContaining(['held', 'due', 'overdue']));
    expect(matrix.branches.filter((b) => b.overdue > 0).length).toBeGreaterThan(1);
    const member = 'm_H01004';
    const mine = await world.ok(fn, openidOf(member), 'mine');
    expect(mine.next).toMatchObject({ type: 'theme_day', branchId: 'b_demo01' });
    expect(mine.next.startAt).toBeGreaterThan(world.clock.now());
    const overview = await world.ok(fn, openidOf('m_H01002'), 'overview');
    expect(overview.cells.find((c: { type: string }) => c.type === 'group').state).toBe('due');
    // Someone in the hospital still owes a make-up.
    const owing = await world.storage.collection('meetingAttendance').count({ branchId: 'b_demo01', makeupAt: null, checkinAt: null, startAt: { $lt: world.clock.now() - 20 * 86400_000 } });
    expect(owing).toBeGreaterThan(0);
    const detail = await world.ok<MeetingDetail>(fn, openidOf('m_H01002'), 'get', { meetingId: mine.next.meetingId });
    expect(detail.roster!.length).toBe(26);
  });
});
