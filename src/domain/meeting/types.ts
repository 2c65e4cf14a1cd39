/**
 * 三会一课 and 主题党日: meeting documents as stored, shared by the functions and the client.
 * Times are epoch ms; calendar periods (month, quarter, year) are Asia/Shanghai (see period.ts).
 */

/** The meeting types a branch must hold, in the order the ledger and the forms list them. */
export const MEETING_TYPES = ['branch_committee', 'group', 'general_assembly', 'party_lesson', 'theme_day', 'org_life', 'democratic_review'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  branch_committee: '支部委员会',
  group: '党小组会',
  general_assembly: '支部党员大会',
  party_lesson: '党课',
  theme_day: '主题党日',
  org_life: '组织生活会',
  democratic_review: '民主评议党员',
};

/** How often a meeting type must be held; `none` = not required (may still be held). */
export const CADENCES = ['monthly', 'quarterly', 'yearly', 'none'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABELS: Record<Cadence, string> = { monthly: '每月', quarterly: '每季度', yearly: '每年', none: '不要求' };

export type CadenceTable = Record<MeetingType, Cadence>;

/** Common practice, used until the committee sets its own. */
export const DEFAULT_CADENCE: CadenceTable = {
  branch_committee: 'monthly',
  group: 'monthly',
  general_assembly: 'quarterly',
  party_lesson: 'quarterly',
  theme_day: 'monthly',
  org_life: 'yearly',
  democratic_review: 'yearly',
};

/** The hospital's cadence: one document in `settings`, `_id` 'meetingCadence'. */
export type CadenceSetting = {
  _id: 'meetingCadence';
  table: CadenceTable;
  updatedBy: string | null;
  updatedAt: number;
};

/**
 * Who is invited. `committee` = the branch committee (secretary + 支委), the attendees of a 支委会.
 * Resolved into one attendance row per member when scheduled (and re-resolved on edit).
 */
export type MeetingAttendees =
  | { kind: 'branch' }
  | { kind: 'groups'; groupIds: string[] }
  | { kind: 'members'; memberIds: string[] }
  | { kind: 'committee' }
  /** Every active member of the hospital (a hospital-wide 党课); committee admins only, the meeting has no branch. */
  | { kind: 'hospital' };

/** A guest who attends without voting (列席): free text, not necessarily a member. */
export type MeetingGuest = {
  name: string;
  /** e.g. 院党委组织部. */
  title: string;
};

export const MATERIAL_KINDS = ['image', 'pdf'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export type MeetingMaterial = {
  /** CloudBase fileID or the local host's file id (the existing file store). */
  fileId: string;
  name: string;
  kind: MaterialKind;
};

export type MeetingStatus = 'scheduled' | 'cancelled';

export type Meeting = {
  _id: string;
  /** Null for a hospital-wide meeting scheduled by the committee (attendees `hospital`). */
  branchId: string | null;
  type: MeetingType;
  topic: string;
  startAt: number;
  durationMin: number;
  /** endAt = startAt + durationMin minutes, stored for range queries. */
  endAt: number;
  place: string;
  onlineLink: string;
  attendees: MeetingAttendees;
  agenda: string[];
  materials: MeetingMaterial[];
  guests: MeetingGuest[];
  status: MeetingStatus;
  cancelReason: string | null;
  organizerId: string;
  organizerName: string;
  /** Frozen counts, kept in step with the attendance rows. */
  expected: number;
  checkedIn: number;
  minutesStatus: MinutesStatus;
  createdAt: number;
  updatedAt: number;
};

export type MinutesStatus = 'none' | 'draft' | 'published';

/** The member's answer to the meeting notice. */
export type MeetingAnswer = 'none' | 'attend' | 'leave';

export const LEAVE_REASONS = ['duty', 'surgery', 'night_shift', 'sick', 'business_trip', 'other'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
export const LEAVE_REASON_LABELS: Record<LeaveReason, string> = {
  duty: '值班',
  surgery: '手术',
  night_shift: '夜班',
  sick: '病假',
  business_trip: '出差',
  other: '其他',
};

export type LeaveStatus = 'none' | 'pending' | 'approved' | 'declined';

export type CheckinMethod = 'qr' | 'code' | 'manual';
export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = { qr: '扫码签到', code: '签到码签到', manual: '手动签到' };

/** Final attendance of one attendee, derived (attendance.ts) once the meeting is over. */
export type AttendanceOutcome = 'present' | 'late' | 'leave' | 'absent' | 'pending';
export const ATTENDANCE_LABELS: Record<AttendanceOutcome, string> = { present: '出席', late: '迟到', leave: '请假', absent: '缺席', pending: '未开始' };

/** One attendee of one meeting: `_id` `${meetingId}:${memberId}` so resolving twice writes once. */
export type Attendance = {
  _id: string;
  meetingId: string;
  branchId: string;
  memberId: string;
  /** Frozen at scheduling so the ledger reads the same after moves and renames. */
  memberName: string;
  partyGroupId: string | null;
  /** When the member first opened the meeting notice (read receipt). */
  seenAt: number | null;
  answer: MeetingAnswer;
  answeredAt: number | null;
  leaveReason: LeaveReason | null;
  leaveNote: string;
  leaveStatus: LeaveStatus;
  leaveDecidedBy: string | null;
  leaveDecidedAt: number | null;
  checkinAt: number | null;
  checkinMethod: CheckinMethod | null;
  /** For 手动签到: who checked the member in. */
  checkinBy: string | null;
  checkinByName: string | null;
  late: boolean;
  /** 补学: set when the member confirmed 已学习 of the minutes and materials. */
  makeupAt: number | null;
  /** Removed from the meeting by an edit of its attendees: kept for history, excluded everywhere. */
  removed: boolean;
  /** Denormalised from the meeting (kept in step on edit) so a member's meetings are one index range. */
  startAt: number;
  endAt: number;
  cancelled: boolean;
  /** In-app mark of the last reminder (scheduler or notice). */
  remindedAt: number | null;
  remindCount: number;
  /** Wrong 6-digit codes typed for this meeting: after MEETING_LIMITS.codeFailuresMax the code path is closed (QR or manual only). */
  codeFailures?: number;
};

export const attendanceId = (meetingId: string, memberId: string): string => `${meetingId}:${memberId}`;

/** 会议记录. One per meeting, `_id` = meetingId. */
export type Minutes = {
  _id: string;
  meetingId: string;
  branchId: string;
  recorderId: string;
  recorderName: string;
  content: string;
  resolutions: string;
  photos: Array<{ fileId: string }>;
  status: 'draft' | 'published';
  publishedAt: number | null;
  /** Bumped on every save; the history keeps each published version before an edit. */
  version: number;
  updatedBy: string;
  updatedAt: number;
};

/** A version of published minutes replaced by a later edit: `_id` `${meetingId}:v${version}`. */
export type MinutesRevision = {
  _id: string;
  meetingId: string;
  version: number;
  recorderName: string;
  content: string;
  resolutions: string;
  photos: Array<{ fileId: string }>;
  editedBy: string;
  editedByName: string;
  /** When this version was replaced. */
  replacedAt: number;
};

/** Attendance counts as the ledger and the minutes show them. */
export type AttendanceCounts = {
  /** 应到 */
  expected: number;
  /** 实到 (late arrivals included) */
  present: number;
  late: number;
  /** 请假 (approved leave) */
  leave: number;
  /** 缺席 */
  absent: number;
  /** 补学 completed */
  madeUp: number;
};

/** A period's requirement state for one meeting type in one branch. */
export type DueState = 'held' | 'due' | 'overdue' | 'not_required';
export const DUE_STATE_LABELS: Record<DueState, string> = { held: '已开', due: '待开', overdue: '逾期', not_required: '不要求' };
