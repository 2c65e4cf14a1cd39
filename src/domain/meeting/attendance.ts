import { MEETING_LIMITS } from './limits';
import type { Attendance, AttendanceCounts, AttendanceOutcome, Meeting } from './types';

/**
 * Attendance rules. 实到 = checked in (late arrivals included); 请假 = approved leave without a
 * check-in; 缺席 = neither, once the meeting has ended (a pending or declined leave is 缺席).
 * Before the end, someone not yet checked in is `pending`.
 */

type MeetingTimes = Pick<Meeting, 'startAt' | 'endAt'>;
type Row = Pick<Attendance, 'checkinAt' | 'late' | 'leaveStatus' | 'makeupAt' | 'removed'>;

export function outcomeOf(row: Row, meeting: MeetingTimes, now: number): AttendanceOutcome {
  if (row.checkinAt !== null) return row.late ? 'late' : 'present';
  if (row.leaveStatus === 'approved') return 'leave';
  return now < meeting.endAt ? 'pending' : 'absent';
}

export function countAttendance(rows: Row[], meeting: MeetingTimes, now: number): AttendanceCounts {
  const counts: AttendanceCounts = { expected: 0, present: 0, late: 0, leave: 0, absent: 0, madeUp: 0 };
  for (const row of rows) {
    if (row.removed) continue;
    counts.expected++;
    const outcome = outcomeOf(row, meeting, now);
    if (outcome === 'present' || outcome === 'late') counts.present++;
    if (outcome === 'late') counts.late++;
    if (outcome === 'leave') counts.leave++;
    if (outcome === 'absent') counts.absent++;
    if (row.makeupAt !== null) counts.madeUp++;
  }
  return counts;
}

/** A check-in after the start plus the grace period is late. */
export const isLate = (meeting: Pick<Meeting, 'startAt'>, at: number): boolean => at > meeting.startAt + MEETING_LIMITS.lateAfterMs;

/** Check-in is open from 30 minutes before the start until the end. */
export const checkinWindow = (meeting: MeetingTimes): { opensAt: number; closesAt: number } => ({
  opensAt: meeting.startAt - MEETING_LIMITS.checkinOpensBeforeMs,
  closesAt: meeting.endAt,
});

export function checkinOpen(meeting: MeetingTimes, now: number): boolean {
  const w = checkinWindow(meeting);
  return now >= w.opensAt && now < w.closesAt;
}

/** A make-up (补学) is owed once minutes are published by whoever was absent or on leave. */
export const owesMakeup = (row: Row, meeting: MeetingTimes & { minutesStatus: string }, now: number): boolean => {
  if (row.removed || meeting.minutesStatus !== 'published' || row.makeupAt !== null) return false;
  const outcome = outcomeOf(row, meeting, now);
  return outcome === 'absent' || outcome === 'leave';
};

/** May the member still answer 参加 / 请假? Until the meeting ends, and not once checked in. */
export const canReply = (row: Row, meeting: MeetingTimes, now: number): boolean => now < meeting.endAt && row.checkinAt === null;
