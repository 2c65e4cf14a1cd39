import { canManageMeeting, canSeeBranchRecords, canSeeMeeting, canSeeMinutes } from '../../../src/domain/meeting/policies';
import { attendanceId, type Attendance, type Meeting } from '../../../src/domain/meeting/types';
import { isCommitteeAdmin } from '../../../src/domain/org/policies';
import type { Actor } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { authorise } from '../../_runtime/actor';
import { attendance, getMeeting } from './store';

export interface MeetingAccess {
  meeting: Meeting;
  /** The caller's own row, when invited (and not removed by an edit). */
  row: Attendance | null;
  manage: boolean;
  minutes: boolean;
}

/**
 * A meeting as the caller may see it. Someone who may not see it gets NOT_FOUND (not FORBIDDEN), so
 * meeting ids cannot be probed.
 */
export async function accessMeeting(ctx: FunctionContext, actor: Actor, meetingId: string): Promise<MeetingAccess> {
  const meeting = await getMeeting(ctx, meetingId);
  const own = await attendance(ctx).get(attendanceId(meeting._id, actor.memberId));
  const row = own && !own.removed ? own : null;
  const manage = canManageMeeting(actor, meeting);
  const minutes = canSeeMinutes(actor, meeting, row !== null);
  if (!canSeeMeeting(actor, meeting, row !== null) && !(minutes && meeting.minutesStatus === 'published')) throw new AppError('NOT_FOUND', '会议不存在或已删除');
  return { meeting, row, manage, minutes };
}

/** For officer actions: the meeting's branch officers or the committee. */
export async function managedMeeting(ctx: FunctionContext, actor: Actor, meetingId: string): Promise<Meeting> {
  const access = await accessMeeting(ctx, actor, meetingId);
  authorise(access.manage);
  return access.meeting;
}

/** The branch an officer means: absent = their own; committee admins must name one. */
export function branchFor(actor: Actor, branchId: string | undefined): string {
  const id = branchId ?? (isCommitteeAdmin(actor) ? null : actor.branchId);
  if (!id) throw new AppError('BAD_REQUEST', '请选择支部', { path: 'branchId' });
  return id;
}

export function requireBranchRecords(actor: Actor, branchId: string | undefined): string {
  const id = branchFor(actor, branchId);
  authorise(canSeeBranchRecords(actor, id));
  return id;
}

export const notCancelled = (meeting: Meeting): void => {
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消');
};
