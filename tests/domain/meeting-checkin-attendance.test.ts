import { createHmac } from 'node:crypto';
import { canReply, checkinOpen, countAttendance, isLate, outcomeOf, owesMakeup } from '../../src/domain/meeting/attendance';
import { codeFor, currentCode, tokenFor, verifyCode, verifyToken, windowOf, type Mac } from '../../src/domain/meeting/checkin-token';
import { resolveAttendees } from '../../src/domain/meeting/attendees';
import type { Attendance } from '../../src/domain/meeting/types';
import type { Member } from '../../src/domain/org/types';

const macWith = (secret: string): Mac => (message) => createHmac('sha256', secret).update(message).digest();
const mac = macWith('server-secret');
const T0 = Date.UTC(2026, 10, 28, 6, 0, 0); // a window boundary (multiple of 30 s)

describe('check-in tokens', () => {
  test('rotate every 30 s, with a 6-digit code alongside', () => {
    const a = currentCode(mac, 'm1', T0);
    const b = currentCode(mac, 'm1', T0 + 29_999);
    const c = currentCode(mac, 'm1', T0 + 30_000);
    expect(a.token).toBe(b.token);
    expect(c.token).not.toBe(a.token);
    expect(a.code).toMatch(/^\d{6}$/);
    expect(c.code).not.toBe(a.code);
    expect(a.secondsLeft).toBe(30);
    expect(b.secondsLeft).toBe(1);
  });

  test('accepted in the current and the previous window only', () => {
    const token = tokenFor(mac, 'm1', windowOf(T0));
    expect(verifyToken(mac, token, T0)).toEqual({ ok: true, meetingId: 'm1', window: windowOf(T0) });
    expect(verifyToken(mac, token, T0 + 59_999).ok).toBe(true);
    expect(verifyToken(mac, token, T0 + 60_000)).toEqual({ ok: false, reason: 'expired' });
    const code = codeFor(mac, 'm1', windowOf(T0));
    expect(verifyCode(mac, 'm1', code, T0 + 45_000)).toBe(true);
    expect(verifyCode(mac, 'm1', code, T0 + 60_000)).toBe(false);
  });

  test('forged: another secret, an edited meeting id or window, a token from the future, garbage', () => {
    const w = windowOf(T0);
    expect(verifyToken(mac, tokenFor(macWith('other'), 'm1', w), T0)).toEqual({ ok: false, reason: 'forged' });
    const [p, , win, sig] = tokenFor(mac, 'm1', w).split('.');
    expect(verifyToken(mac, [p, 'm2', win, sig].join('.'), T0)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyToken(mac, [p, 'm1', String(w - 1), sig].join('.'), T0)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyToken(mac, tokenFor(mac, 'm1', w + 1), T0)).toEqual({ ok: false, reason: 'forged' });
    for (const junk of ['', 'mt1', 'mt1.m1.x.y', 'mt2.m1.1.abc', `mt1..${w}.abc`, 'a.b.c.d.e']) expect(verifyToken(mac, junk, T0).ok).toBe(false);
  });

  test("a code is bound to its meeting: meeting 1's code does not open meeting 2", () => {
    const w = windowOf(T0);
    const code1 = codeFor(mac, 'm1', w);
    const others = ['m2', 'm3', 'm4', 'm5'].filter((m) => codeFor(mac, m, w) !== code1 && codeFor(mac, m, w - 1) !== code1);
    expect(others.length).toBeGreaterThan(0);
    for (const m of others) expect(verifyCode(mac, m, code1, T0)).toBe(false);
  });
});

const meeting = { startAt: T0, endAt: T0 + 90 * 60_000 };
const row = (over: Partial<Attendance> = {}): Pick<Attendance, 'checkinAt' | 'late' | 'leaveStatus' | 'makeupAt' | 'removed'> => ({
  checkinAt: null,
  late: false,
  leaveStatus: 'none',
  makeupAt: null,
  removed: false,
  ...over,
});

