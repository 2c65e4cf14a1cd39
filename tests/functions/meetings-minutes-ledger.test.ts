import ExcelJS from 'exceljs';
import { meetingsFunction as fn } from '../../cloudfunctions/meetings/src/handler';
import type { CheckinCodeView, LedgerView, MatrixView, MeetingDetail, MinutesView } from '../../src/domain/api/meetings';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { HOUR, MIN, meetingCast, scheduleAs } from './meetings-fixtures';
import { readSheet } from './xlsx-fixtures';

describe('meetings: minutes, make-up, ledger, committee matrix', () => {
  let world: FunctionWorld;
  let cast: Awaited<ReturnType<typeof meetingCast>>;
  let sec: string;
  beforeEach(async () => {
    world = await makeWorld();
    cast = await meetingCast(world);
    sec = cast.as(cast.secretary);
  });

  /** A meeting of four: a checks in, b on approved leave, c absent, the secretary checks in. */
  async function heldMeeting() {
    const [a, b, c] = cast.members;
    const m = await scheduleAs(world, sec, { attendees: { kind: 'members', memberIds: [cast.secretary._id, a._id, b._id, c._id] } });
    await world.ok(fn, cast.as(b), 'reply', { meetingId: m.meetingId, answer: 'leave', reason: 'duty' });
    await world.ok(fn, sec, 'decideLeave', { meetingId: m.meetingId, memberId: b._id, approve: true });
    world.clock.advance(m.startAt - 5 * MIN - world.clock.now());
    const code = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: m.meetingId });
    await world.ok(fn, cast.as(a), 'checkin', { token: code.token });
    await world.ok(fn, sec, 'checkin', { token: code.token });
    return { m, a, b, c };
  }

  test('draft → publish after the end → edits keep history; attendance filled automatically; members see published only', async () => {
    const { m, a, b, c } = await heldMeeting();
    const photo = await world.files.save(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]), 'image/png');
    expect(await world.call(fn, sec, 'saveMinutes', { meetingId: m.meetingId, recorderName: '', content: 'x' })).toMatchObject({ ok: false, message: '请填写记录人' });
    expect(await world.call(fn, sec, 'saveMinutes', { meetingId: m.meetingId, recorderName: '李', content: 'x', photos: [{ fileId: 'f_missing00000' }] })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await world.call(fn, cast.as(a), 'saveMinutes', { meetingId: m.meetingId, recorderName: '李', content: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const draft = await world.ok<MinutesView>(fn, sec, 'saveMinutes', { meetingId: m.meetingId, recorderName: cast.secretary.name, content: '一、集中学习。', photos: [{ fileId: photo }] });
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect((await world.ok<MeetingDetail>(fn, cast.as(a), 'get', { meetingId: m.meetingId })).minutes).toBeNull();
    expect(await world.call(fn, sec, 'publishMinutes', { meetingId: m.meetingId })).toMatchObject({ ok: false, message: '会议结束后才能发布会议记录' });
    world.clock.advance(m.endAt - world.clock.now());
    const published = await world.ok<MinutesView>(fn, sec, 'publishMinutes', { meetingId: m.meetingId });
    expect(published.status).toBe('published');
    expect(published.attendance).toMatchObject({ counts: { expected: 4, present: 2, leave: 1, absent: 1, madeUp: 0 }, leave: [b.name], absent: [c.name] });
    expect(published.attendance.present.sort()).toEqual([a.name, cast.secretary.name].sort());
    expect(published.photos[0].url).toContain(photo);
    // Publishing again is a no-op.
    expect((await world.ok<MinutesView>(fn, sec, 'publishMinutes', { meetingId: m.meetingId })).publishedAt).toBe(published.publishedAt);
    const seen = await world.ok<MeetingDetail>(fn, cast.as(a), 'get', { meetingId: m.meetingId });
    expect(seen.minutes).toMatchObject({ content: '一、集中学习。', history: [] });
    // Another member of the branch, not invited, may read the published minutes.
    const outsider = cast.members[5];
    expect((await world.ok<MeetingDetail>(fn, cast.as(outsider), 'get', { meetingId: m.meetingId })).minutes!.status).toBe('published');
    world.clock.advance(HOUR);
    const edited = await world.ok<MinutesView>(fn, cast.as(cast.committee), 'saveMinutes', { meetingId: m.meetingId, recorderName: cast.secretary.name, content: '一、集中学习。二、更正：交流发言 3 人。', resolutions: '按月开展' });
    expect(edited).toMatchObject({ status: 'published', version: 2, history: [{ version: 1, content: '一、集中学习。', editedByName: cast.committee.name }] });
    expect((await world.ok<MeetingDetail>(fn, cast.as(a), 'get', { meetingId: m.meetingId })).minutes).toMatchObject({ version: 2, history: [] });
  });

  test('make-up: the absent and those on leave get a task; 已学习 records it once', async () => {
    const { m, a, b, c } = await heldMeeting();
    world.clock.advance(m.endAt - world.clock.now());
    await world.ok(fn, sec, 'saveMinutes', { meetingId: m.meetingId, recorderName: '记录人', content: '内容' });
    expect(await world.call(fn, cast.as(c), 'makeupDone', { meetingId: m.meetingId })).toMatchObject({ ok: false, message: '会议记录尚未发布，暂不能补学' });
    await world.ok(fn, sec, 'publishMinutes', { meetingId: m.meetingId });
    expect((await world.ok(fn, cast.as(b), 'mine')).makeups).toEqual([expect.objectContaining({ meetingId: m.meetingId, outcome: 'leave' })]);
    expect((await world.ok(fn, cast.as(c), 'mine')).makeups).toEqual([expect.objectContaining({ meetingId: m.meetingId, outcome: 'absent' })]);
    expect((await world.ok(fn, cast.as(a), 'mine')).makeups).toEqual([]);
    expect(await world.call(fn, cast.as(a), 'makeupDone', { meetingId: m.meetingId })).toMatchObject({ ok: false, message: '你已参加本次会议，无需补学' });
    const done = await world.ok(fn, cast.as(c), 'makeupDone', { meetingId: m.meetingId });
    world.clock.advance(MIN);
    expect(await world.ok(fn, cast.as(c), 'makeupDone', { meetingId: m.meetingId })).toEqual(done);
    expect((await world.ok(fn, cast.as(c), 'mine')).makeups).toEqual([]);
    const detail = await world.ok<MeetingDetail>(fn, cast.as(c), 'get', { meetingId: m.meetingId });
    expect(detail.my).toMatchObject({ outcome: 'absent', makeupDue: false, makeupAt: done.makeupAt });
    expect(detail.counts.madeUp).toBe(1);
  });

  test('ledger and its xlsx: a sheet per type with attendance and minutes; officers and the committee only', async () => {
    const { m, b, c } = await heldMeeting();
    world.clock.advance(m.endAt - world.clock.now());
    await world.ok(fn, sec, 'saveMinutes', { meetingId: m.meetingId, recorderName: '王记录', content: '=HYPERLINK("x") 学习内容', resolutions: '决议一' });
    await world.ok(fn, sec, 'publishMinutes', { meetingId: m.meetingId });
    await world.ok(fn, cast.as(c), 'makeupDone', { meetingId: m.meetingId });
    await scheduleAs(world, sec, { topic: '未来的会' });
    const year = 2026;
    const ledger = await world.ok<LedgerView>(fn, sec, 'ledger', { year });
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.rows[0]).toMatchObject({ topic: m.topic, counts: { expected: 4, present: 2, leave: 1, absent: 1, madeUp: 1 }, leave: [b.name], absent: [c.name], madeUp: [c.name], recorderName: '王记录', resolutions: '决议一' });
    expect(ledger.summary.find((s) => s.type === 'theme_day')).toMatchObject({ held: 1, required: 11 });
    expect(await world.call(fn, cast.as(b), 'ledger', { year })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(fn, cast.as(cast.secretary), 'ledger', { year, branchId: 'b_demo02' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(fn, ADMIN, 'ledger', { year })).toMatchObject({ ok: false, message: '请选择支部' });
    expect(await world.call(fn, sec, 'ledger', { year: 1999 })).toMatchObject({ ok: false, message: '年份不正确' });
    const file = await world.ok(fn, ADMIN, 'exportLedger', { year, branchId: 'b_demo01' });
    expect(file.fileName).toBe('三会一课台账_心血管内科党支部_2026.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '支部委员会', '党小组会', '支部党员大会', '党课', '主题党日', '组织生活会', '民主评议党员']);
    const sheet = await readSheet(file.base64, '主题党日');
    expect(sheet).toHaveLength(2);
    expect(sheet[1].slice(4, 9)).toEqual([4, 2, 1, 1, 1]);
    // User text cannot become a formula.
    expect(String(sheet[1][14]).startsWith("'=HYPERLINK")).toBe(true);
  });

  test('quarter end at Shanghai midnight: the 党课 due on 31 December 23:59 is overdue at 00:00 on 1 January (process in UTC)', async () => {
    const shanghaiMidnight = Date.UTC(2026, 11, 31, 16, 0); // 2027-01-01 00:00 Shanghai
    world.clock.t = shanghaiMidnight - MIN;
    const before = await world.ok(fn, sec, 'overview');
    expect(before.month).toBe('2026-12');
    expect(before.cells.find((c: { type: string }) => c.type === 'party_lesson')).toMatchObject({ period: '2026-Q4', state: 'due' });
    world.clock.t = shanghaiMidnight;
    const after = await world.ok(fn, sec, 'overview', { month: '2026-12' });
    expect(after.cells.find((c: { type: string }) => c.type === 'party_lesson').state).toBe('overdue');
    expect((await world.ok(fn, sec, 'overview')).month).toBe('2027-01');
  });

  test('cadence, overview, the committee matrix and reminding a secretary once per hour', async () => {
    expect((await world.ok(fn, cast.as(cast.members[0]), 'cadence')).isDefault).toBe(true);
    expect(await world.call(fn, sec, 'setCadence', { table: { theme_day: 'quarterly' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(fn, ADMIN, 'setCadence', { table: { theme_day: 'daily' } })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const set = await world.ok(fn, ADMIN, 'setCadence', { table: { org_life: 'none' } });
    expect(set.table).toMatchObject({ org_life: 'none', theme_day: 'monthly' });
    const { m } = await heldMeeting();
    // Five minutes before the start it is still only scheduled.
    expect((await world.ok(fn, sec, 'overview')).cells.find((c: { type: string }) => c.type === 'theme_day')).toMatchObject({ state: 'due', held: 0, scheduled: 1, nextAt: m.startAt });
    world.clock.advance(m.endAt - world.clock.now());
    const over = await world.ok(fn, sec, 'overview');
    expect(over.month).toBe('2026-11');
    expect(over.cells.find((c: { type: string }) => c.type === 'theme_day')).toMatchObject({ state: 'held', held: 1 });
    expect(over.cells.find((c: { type: string }) => c.type === 'org_life').state).toBe('not_required');
    expect(over.cells.find((c: { type: string }) => c.type === 'party_lesson')).toMatchObject({ state: 'due', period: '2026-Q4', periodLabel: '第四季度' });
    expect((await world.ok(fn, sec, 'overview', { month: '2026-10' })).cells.find((c: { type: string }) => c.type === 'theme_day').state).toBe('overdue');
    expect(await world.call(fn, cast.as(cast.members[0]), 'overview')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const matrix = await world.ok<MatrixView>(fn, ADMIN, 'matrix', { year: 2026 });
    expect(matrix.branches).toHaveLength(14);
    const first = matrix.branches.find((b) => b.branchId === 'b_demo01')!;
    expect(first.cells[10]).toMatchObject({ month: '2026-11', state: 'due', held: 1 });
    expect(first.cells[9].state).toBe('overdue');
    expect(first.secretaryName).toBe(cast.secretary.name);
    expect(await world.call(fn, sec, 'matrix', { year: 2026 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const reminded = await world.ok(fn, ADMIN, 'remindBranch', { branchId: 'b_demo01' });
    expect(reminded).toMatchObject({ sent: true, secretaryName: cast.secretary.name });
    expect(await world.call(fn, ADMIN, 'remindBranch', { branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await world.ok<MatrixView>(fn, ADMIN, 'matrix', { year: 2026 })).branches.find((b) => b.branchId === 'b_demo01')!.remindAvailableAt).toBe(reminded.remindAvailableAt);
    expect(await world.storage.collection('meetingBranchReminders').count({ branchId: 'b_demo01' })).toBe(1);
    // The secretary is reached through the reminder engine, about the branch (no single meeting).
    expect(await world.storage.collection('reachReminders').find({ sourceKind: 'branch', sourceId: 'b_demo01' }, { limit: 5 })).toEqual([expect.objectContaining({ branchId: 'b_demo01', memberIds: [cast.secretary._id] })]);
    world.clock.advance(HOUR);
    expect(await world.ok(fn, ADMIN, 'remindBranch', { branchId: 'b_demo01' })).toMatchObject({ sent: true });
  });
});
