import type { AttendeeView, MeetingCard, MeetingDetail, MinutesView, MyAttendance } from '../../../src/domain/api/meetings';
import { checkinWindow, countAttendance, outcomeOf, owesMakeup } from '../../../src/domain/meeting/attendance';
import { attendeesLabel } from '../../../src/domain/meeting/attendees';
import { MEETING_TYPE_LABELS, type Attendance, type Meeting, type Minutes, type MinutesRevision } from '../../../src/domain/meeting/types';
import type { PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { branchName, minutesHistory, minutesOf, rowsOf } from './store';

const live = (rows: Attendance[]) => rows.filter((r) => !r.removed);

export function myAttendance(row: Attendance, meeting: Meeting, now: number): MyAttendance {
  return {
    answer: row.answer,
    leaveReason: row.leaveReason,
    leaveStatus: row.leaveStatus,
    checkinAt: row.checkinAt,
    checkinMethod: row.checkinMethod,
    late: row.late,
    outcome: outcomeOf(row, meeting, now),
    makeupDue: owesMakeup(row, meeting, now),
    makeupAt: row.makeupAt,
  };
}

export function attendeeView(row: Attendance, meeting: Meeting, now: number): AttendeeView {
  return {
    memberId: row.memberId,
    name: row.memberName,
    partyGroupId: row.partyGroupId,
    seenAt: row.seenAt,
    answer: row.answer,
    answeredAt: row.answeredAt,
    leaveReason: row.leaveReason,
    leaveNote: row.leaveNote,
    leaveStatus: row.leaveStatus,
    checkinAt: row.checkinAt,
    checkinMethod: row.checkinMethod,
    checkinByName: row.checkinByName,
    late: row.late,
    outcome: outcomeOf(row, meeting, now),
    makeupAt: row.makeupAt,
  };
}

export function toCard(meeting: Meeting, rows: Attendance[], own: Attendance | null, names: { branch: string }, now: number): MeetingCard {
  return {
    meetingId: meeting._id,
    branchId: meeting.branchId,
    branchName: names.branch,
    type: meeting.type,
    typeLabel: MEETING_TYPE_LABELS[meeting.type],
    topic: meeting.topic,
    startAt: meeting.startAt,
    endAt: meeting.endAt,
    place: meeting.place,
    onlineLink: meeting.onlineLink,
    status: meeting.status,
    minutesStatus: meeting.minutesStatus,
    counts: countAttendance(rows, meeting, now),
    my: own && !own.removed ? myAttendance(own, meeting, now) : null,
  };
}

/** Attendance names for the minutes, filled from the rows. */
export function minutesAttendance(rows: Attendance[], meeting: Meeting, now: number): MinutesView['attendance'] {
  const ofOutcome = (...outcomes: string[]) => live(rows).filter((r) => outcomes.includes(outcomeOf(r, meeting, now))).map((r) => r.memberName);
  return {
    counts: countAttendance(rows, meeting, now),
    present: ofOutcome('present', 'late'),
    late: ofOutcome('late'),
    leave: ofOutcome('leave'),
    absent: ofOutcome('absent'),
    madeUp: live(rows).filter((r) => r.makeupAt !== null).map((r) => r.memberName),
  };
}

export async function minutesView(ctx: FunctionContext, minutes: Minutes, meeting: Meeting, rows: Attendance[], withHistory: boolean): Promise<MinutesView> {
  const urls = minutes.photos.length ? await ctx.files.urls(minutes.photos.map((p) => p.fileId)) : [];
  const history: MinutesRevision[] = withHistory ? await minutesHistory(ctx).find({ meetingId: meeting._id }, { orderBy: [['version', 'desc']], limit: 100 }) : [];
  return {
    recorderName: minutes.recorderName,
    content: minutes.content,
    resolutions: minutes.resolutions,
    photos: minutes.photos.map((p, i) => ({ fileId: p.fileId, url: urls[i] ?? null })),
    status: minutes.status,
    publishedAt: minutes.publishedAt,
    version: minutes.version,
    updatedAt: minutes.updatedAt,
    attendance: minutesAttendance(rows, meeting, ctx.now()),
    history: history.map((h) => ({ version: h.version, recorderName: h.recorderName, content: h.content, resolutions: h.resolutions, editedByName: h.editedByName, replacedAt: h.replacedAt })),
  };
}

/**
 * The whole meeting for one caller: managers get the roster and draft minutes; attendees their own
 * row; branch members only published minutes.
 */
export async function detailFor(
  ctx: FunctionContext,
  meeting: Meeting,
  access: { row: Attendance | null; manage: boolean; minutes: boolean },
  loaded?: Attendance[],
): Promise<MeetingDetail> {
  const now = ctx.now();
  const rows = loaded ?? (await rowsOf(ctx, meeting._id));
  const alive = live(rows);
  const [name, groups, urls, minutes] = await Promise.all([
    branchName(ctx, meeting.branchId),
    meeting.attendees.kind === 'groups'
      ? ctx.storage.collection<PartyGroup>('partyGroups').find({ _id: { $in: meeting.attendees.groupIds } }, { limit: 100 })
      : Promise.resolve([] as PartyGroup[]),
    meeting.materials.length ? ctx.files.urls(meeting.materials.map((m) => m.fileId)) : Promise.resolve([] as Array<string | null>),
    meeting.minutesStatus === 'none' ? Promise.resolve(null) : minutesOf(ctx).get(meeting._id),
  ]);
  const window = checkinWindow(meeting);
  const showMinutes = minutes && (access.manage || (access.minutes && minutes.status === 'published'));
  return {
    ...toCard(meeting, rows, access.row, { branch: name }, now),
    durationMin: meeting.durationMin,
    attendees: meeting.attendees,
    attendeesLabel: attendeesLabel(meeting.attendees, alive.length, groups.map((g) => g.name)),
    agenda: meeting.agenda,
    materials: meeting.materials.map((m, i) => ({ ...m, url: urls[i] ?? null })),
    guests: meeting.guests,
    organizerName: meeting.organizerName,
    cancelReason: meeting.cancelReason,
    checkinOpensAt: window.opensAt,
    checkinClosesAt: window.closesAt,
    canManage: access.manage,
    minutes: showMinutes ? await minutesView(ctx, minutes, meeting, rows, access.manage) : null,
    roster: access.manage ? alive.map((r) => attendeeView(r, meeting, now)) : null,
  };
}
