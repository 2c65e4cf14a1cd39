import { isCommitteeAdmin, isOfficerOf } from '../org/policies';
import type { Actor } from '../org/types';
import type { MeetingAttendees } from './types';

/**
 * Who may do what with meetings. Officers (secretary, 支委) run their own branch's meetings; the
 * committee sees all and runs hospital-wide ones; a member sees the meetings they are invited to
 * and the published minutes of their branch.
 */
export const canScheduleIn = (a: Actor, branchId: string | null, attendees: MeetingAttendees): boolean =>
  attendees.kind === 'hospital' ? branchId === null && isCommitteeAdmin(a) : branchId !== null && (isCommitteeAdmin(a) || isOfficerOf(a, branchId));

/** Edit, cancel, receipts, check-in code, manual check-in, leave decisions, minutes. */
export const canManageMeeting = (a: Actor, meeting: { branchId: string | null }): boolean =>
  isCommitteeAdmin(a) || (meeting.branchId !== null && isOfficerOf(a, meeting.branchId));

/** Seeing the meeting itself: its attendees, its managers. */
export const canSeeMeeting = (a: Actor, meeting: { branchId: string | null }, isAttendee: boolean): boolean => isAttendee || canManageMeeting(a, meeting);

/** Published minutes: the whole branch (a hospital-wide meeting's: every attendee), and the committee. */
export const canSeeMinutes = (a: Actor, meeting: { branchId: string | null }, isAttendee: boolean): boolean =>
  canSeeMeeting(a, meeting, isAttendee) || (meeting.branchId !== null && a.branchId === meeting.branchId);

/** Ledger and overview of a branch: its officers and the committee. */
export const canSeeBranchRecords = (a: Actor, branchId: string): boolean => isCommitteeAdmin(a) || isOfficerOf(a, branchId);

export const canSetCadence = (a: Actor): boolean => isCommitteeAdmin(a);
export const canSeeMatrix = (a: Actor): boolean => isCommitteeAdmin(a);
