import type { MeetingsOutput, MeetingsParsed } from '../../../src/domain/api/meetings';
import { resolveAttendees } from '../../../src/domain/meeting/attendees';
import { MEETING_LIMITS as L } from '../../../src/domain/meeting/limits';
import { formatShanghaiDateTime } from '../../../src/domain/meeting/period';
import { canScheduleIn } from '../../../src/domain/meeting/policies';
import { attendanceId, MEETING_TYPE_LABELS, type Attendance, type Meeting, type MeetingAttendees } from '../../../src/domain/meeting/types';
import { isCommitteeAdmin } from '../../../src/domain/org/policies';
import type { Member, PartyGroup } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { createOnce, idForRequest } from '../../_runtime/idempotency';
import { branchFor, managedMeeting, notCancelled } from './access';
import { meetingPage, notifyMembers } from './notify';
import { attendance, getActiveBranch, getMeeting, meetings, rowsOf } from './store';
import { detailFor } from './views';

const MINUTE = 60_000;

/** Time, place and files: the checks valibot cannot make alone. Throws before anything is written. */
async function checkFields(ctx: FunctionContext, f: { startAt: number; place: string; onlineLink: string; materials: Array<{ fileId: string }> }, isNew: boolean): Promise<void> {
  const now = ctx.now();
  if (isNew && f.startAt < now) throw new AppError('BAD_REQUEST', '开始时间不能早于现在', { path: 'startAt' });
  if (f.startAt > now + L.scheduleMaxDays * 24 * 60 * MINUTE) throw new AppError('BAD_REQUEST', `会议最多提前 ${L.scheduleMaxDays} 天安排`, { path: 'startAt' });
  if (!f.place && !f.onlineLink) throw new AppError('BAD_REQUEST', '请填写会议地点或线上会议链接', { path: 'place' });
  if (f.materials.length) {
    const urls = await ctx.files.urls(f.materials.map((m) => m.fileId));
    if (urls.some((u) => u === null)) throw new AppError('BAD_REQUEST', '会议材料文件不存在，请重新上传', { path: 'materials' });
  }
}

/** A 支委会 is for the branch committee (or chosen members), never the whole branch or the hospital. */
function assertCommitteeAttendees(type: Meeting['type'], attendees: MeetingAttendees): void {
  if (type === 'branch_committee' && attendees.kind !== 'committee' && attendees.kind !== 'members') {
    throw new AppError('BAD_REQUEST', '支委会的参会人员应为支部委员会或指定人员', { path: 'attendees' });
  }
}

async function rosterFor(ctx: FunctionContext, branchId: string | null, attendees: MeetingAttendees): Promise<Member[]> {
  const scope = branchId === null ? { status: 'active' } : { status: 'active', branchId };
  const [members, groups] = await Promise.all([
    ctx.storage.collection<Member>('members').findAll(scope, 1000),
    attendees.kind === 'groups' ? ctx.storage.collection<PartyGroup>('partyGroups').findAll({ status: 'active', branchId: branchId ?? '' }, 1000) : Promise.resolve([]),
  ]);
  return resolveAttendees(attendees, branchId, members, groups);
}

const newRow = (meeting: Meeting, m: Member): Attendance => ({
  _id: attendanceId(meeting._id, m._id),
  meetingId: meeting._id,
  branchId: m.branchId ?? '',
  memberId: m._id,
  memberName: m.name,
  partyGroupId: m.partyGroupId,
  seenAt: null,
  answer: 'none',
  answeredAt: null,
  leaveReason: null,
  leaveNote: '',
  leaveStatus: 'none',
  leaveDecidedBy: null,
  leaveDecidedAt: null,
  checkinAt: null,
  checkinMethod: null,
  checkinBy: null,
  checkinByName: null,
  late: false,
  makeupAt: null,
  removed: false,
  startAt: meeting.startAt,
  endAt: meeting.endAt,
  cancelled: false,
  remindedAt: null,
  remindCount: 0,
});

