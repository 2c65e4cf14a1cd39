import { meetingsFunction } from '../../cloudfunctions/meetings/src/handler';
import type { MeetingDetail } from '../../src/domain/api/meetings';
import type { Member } from '../../src/domain/org/types';
import { openidOf, requestId, type FunctionWorld } from './harness';

export const HOUR = 3600_000;
export const MIN = 60_000;

/** Who is who in a demo branch: the secretary, the 支委, bound members (sorted by employee number). */
export async function meetingCast(world: FunctionWorld, branchId = 'b_demo01') {
  const members = (await world.storage.collection<Member>('members').findAll({ branchId, status: 'active' })).sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  const secretary = members.find((m) => m.role === 'secretary')!;
  const committee = members.find((m) => m.role === 'branch_committee')!;
  const bound = members.filter((m) => m.role === 'member' && m.openid !== null);
  return { secretary, committee, members: bound, all: members, as: (m: Member) => openidOf(m._id) };
}

export const meetingDraft = (world: FunctionWorld, over: Record<string, unknown> = {}) => ({
  requestId: requestId(),
  type: 'theme_day',
  topic: '学习二十届四中全会精神主题党日',
  startAt: world.clock.now() + 2 * 24 * HOUR,
  durationMin: 90,
  place: '门诊楼 5 楼示教室',
  attendees: { kind: 'branch' },
  agenda: ['集中学习', '交流发言'],
  ...over,
});

export const scheduleAs = (world: FunctionWorld, openid: string, over: Record<string, unknown> = {}): Promise<MeetingDetail> =>
  world.ok<MeetingDetail>(meetingsFunction, openid, 'schedule', meetingDraft(world, over));

export const countDocs = async (world: FunctionWorld) => ({
  meetings: await world.storage.collection('meetings').count({ status: { $in: ['scheduled', 'cancelled'] } }),
  rows: await world.storage.collection('meetingAttendance').count({ removed: { $in: [true, false] } }),
});
