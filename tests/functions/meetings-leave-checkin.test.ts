import { createHmac } from 'node:crypto';
import { meetingsFunction as fn } from '../../cloudfunctions/meetings/src/handler';
import type { CheckinCodeView, MeetingDetail } from '../../src/domain/api/meetings';
import { codeFor, tokenFor, windowOf } from '../../src/domain/meeting/checkin-token';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { HOUR, MIN, meetingCast, scheduleAs } from './meetings-fixtures';

const checkinRows = (world: FunctionWorld) => world.storage.collection('meetingAttendance').count({ checkinAt: { $gt: 0 } });

describe('meetings: leave, receipts, rotating check-in', () => {
  let world: FunctionWorld;
  let cast: Awaited<ReturnType<typeof meetingCast>>;
  let meeting: MeetingDetail;
  let sec: string;
  beforeEach(async () => {
    world = await makeWorld();
    cast = await meetingCast(world);
    sec = cast.as(cast.secretary);
    meeting = await scheduleAs(world, sec);
  });
  const toWindow = () => world.clock.advance(meeting.startAt - 10 * MIN - world.clock.now());

  test('read receipts: the first open records seenAt; receipts show who has seen and answered', async () => {
    const [a, b] = cast.members;
    await world.ok(fn, cast.as(a), 'get', { meetingId: meeting.meetingId });
    const first = (await world.ok(fn, sec, 'receipts', { meetingId: meeting.meetingId })).attendees.find((r: { memberId: string }) => r.memberId === a._id).seenAt;
    world.clock.advance(MIN);
    await world.ok(fn, cast.as(a), 'get', { meetingId: meeting.meetingId });
    await world.ok(fn, cast.as(b), 'reply', { meetingId: meeting.meetingId, answer: 'attend' });
    const receipts = await world.ok(fn, sec, 'receipts', { meetingId: meeting.meetingId });
    expect(receipts.attendees.find((r: { memberId: string }) => r.memberId === a._id).seenAt).toBe(first);
    expect(receipts).toMatchObject({ seen: 2, answered: 1 });
    expect(await world.call(fn, cast.as(a), 'receipts', { meetingId: meeting.meetingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('leave with a reason; the secretary approves or declines in one tap; approved counts as 请假', async () => {
    const [a, b, c] = cast.members;
    expect(await world.call(fn, cast.as(a), 'reply', { meetingId: meeting.meetingId, answer: 'leave' })).toMatchObject({ ok: false, message: '请选择请假原因' });
    expect(await world.call(fn, cast.as(a), 'reply', { meetingId: meeting.meetingId, answer: 'leave', reason: 'holiday' })).toMatchObject({ ok: false, message: '请选择请假原因' });
    expect(await world.call(fn, cast.as(a), 'reply', { meetingId: meeting.meetingId, answer: 'leave', reason: 'other' })).toMatchObject({ ok: false, message: '请填写请假说明' });
    const asked = await world.ok<MeetingDetail>(fn, cast.as(a), 'reply', { meetingId: meeting.meetingId, answer: 'leave', reason: 'night_shift' });
    expect(asked.my).toMatchObject({ answer: 'leave', leaveReason: 'night_shift', leaveStatus: 'pending' });
    await world.ok(fn, cast.as(b), 'reply', { meetingId: meeting.meetingId, answer: 'leave', reason: 'surgery', note: '急诊手术' });
    expect((await world.ok(fn, sec, 'mine')).pendingLeave).toBe(2);
    expect(await world.call(fn, cast.as(c), 'decideLeave', { meetingId: meeting.meetingId, memberId: a._id, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(fn, sec, 'decideLeave', { meetingId: meeting.meetingId, memberId: c._id, approve: true })).toMatchObject({ ok: false, message: '该党员没有请假' });
    expect(await world.ok(fn, sec, 'decideLeave', { meetingId: meeting.meetingId, memberId: a._id, approve: true })).toMatchObject({ leaveStatus: 'approved' });
    expect(await world.ok(fn, sec, 'decideLeave', { meetingId: meeting.meetingId, memberId: b._id, approve: false })).toMatchObject({ leaveStatus: 'declined' });
    world.clock.advance(meeting.endAt - world.clock.now());
    const after = await world.ok<MeetingDetail>(fn, sec, 'get', { meetingId: meeting.meetingId });
    expect(after.roster!.find((r) => r.memberId === a._id)!.outcome).toBe('leave');
    expect(after.roster!.find((r) => r.memberId === b._id)!.outcome).toBe('absent');
    expect(after.counts).toMatchObject({ expected: cast.all.length, present: 0, leave: 1, absent: cast.all.length - 1 });
    expect(await world.call(fn, cast.as(c), 'reply', { meetingId: meeting.meetingId, answer: 'attend' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  test('the code screen opens 30 minutes before and rotates every 30 s; members check in by QR or by code', async () => {
    const [a, b] = cast.members;
    world.clock.advance(meeting.startAt - 31 * MIN - world.clock.now());
    expect(await world.call(fn, sec, 'checkinCode', { meetingId: meeting.meetingId })).toMatchObject({ ok: false, message: '签到尚未开始（会前 30 分钟开放）' });
    world.clock.advance(MIN);
    const code = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId });
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.token.startsWith(`mt1.${meeting.meetingId}.`)).toBe(true);
    expect(await world.call(fn, cast.as(a), 'checkinCode', { meetingId: meeting.meetingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    world.clock.advance(30_000);
    const next = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId });
    expect(next.token).not.toBe(code.token);
    // The previous window is still accepted.
    expect(await world.ok(fn, cast.as(a), 'checkin', { token: code.token })).toMatchObject({ meetingId: meeting.meetingId, method: 'qr', late: false });
    expect(await world.ok(fn, cast.as(b), 'checkin', { meetingId: meeting.meetingId, code: next.code })).toMatchObject({ method: 'code' });
    const seen = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId });
    expect(seen.checkedIn).toBe(2);
  });

  test('refused, with nothing written: forged, expired, other meeting, non-attendee, outside the window, twice', async () => {
    const [a, b, c] = cast.members;
    const other = await scheduleAs(world, sec, { attendees: { kind: 'members', memberIds: [b._id] }, startAt: meeting.startAt });
    const small = await scheduleAs(world, sec, { attendees: { kind: 'members', memberIds: [c._id] }, startAt: meeting.startAt });
    toWindow();
    const code = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId });
    const forgedMac = (m: string) => createHmac('sha256', 'not-the-secret').update(m).digest();
    const w = windowOf(world.clock.now());
    const refusals: Array<[string, unknown, string]> = [
      ['forged', { token: tokenFor(forgedMac, meeting.meetingId, w) }, '签到码无效'],
      ['garbage', { token: 'hello' }, '签到码无效'],
      ['wrong code', { meetingId: meeting.meetingId, code: codeFor(forgedMac, meeting.meetingId, w) }, '签到码不正确或已过期，请输入屏幕上最新的 6 位数字'],
      ['other meeting', { token: code.token, meetingId: other.meetingId }, '该签到码不属于本次会议'],
      ["other meeting's code", { meetingId: other.meetingId, code: code.code }, '签到码不正确或已过期，请输入屏幕上最新的 6 位数字'],
      ['nothing', {}, '请扫描签到二维码或输入 6 位签到码'],
      ['bad code shape', { meetingId: meeting.meetingId, code: '12ab' }, '请输入 6 位签到码'],
    ];
    for (const [, data, message] of refusals) expect(await world.call(fn, cast.as(a), 'checkin', data)).toMatchObject({ ok: false, message });
    // Non-attendee: a is not invited to `small`.
    const smallCode = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: small.meetingId });
    expect(await world.call(fn, cast.as(a), 'checkin', { token: smallCode.token })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '你不在本次会议的参会名单中' });
    expect(await checkinRows(world)).toBe(0);
    // Expired: two windows later.
    world.clock.advance(60_000);
    expect(await world.call(fn, cast.as(a), 'checkin', { token: code.token })).toMatchObject({ ok: false, message: '签到码已过期，请扫描屏幕上最新的二维码' });
    expect(await world.call(fn, cast.as(a), 'checkin', { meetingId: meeting.meetingId, code: code.code })).toMatchObject({ ok: false, code: 'CHECKIN_INVALID' });
    // Twice (and concurrently twice): one check-in.
    const fresh = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId });
    const both = await Promise.all([world.call(fn, cast.as(a), 'checkin', { token: fresh.token }), world.call(fn, cast.as(a), 'checkin', { token: fresh.token })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await world.call(fn, cast.as(a), 'checkin', { meetingId: meeting.meetingId, code: fresh.code })).toMatchObject({ ok: false, message: '你已签到，无需重复签到' });
    expect(await checkinRows(world)).toBe(1);
    expect((await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId })).checkedIn).toBe(1);
    // Outside the window: after the end.
    world.clock.advance(meeting.endAt - world.clock.now());
    expect(await world.call(fn, sec, 'checkinCode', { meetingId: meeting.meetingId })).toMatchObject({ ok: false, message: '会议已结束，签到已关闭' });
    // A correctly signed, current code after the end (made with the server's own secret) is still refused.
    const { secret } = (await world.storage.collection<{ _id: string; secret: string }>('settings').get('meetingCheckinSecret'))!;
    const realMac = (m: string) => createHmac('sha256', secret).update(m).digest();
    const late = codeFor(realMac, meeting.meetingId, windowOf(world.clock.now()));
    expect(await world.call(fn, cast.as(b), 'checkin', { meetingId: meeting.meetingId, code: late })).toMatchObject({ ok: false, message: '会议已结束，签到已关闭' });
    // …and so is one before the window opens.
    const early = await scheduleAs(world, sec, { startAt: world.clock.now() + 2 * HOUR });
    const earlyCode = codeFor(realMac, early.meetingId, windowOf(world.clock.now()));
    expect(await world.call(fn, cast.as(b), 'checkin', { meetingId: early.meetingId, code: earlyCode })).toMatchObject({ ok: false, message: '签到尚未开始（会前 30 分钟开放）' });
    expect(await checkinRows(world)).toBe(1);
  });

  test('late after five minutes; manual check-in records who did it; undo only manual ones', async () => {
    const [a, b] = cast.members;
    world.clock.advance(meeting.startAt + 10 * MIN - world.clock.now());
    const code = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId });
    expect(await world.ok(fn, cast.as(a), 'checkin', { token: code.token })).toMatchObject({ late: true });
    const manual = await world.ok(fn, sec, 'manualCheckin', { meetingId: meeting.meetingId, memberId: b._id });
    expect(manual).toMatchObject({ checkinMethod: 'manual', checkinByName: cast.secretary.name, late: true, outcome: 'late' });
    expect(await world.call(fn, sec, 'manualCheckin', { meetingId: meeting.meetingId, memberId: b._id })).toMatchObject({ ok: false, message: '该党员已签到' });
    expect(await world.call(fn, sec, 'manualCheckin', { meetingId: meeting.meetingId, memberId: a._id, undo: true })).toMatchObject({ ok: false, message: '只能撤销手动签到' });
    expect(await world.ok(fn, sec, 'manualCheckin', { meetingId: meeting.meetingId, memberId: b._id, undo: true })).toMatchObject({ checkinAt: null, outcome: 'pending' });
    expect(await world.call(fn, cast.as(a), 'manualCheckin', { meetingId: meeting.meetingId, memberId: b._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(fn, ADMIN, 'manualCheckin', { meetingId: meeting.meetingId, memberId: 'm_nobody' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId })).checkedIn).toBe(1);
  });

  test('guessing codes: after ten wrong codes only the QR works for that member', async () => {
    const [a] = cast.members;
    toWindow();
    const code = await world.ok<CheckinCodeView>(fn, sec, 'checkinCode', { meetingId: meeting.meetingId });
    const wrong = code.code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 10; i++) expect(await world.call(fn, cast.as(a), 'checkin', { meetingId: meeting.meetingId, code: wrong })).toMatchObject({ ok: false, code: 'CHECKIN_INVALID' });
    expect(await world.call(fn, cast.as(a), 'checkin', { meetingId: meeting.meetingId, code: code.code })).toMatchObject({ ok: false, message: '签到码错误次数过多，请扫描二维码或请支部书记手动签到' });
    expect(await world.ok(fn, cast.as(a), 'checkin', { token: code.token })).toMatchObject({ method: 'qr' });
  });

  test('a cancelled meeting refuses codes and check-ins', async () => {
    await world.ok(fn, sec, 'cancel', { meetingId: meeting.meetingId });
    toWindow();
    expect(await world.call(fn, sec, 'checkinCode', { meetingId: meeting.meetingId })).toMatchObject({ ok: false, message: '会议已取消' });
  });
});