export async function schedule(input: MeetingsParsed<'schedule'>, ctx: FunctionContext): Promise<MeetingsOutput['schedule']> {
  const { actor, member: organizer } = await requireActor(ctx);
  const hospital = input.attendees.kind === 'hospital';
  if (hospital && input.branchId) throw new AppError('BAD_REQUEST', '全院会议不属于某个支部', { path: 'branchId' });
  const branchId = hospital ? null : branchFor(actor, input.branchId);
  authorise(canScheduleIn(actor, branchId, input.attendees));
  assertCommitteeAttendees(input.type, input.attendees);
  const id = idForRequest('mt', 'meetings.schedule', actor.memberId, input.requestId);
  return createOnce(meetings(ctx), id, {
    replay: async (existing) => detailFor(ctx, existing, { row: await attendance(ctx).get(attendanceId(existing._id, actor.memberId)), manage: true, minutes: true }),
    create: async () => {
      if (branchId) await getActiveBranch(ctx, branchId);
      await checkFields(ctx, input, true);
      const invited = await rosterFor(ctx, branchId, input.attendees);
      const now = ctx.now();
      const meeting: Meeting = {
        _id: id,
        branchId,
        type: input.type,
        topic: input.topic,
        startAt: input.startAt,
        durationMin: input.durationMin,
        endAt: input.startAt + input.durationMin * MINUTE,
        place: input.place,
        onlineLink: input.onlineLink,
        attendees: input.attendees,
        agenda: input.agenda,
        materials: input.materials,
        guests: input.guests.map((g) => ({ name: g.name, title: g.title })),
        status: 'scheduled',
        cancelReason: null,
        organizerId: actor.memberId,
        organizerName: organizer.name,
        expected: invited.length,
        checkedIn: 0,
        minutesStatus: 'none',
        createdAt: now,
        updatedAt: now,
      };
      const rows = invited.map((m) => newRow(meeting, m));
      // The meeting insert decides the race (its id comes from the request); rows are keyed, so a rerun writes each once.
      await meetings(ctx).insert(meeting);
      await ctx.storage.atomically(() => attendance(ctx).insertMany(rows));
      await notifyMembers(ctx, invited.filter((m) => m._id !== actor.memberId).map((m) => m._id), {
        title: `${MEETING_TYPE_LABELS[meeting.type]}：${meeting.topic}`,
        author: organizer.name,
        time: formatShanghaiDateTime(meeting.startAt),
        tip: '请确认参加或请假',
        page: meetingPage(meeting._id),
      });
      const own = rows.find((r) => r.memberId === actor.memberId) ?? null;
      return detailFor(ctx, meeting, { row: own, manage: true, minutes: true }, rows);
    },
  });
}

export async function update(input: MeetingsParsed<'update'>, ctx: FunctionContext): Promise<MeetingsOutput['update']> {
  const { actor } = await requireActor(ctx);
  const meeting = await managedMeeting(ctx, actor, input.meetingId);
  notCancelled(meeting);
  const now = ctx.now();
  if (now >= meeting.endAt) throw new AppError('CONFLICT', '会议已结束，不能修改');
  const next: Meeting = {
    ...meeting,
    type: input.type ?? meeting.type,
    topic: input.topic ?? meeting.topic,
    startAt: input.startAt ?? meeting.startAt,
    durationMin: input.durationMin ?? meeting.durationMin,
    place: input.place ?? meeting.place,
    onlineLink: input.onlineLink ?? meeting.onlineLink,
    attendees: input.attendees ?? meeting.attendees,
    agenda: input.agenda ?? meeting.agenda,
    materials: input.materials ?? meeting.materials,
    guests: input.guests ? input.guests.map((g) => ({ name: g.name, title: g.title })) : meeting.guests,
    updatedAt: now,
  };
  next.endAt = next.startAt + next.durationMin * MINUTE;
  assertCommitteeAttendees(next.type, next.attendees);
  if ((next.attendees.kind === 'hospital') !== (meeting.branchId === null)) throw new AppError('BAD_REQUEST', '不能在支部会议和全院会议之间切换', { path: 'attendees' });
  if (input.startAt !== undefined && input.startAt !== meeting.startAt && meeting.startAt - L.checkinOpensBeforeMs <= now) {
    throw new AppError('CONFLICT', '签到已开始，不能修改会议时间');
  }
  await checkFields(ctx, next, input.startAt !== undefined && input.startAt !== meeting.startAt);
  const rows = await rowsOf(ctx, meeting._id);
  let invited: Member[] | null = null;
  if (input.attendees) invited = await rosterFor(ctx, meeting.branchId, next.attendees);
  // Every check is done: write.
  if (invited) {
    const keep = new Set(invited.map((m) => m._id));
    const have = new Map(rows.map((r) => [r.memberId, r]));
    const added = invited.filter((m) => !have.has(m._id)).map((m) => newRow(next, m));
    const restored = rows.filter((r) => r.removed && keep.has(r.memberId)).map((r) => r._id);
    // Someone already checked in stays on the list: attendance is a fact, not a plan.
    const dropped = rows.filter((r) => !r.removed && !keep.has(r.memberId) && r.checkinAt === null).map((r) => r._id);
    if (added.length) await attendance(ctx).insertMany(added);
    if (restored.length) await attendance(ctx).update({ _id: { $in: restored } }, { $set: { removed: false } });
    if (dropped.length) await attendance(ctx).update({ _id: { $in: dropped } }, { $set: { removed: true } });
  }
  if (next.startAt !== meeting.startAt || next.endAt !== meeting.endAt) {
    await attendance(ctx).update({ meetingId: meeting._id }, { $set: { startAt: next.startAt, endAt: next.endAt } });
  }
  const fresh = await rowsOf(ctx, meeting._id);
  next.expected = fresh.filter((r) => !r.removed).length;
  const { _id, ...fields } = next;
  await meetings(ctx).updateById(_id, { $set: fields });
  const own = fresh.find((r) => r.memberId === actor.memberId && !r.removed) ?? null;
  return detailFor(ctx, next, { row: own, manage: true, minutes: true }, fresh);
}

