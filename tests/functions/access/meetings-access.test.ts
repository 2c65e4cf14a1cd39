import { meetingsFunction } from '../../../cloudfunctions/meetings/src/handler';
import { meetingsInput } from '../../../src/domain/api/meetings';
import { requestId } from '../harness';
import { accessMatrix, everyoneBound, officersOfA, row, type AccessRow } from './matrix';
import { BRANCH_A, type Scene } from './scene';

/**
 * Branch A's meeting for the whole branch, scheduled by A's secretary to start in ten minutes (check-in
 * is open). Those who may not see it get NOT_FOUND (ids cannot be probed); those who see it but may not
 * manage it get FORBIDDEN.
 */
const MIN = 60_000;
const meetingOf = new WeakMap<Scene, { meetingId: string; token: string }>();
const id = (s: Scene) => meetingOf.get(s)!.meetingId;

async function withMeeting(s: Scene): Promise<void> {
  const m = await s.world.ok(meetingsFunction, s.openid.secretaryA, 'schedule', {
    requestId: requestId(),
    branchId: BRANCH_A,
    type: 'theme_day',
    topic: '主题党日',
    startAt: s.world.clock.now() + 10 * MIN,
    durationMin: 60,
    place: '示教室',
    attendees: { kind: 'branch' },
  });
  const code = await s.world.ok(meetingsFunction, s.openid.secretaryA, 'checkinCode', { meetingId: m.meetingId });
  meetingOf.set(s, { meetingId: m.meetingId, token: code.token });
}
const withLeave = async (s: Scene) => {
  await withMeeting(s);
  await s.world.ok(meetingsFunction, s.openid.memberA1, 'reply', { meetingId: id(s), answer: 'leave', reason: 'night_shift' });
};
const withMinutes = async (s: Scene) => {
  await withMeeting(s);
  await s.world.ok(meetingsFunction, s.openid.secretaryA, 'saveMinutes', { meetingId: id(s), recorderName: '记录人', content: '会议内容' });
  s.world.clock.advance(80 * MIN);
};
const withPublished = async (s: Scene) => {
  await withMinutes(s);
  await s.world.ok(meetingsFunction, s.openid.secretaryA, 'publishMinutes', { meetingId: id(s) });
};

const hiddenFromB = { memberB: 'NOT_FOUND', secretaryB: 'NOT_FOUND' } as const;
const managersOfA = row({ ...officersOfA, ...hiddenFromB });
const attendeesOfA = { memberA1: 'ok', memberA2: 'ok', secretaryA: 'ok', committeeA: 'ok' } as const;

const MEETINGS: Record<string, AccessRow> = {
  cadence: { input: () => ({}), expect: row(everyoneBound) },
  setCadence: { input: () => ({ table: { theme_day: 'monthly' } }), expect: row({ admin: 'ok' }) },
  overview: { input: () => ({ branchId: BRANCH_A }), expect: row(officersOfA) },
  attendeeOptions: { input: () => ({ branchId: BRANCH_A }), expect: row(officersOfA) },
  schedule: {
    input: (s) => ({ requestId: requestId(), branchId: BRANCH_A, type: 'group', topic: '党小组会', startAt: s.world.clock.now() + 24 * 60 * MIN, durationMin: 60, place: '会议室', attendees: { kind: 'branch' } }),
    expect: row(officersOfA),
  },
  update: { input: (s) => ({ meetingId: id(s), topic: '改过的主题' }), expect: managersOfA, prepare: withMeeting },
  cancel: { input: (s) => ({ meetingId: id(s), reason: '改期' }), expect: managersOfA, prepare: withMeeting, fresh: true },
  mine: { input: () => ({}), expect: row(everyoneBound) },
  list: { input: () => ({ branchId: BRANCH_A }), expect: row({ memberA1: 'ok', memberA2: 'ok', ...officersOfA }), prepare: withMeeting },
  get: { input: (s) => ({ meetingId: id(s) }), expect: row({ memberA1: 'ok', memberA2: 'ok', ...officersOfA, ...hiddenFromB }), prepare: withMeeting },
  reply: { input: (s) => ({ meetingId: id(s), answer: 'attend' }), expect: row({ ...attendeesOfA, ...hiddenFromB }), prepare: withMeeting },
  decideLeave: { input: (s) => ({ meetingId: id(s), memberId: s.member.memberA1._id, approve: true }), expect: managersOfA, prepare: withLeave },
  receipts: { input: (s) => ({ meetingId: id(s) }), expect: managersOfA, prepare: withMeeting },
  checkinCode: { input: (s) => ({ meetingId: id(s) }), expect: managersOfA, prepare: withMeeting },
  checkin: { input: (s) => ({ token: meetingOf.get(s)!.token }), expect: row(attendeesOfA), prepare: withMeeting },
  manualCheckin: { input: (s) => ({ meetingId: id(s), memberId: s.member.memberA2._id }), expect: managersOfA, prepare: withMeeting, fresh: true },
  saveMinutes: { input: (s) => ({ meetingId: id(s), recorderName: '记录人', content: '内容' }), expect: managersOfA, prepare: withMeeting },
  publishMinutes: { input: (s) => ({ meetingId: id(s) }), expect: managersOfA, prepare: withMinutes },
  makeupDone: { input: (s) => ({ meetingId: id(s) }), expect: row({ ...attendeesOfA, ...hiddenFromB }), prepare: withPublished },
  ledger: { input: () => ({ branchId: BRANCH_A, year: 2026 }), expect: row(officersOfA) },
  exportLedger: { input: () => ({ branchId: BRANCH_A, year: 2026 }), expect: row(officersOfA) },
  matrix: { input: () => ({ year: 2026 }), expect: row({ admin: 'ok' }) },
  remindBranch: { input: () => ({ branchId: BRANCH_A }), expect: row({ admin: 'ok' }) },
};

accessMatrix('meetings', meetingsFunction, Object.keys(meetingsInput), MEETINGS);