describe('attendance', () => {
  test('window: 30 minutes before the start until the end', () => {
    expect(checkinOpen(meeting, T0 - 30 * 60_000 - 1)).toBe(false);
    expect(checkinOpen(meeting, T0 - 30 * 60_000)).toBe(true);
    expect(checkinOpen(meeting, meeting.endAt - 1)).toBe(true);
    expect(checkinOpen(meeting, meeting.endAt)).toBe(false);
  });

  test('late after five minutes past the start', () => {
    expect(isLate(meeting, T0 + 5 * 60_000)).toBe(false);
    expect(isLate(meeting, T0 + 5 * 60_000 + 1)).toBe(true);
  });

  test('outcomes: present, late, approved leave, pending before the end, absent after (pending or declined leave is absent)', () => {
    const after = meeting.endAt;
    expect(outcomeOf(row({ checkinAt: T0 }), meeting, after)).toBe('present');
    expect(outcomeOf(row({ checkinAt: T0 + 600_000, late: true }), meeting, after)).toBe('late');
    expect(outcomeOf(row({ leaveStatus: 'approved' }), meeting, after)).toBe('leave');
    expect(outcomeOf(row({ leaveStatus: 'pending' }), meeting, after)).toBe('absent');
    expect(outcomeOf(row({ leaveStatus: 'declined' }), meeting, after)).toBe('absent');
    expect(outcomeOf(row(), meeting, after - 1)).toBe('pending');
    // Checked in despite approved leave: present wins.
    expect(outcomeOf(row({ leaveStatus: 'approved', checkinAt: T0 }), meeting, after)).toBe('present');
  });

  test('counts 应到 / 实到 / 请假 / 缺席 / 补学, removed rows excluded', () => {
    const rows = [
      row({ checkinAt: T0 }),
      row({ checkinAt: T0 + 600_000, late: true }),
      row({ leaveStatus: 'approved', makeupAt: meeting.endAt + 1 }),
      row(),
      row({ removed: true }),
    ];
    expect(countAttendance(rows, meeting, meeting.endAt)).toEqual({ expected: 4, present: 2, late: 1, leave: 1, absent: 1, madeUp: 1 });
  });

  test('make-up owed by the absent and those on leave once minutes are published; reply closes at the end or on check-in', () => {
    const published = { ...meeting, minutesStatus: 'published' };
    expect(owesMakeup(row(), published, meeting.endAt)).toBe(true);
    expect(owesMakeup(row({ leaveStatus: 'approved' }), published, meeting.endAt)).toBe(true);
    expect(owesMakeup(row({ checkinAt: T0 }), published, meeting.endAt)).toBe(false);
    expect(owesMakeup(row(), { ...meeting, minutesStatus: 'draft' }, meeting.endAt)).toBe(false);
    expect(owesMakeup(row({ makeupAt: 1 }), published, meeting.endAt)).toBe(false);
    expect(canReply(row(), meeting, meeting.endAt - 1)).toBe(true);
    expect(canReply(row(), meeting, meeting.endAt)).toBe(false);
    expect(canReply(row({ checkinAt: T0 }), meeting, T0)).toBe(false);
  });
});

describe('attendees', () => {
  const m = (id: string, over: Partial<Member> = {}): Member => ({
    _id: id, name: id, employeeNo: id, department: '', branchId: 'b1', partyGroupId: null, role: 'member', phone: null, openid: null, boundAt: null, status: 'active', createdAt: 0, updatedAt: 0, ...over,
  });
  const roster = [m('s', { role: 'secretary', partyGroupId: 'g1' }), m('c', { role: 'branch_committee', partyGroupId: 'g2' }), m('a', { partyGroupId: 'g1' }), m('x', { branchId: 'b2' })];
  const groups = [{ _id: 'g1', branchId: 'b1' }, { _id: 'g2', branchId: 'b1' }, { _id: 'g9', branchId: 'b2' }];
  const ids = (ms: Member[]) => ms.map((x) => x._id).sort();

  test('branch, groups, members, committee, hospital', () => {
    expect(ids(resolveAttendees({ kind: 'branch' }, 'b1', roster, groups))).toEqual(['a', 'c', 's']);
    expect(ids(resolveAttendees({ kind: 'groups', groupIds: ['g1'] }, 'b1', roster, groups))).toEqual(['a', 's']);
    expect(ids(resolveAttendees({ kind: 'members', memberIds: ['a', 'a'] }, 'b1', roster, groups))).toEqual(['a']);
    expect(ids(resolveAttendees({ kind: 'committee' }, 'b1', roster, groups))).toEqual(['c', 's']);
    expect(ids(resolveAttendees({ kind: 'hospital' }, null, roster, groups))).toEqual(['a', 'c', 's', 'x']);
  });

  test('refuses members and groups of another branch, and an empty list', () => {
    expect(() => resolveAttendees({ kind: 'members', memberIds: ['x'] }, 'b1', roster, groups)).toThrow('该党员不在此支部');
    expect(() => resolveAttendees({ kind: 'groups', groupIds: ['g9'] }, 'b1', roster, groups)).toThrow('党小组不属于该支部');
    expect(() => resolveAttendees({ kind: 'committee' }, 'b1', roster.filter((r) => r.role === 'member'), groups)).toThrow('支部委员');
  });
});