export async function cancel(input: MeetingsParsed<'cancel'>, ctx: FunctionContext): Promise<MeetingsOutput['cancel']> {
  const { actor, member } = await requireActor(ctx);
  const meeting = await managedMeeting(ctx, actor, input.meetingId);
  const rows = await rowsOf(ctx, meeting._id);
  const own = rows.find((r) => r.memberId === actor.memberId && !r.removed) ?? null;
  // Cancelling twice answers with the cancelled meeting (a double tap is not an error).
  if (meeting.status === 'cancelled') return detailFor(ctx, meeting, { row: own, manage: true, minutes: true }, rows);
  const now = ctx.now();
  if (now >= meeting.startAt) throw new AppError('CONFLICT', '会议已开始，不能取消');
  const claimed = await meetings(ctx).update({ _id: meeting._id, status: 'scheduled' }, { $set: { status: 'cancelled', cancelReason: input.reason || null, updatedAt: now } });
  await attendance(ctx).update({ meetingId: meeting._id }, { $set: { cancelled: true } });
  const cancelled = await getMeeting(ctx, meeting._id);
  if (claimed === 1) {
    await notifyMembers(ctx, rows.filter((r) => !r.removed && r.memberId !== actor.memberId).map((r) => r.memberId), {
      title: `会议已取消：${meeting.topic}`,
      author: member.name,
      time: formatShanghaiDateTime(meeting.startAt),
      tip: input.reason || '会议已取消',
      page: meetingPage(meeting._id),
    });
  }
  return detailFor(ctx, cancelled, { row: own, manage: true, minutes: true });
}

export async function attendeeOptions(input: MeetingsParsed<'attendeeOptions'>, ctx: FunctionContext): Promise<MeetingsOutput['attendeeOptions']> {
  const { actor } = await requireActor(ctx);
  const branchId = branchFor(actor, input.branchId);
  authorise(isCommitteeAdmin(actor) || ((actor.role === 'secretary' || actor.role === 'branch_committee') && actor.branchId === branchId));
  const [members, groups] = await Promise.all([
    ctx.storage.collection<Member>('members').findAll({ branchId, status: 'active' }, 1000),
    ctx.storage.collection<PartyGroup>('partyGroups').findAll({ branchId, status: 'active' }, 1000),
  ]);
  members.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  return {
    branchId,
    members: members.map((m) => ({ memberId: m._id, name: m.name, partyGroupId: m.partyGroupId, role: m.role })),
    groups: groups.map((g) => ({ groupId: g._id, name: g.name, memberCount: members.filter((m) => m.partyGroupId === g._id).length })),
    committee: members.filter((m) => m.role === 'secretary' || m.role === 'branch_committee').map((m) => m._id),
  };
}
