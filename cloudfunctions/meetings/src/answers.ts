import type { MeetingsOutput, MeetingsParsed } from '../../../src/domain/api/meetings';
import { canReply, countAttendance, owesMakeup } from '../../../src/domain/meeting/attendance';
import { MEETING_LIMITS as L } from '../../../src/domain/meeting/limits';
import { yearBounds, shanghaiDate } from '../../../src/domain/meeting/period';
import { canSeeBranchRecords } from '../../../src/domain/meeting/policies';
import { attendanceId, MEETING_TYPE_LABELS, type Attendance, type Meeting } from '../../../src/domain/meeting/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import type { Filter } from '../../_runtime/storage/port';
import { accessMeeting, branchFor, managedMeeting, notCancelled } from './access';
import { attendance, branchName, meetings, rowsOf, rowsOfMany } from './store';
import { attendeeView, detailFor, toCard } from './views';

/** One meeting; the first open by an attendee records the read receipt. */
export async function get(input: MeetingsParsed<'get'>, ctx: FunctionContext): Promise<MeetingsOutput['get']> {
  const { actor } = await requireActor(ctx);
  const access = await accessMeeting(ctx, actor, input.meetingId);
  let row = access.row;
  if (row && row.seenAt === null) {
    const now = ctx.now();
    // Conditional: two tabs opening at once record the first time only.
    await attendance(ctx).update({ _id: row._id, seenAt: null }, { $set: { seenAt: now } });
    row = { ...row, seenAt: now };
  }
  return detailFor(ctx, access.meeting, { ...access, row });
}

/**
 * The caller's meetings: next, upcoming (not cancelled, not over) and make-ups due. The home call
 * (org `home`) shows only the next meeting and make-ups, so it skips the officers' pending-leave count.
 */
export async function mine(_input: MeetingsParsed<'mine'>, ctx: FunctionContext, options: { pendingLeave?: boolean } = {}): Promise<MeetingsOutput['mine']> {
  const { actor } = await requireActor(ctx);
  const now = ctx.now();
  // A year back covers every make-up still owed; ahead, everything scheduled.
  const rows = (await attendance(ctx).find({ memberId: actor.memberId, startAt: { $gte: now - 366 * 24 * 3600_000 } }, { orderBy: [['startAt', 'asc']], limit: 1000 })).filter(
    (r) => !r.removed && !r.cancelled,
  );
  // Only meetings still ahead, or missed without a make-up, can show here: attended ones need no meeting read.
  const ids = rows.filter((r) => r.endAt > now || (r.checkinAt === null && r.makeupAt === null)).map((r) => r.meetingId);
  const list: Meeting[] = [];
  for (let i = 0; i < ids.length; i += 100) list.push(...(await meetings(ctx).find({ _id: { $in: ids.slice(i, i + 100) } }, { limit: 1000 })));
  const byId = new Map(list.map((m) => [m._id, m]));
  const rowOf = new Map(rows.map((r) => [r.meetingId, r]));
  const upcomingMeetings = rows.filter((r) => r.endAt > now).map((r) => byId.get(r.meetingId)).filter((m): m is Meeting => !!m && m.status === 'scheduled');
  const all = await rowsOfMany(ctx, upcomingMeetings.map((m) => m._id));
  const names = new Map<string | null, string>();
  for (const m of upcomingMeetings) if (!names.has(m.branchId)) names.set(m.branchId, await branchName(ctx, m.branchId));
  const upcoming = upcomingMeetings.map((m) => toCard(m, all.get(m._id) ?? [], rowOf.get(m._id)!, { branch: names.get(m.branchId)! }, now));
  const makeups = rows
    .map((r) => ({ r, m: byId.get(r.meetingId) }))
    .filter((x): x is { r: Attendance; m: Meeting } => !!x.m && owesMakeup(x.r, x.m, now))
    .map(({ r, m }) => ({ meetingId: m._id, type: m.type, typeLabel: MEETING_TYPE_LABELS[m.type], topic: m.topic, startAt: m.startAt, outcome: (r.leaveStatus === 'approved' ? 'leave' : 'absent') as 'leave' | 'absent' }))
    .reverse();
  let pendingLeave = 0;
  if (options.pendingLeave !== false && actor.branchId && (actor.role === 'secretary' || actor.role === 'branch_committee')) {
    pendingLeave = await attendance(ctx).count({ branchId: actor.branchId, startAt: { $gte: now - 24 * 3600_000 }, leaveStatus: 'pending', removed: false, cancelled: false });
  }
  return { next: upcoming[0] ?? null, upcoming, makeups, pendingLeave };
}

/**
 * A branch's meetings in a year, newest first, paged by `before` (a startAt). Officers and the
 * committee see all (hospital-wide ones included); a member sees those they attend and those with
 * published minutes.
 */
export async function list(input: MeetingsParsed<'list'>, ctx: FunctionContext): Promise<MeetingsOutput['list']> {
  const { actor } = await requireActor(ctx);
  const branchId = branchFor(actor, input.branchId);
  const officer = canSeeBranchRecords(actor, branchId);
  if (!officer && actor.branchId !== branchId) throw new AppError('FORBIDDEN');
  const now = ctx.now();
  const year = input.year ?? shanghaiDate(now).year;
  const { start, end } = yearBounds(year);
  const upper = input.before !== null && input.before !== undefined ? Math.min(input.before, end) : end;
  const range: Filter = { startAt: { $gte: start, $lt: upper } };
  const page = 50;
  const [own, hospital] = await Promise.all([
    meetings(ctx).find({ branchId, ...range }, { orderBy: [['startAt', 'desc']], limit: page + 1 }),
    meetings(ctx).find({ branchId: null, ...range }, { orderBy: [['startAt', 'desc']], limit: page + 1 }),
  ]);
  let items = [...own, ...hospital].sort((a, b) => b.startAt - a.startAt || (a._id < b._id ? 1 : -1));
  const rows = await rowsOfMany(ctx, items.map((m) => m._id));
  if (!officer) items = items.filter((m) => (rows.get(m._id) ?? []).some((r) => r.memberId === actor.memberId && !r.removed) || (m.minutesStatus === 'published' && m.branchId !== null));
  const more = items.length > page;
  items = items.slice(0, page);
  const name = await branchName(ctx, branchId);
  const hospitalName = await branchName(ctx, null);
  return {
    items: items.map((m) => {
      const mine = (rows.get(m._id) ?? []).find((r) => r.memberId === actor.memberId) ?? null;
      // A hospital-wide meeting counts this branch's attendees only.
      const ofBranch = (rows.get(m._id) ?? []).filter((r) => m.branchId !== null || r.branchId === branchId);
      return toCard(m, ofBranch, mine, { branch: m.branchId === null ? hospitalName : name }, now);
    }),
    next: more && items.length ? items[items.length - 1].startAt : null,
  };
}

/** 参加 / 请假. */
export async function reply(input: MeetingsParsed<'reply'>, ctx: FunctionContext): Promise<MeetingsOutput['reply']> {
  const { actor } = await requireActor(ctx);
  const access = await accessMeeting(ctx, actor, input.meetingId);
  const row = access.row;
  if (!row) throw new AppError('FORBIDDEN', '你不在本次会议的参会名单中');
  notCancelled(access.meeting);
  const now = ctx.now();
  if (!canReply(row, access.meeting, now)) throw new AppError('CONFLICT', row.checkinAt !== null ? '你已签到，无需再回复' : '会议已结束，不能再回复');
  if (input.answer === 'leave' && !input.reason) throw new AppError('BAD_REQUEST', '请选择请假原因', { path: 'reason' });
  if (input.answer === 'leave' && input.reason === 'other' && !input.note) throw new AppError('BAD_REQUEST', '请填写请假说明', { path: 'note' });
  const set =
    input.answer === 'leave'
      ? { answer: 'leave', answeredAt: now, leaveReason: input.reason!, leaveNote: input.note.slice(0, L.leaveNoteMax), leaveStatus: 'pending', leaveDecidedBy: null, leaveDecidedAt: null }
      : { answer: 'attend', answeredAt: now, leaveReason: null, leaveNote: '', leaveStatus: 'none', leaveDecidedBy: null, leaveDecidedAt: null };
  await attendance(ctx).update({ _id: row._id, checkinAt: null }, { $set: { ...set, seenAt: row.seenAt ?? now } });
  const fresh = await attendance(ctx).get(row._id);
  return detailFor(ctx, access.meeting, { ...access, row: fresh });
}

/** The secretary approves or declines a leave in one tap. */
export async function decideLeave(input: MeetingsParsed<'decideLeave'>, ctx: FunctionContext): Promise<MeetingsOutput['decideLeave']> {
  const { actor } = await requireActor(ctx);
  const meeting = await managedMeeting(ctx, actor, input.meetingId);
  notCancelled(meeting);
  const row = await attendance(ctx).get(attendanceId(meeting._id, input.memberId));
  if (!row || row.removed) throw new AppError('NOT_FOUND', '该党员不在本次会议的参会名单中');
  if (row.answer !== 'leave') throw new AppError('CONFLICT', '该党员没有请假');
  const status = input.approve ? 'approved' : 'declined';
  if (row.leaveStatus !== status) {
    await attendance(ctx).update({ _id: row._id, answer: 'leave' }, { $set: { leaveStatus: status, leaveDecidedBy: actor.memberId, leaveDecidedAt: ctx.now() } });
  }
  return attendeeView((await attendance(ctx).get(row._id))!, meeting, ctx.now());
}

/** Who has seen the meeting notice and what they answered. */
export async function receipts(input: MeetingsParsed<'receipts'>, ctx: FunctionContext): Promise<MeetingsOutput['receipts']> {
  const { actor } = await requireActor(ctx);
  const meeting = await managedMeeting(ctx, actor, input.meetingId);
  const now = ctx.now();
  const rows = (await rowsOf(ctx, meeting._id)).filter((r) => !r.removed).sort((a, b) => a.memberName.localeCompare(b.memberName, 'zh'));
  return {
    meetingId: meeting._id,
    attendees: rows.map((r) => attendeeView(r, meeting, now)),
    counts: countAttendance(rows, meeting, now),
    seen: rows.filter((r) => r.seenAt !== null).length,
    answered: rows.filter((r) => r.answer !== 'none').length,
  };
}
