import * as v from 'valibot';
import { MEETING_LIMITS as L } from '../meeting/limits';
import {
  CADENCES,
  LEAVE_REASONS,
  MATERIAL_KINDS,
  MEETING_TYPES,
  type AttendanceCounts,
  type AttendanceOutcome,
  type Cadence,
  type CadenceTable,
  type CheckinMethod,
  type DueState,
  type LeaveReason,
  type LeaveStatus,
  type MaterialKind,
  type MeetingAnswer,
  type MeetingAttendees,
  type MeetingGuest,
  type MeetingStatus,
  type MeetingType,
  type MinutesStatus,
} from '../meeting/types';
import { id, payload, requestId } from './common';

/**
 * The `meetings` function: 三会一课 and 主题党日 — cadence, what is due, scheduling, leave, rotating
 * QR / 6-digit check-in, minutes, make-up study, the 台账 and the committee's matrix.
 *
 * Visibility: a meeting is visible to its attendees, to the branch's officers (secretary, 支委) and to
 * committee admins; published minutes are visible to the whole branch. `branchId` is optional where a
 * member or officer acts on their own branch; committee admins must name it.
 */

const fileId = v.pipe(v.string('文件无效，请重新上传'), v.regex(/^(cloud:\/\/[\w.\-/]{1,300}|f_[a-z0-9]{8,40})$/, '文件无效，请重新上传'));
const epochMs = v.pipe(v.number('时间格式不正确'), v.integer('时间格式不正确'), v.minValue(0, '时间格式不正确'));
const text = (label: string, max: number, required: boolean) =>
  required
    ? v.pipe(v.string(`请填写${label}`), v.trim(), v.minLength(1, `请填写${label}`), v.maxLength(max, `${label}不能超过 ${max} 个字`))
    : v.pipe(v.string(`${label}格式不正确`), v.trim(), v.maxLength(max, `${label}不能超过 ${max} 个字`));
const idList = (label: string, max: number) =>
  v.pipe(v.array(id, `请选择${label}`), v.minLength(1, `请至少选择一个${label}`), v.maxLength(max, `最多选择 ${max} 个${label}`));

export const meetingTypeSchema = v.picklist(MEETING_TYPES, '请选择会议类型');
const cadenceSchema = v.picklist(CADENCES, '会议频次不正确');
/** `YYYY-MM`, Asia/Shanghai. */
const month = v.pipe(v.string('月份格式不正确'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不正确'));
const year = v.pipe(v.number('年份不正确'), v.integer('年份不正确'), v.minValue(2000, '年份不正确'), v.maxValue(2100, '年份不正确'));

export const attendeesSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('branch') }),
    v.strictObject({ kind: v.literal('groups'), groupIds: idList('党小组', L.groupsMax) }),
    v.strictObject({ kind: v.literal('members'), memberIds: idList('参会党员', L.attendeeMembersMax) }),
    v.strictObject({ kind: v.literal('committee') }),
    v.strictObject({ kind: v.literal('hospital') }),
  ],
  '请选择参会人员',
);

const guests = v.pipe(
  v.array(v.strictObject({ name: text('列席人员姓名', L.guestNameMax, true), title: v.optional(text('列席人员职务', L.guestTitleMax, false), '') }), '列席人员格式不正确'),
  v.maxLength(L.guestsMax, `列席人员最多 ${L.guestsMax} 位`),
);
const agenda = v.pipe(v.array(text('议程', L.agendaItemMax, true), '议程格式不正确'), v.maxLength(L.agendaItemsMax, `议程最多 ${L.agendaItemsMax} 项`));
const materials = v.pipe(
  v.array(v.strictObject({ fileId, name: text('材料名称', L.materialNameMax, true), kind: v.picklist(MATERIAL_KINDS, '材料类型仅支持图片或 PDF') }), '会议材料格式不正确'),
  v.maxLength(L.materialsMax, `会议材料最多 ${L.materialsMax} 个`),
);
const durationMin = v.pipe(
  v.number('请填写会议时长'),
  v.integer('会议时长须为整数分钟'),
  v.minValue(L.durationMinMin, `会议时长不能少于 ${L.durationMinMin} 分钟`),
  v.maxValue(L.durationMinMax, `会议时长不能超过 ${L.durationMinMax / 60} 小时`),
);
const onlineLink = v.pipe(v.string('线上会议链接格式不正确'), v.trim(), v.maxLength(L.onlineLinkMax, '线上会议链接过长'), v.regex(/^(|https?:\/\/\S+)$/, '线上会议链接须以 http:// 或 https:// 开头'));
const photos = v.pipe(v.array(v.strictObject({ fileId }), '照片格式不正确'), v.maxLength(L.minutesPhotosMax, `照片最多 ${L.minutesPhotosMax} 张`));

/** The editable fields of a meeting (schedule takes all, update any subset). Place or online link: at least one. */
const meetingFields = {
  type: meetingTypeSchema,
  topic: text('会议主题', L.topicMax, true),
  startAt: epochMs,
  durationMin,
  place: v.optional(text('会议地点', L.placeMax, false), ''),
  onlineLink: v.optional(onlineLink, ''),
  attendees: attendeesSchema,
  agenda: v.optional(agenda, []),
  materials: v.optional(materials, []),
  guests: v.optional(guests, []),
};

export const meetingsInput = {
  /** The hospital's cadence per meeting type (anyone bound may read it). */
  cadence: payload({}),
  /** Committee admin: set the cadence; types left out keep their current value. */
  setCadence: payload({ table: v.pipe(v.record(meetingTypeSchema, cadenceSchema, '会议频次格式不正确')) }),
  /** A branch's month / quarter / year: per type held / due / overdue (officers of the branch, committee). */
  overview: payload({ branchId: v.optional(id), month: v.optional(month) }),
  /** Members, party groups and the branch committee, for the schedule form's attendee picker (officers). */
  attendeeOptions: payload({ branchId: v.optional(id) }),
  /**
   * Secretary or 支委 of the branch. The same requestId returns the meeting it created. Committee admins
   * name `branchId`, or schedule a hospital-wide meeting with attendees `{kind:'hospital'}` and no branchId.
   * A hospital-wide meeting counts for every branch's cadence and ledger (with that branch's attendees).
   */
  schedule: payload({ requestId, branchId: v.optional(id), ...meetingFields }),
  /** Before the meeting ends; attendees changed → rows added / marked removed (answers of those kept stay). */
  update: payload({
    meetingId: id,
    type: v.optional(meetingFields.type),
    topic: v.optional(meetingFields.topic),
    startAt: v.optional(epochMs),
    durationMin: v.optional(durationMin),
    place: v.optional(meetingFields.place),
    onlineLink: v.optional(meetingFields.onlineLink),
    attendees: v.optional(attendeesSchema),
    agenda: v.optional(agenda),
    materials: v.optional(materials),
    guests: v.optional(guests),
  }),
  cancel: payload({ meetingId: id, reason: v.optional(text('取消原因', L.cancelReasonMax, false), '') }),
  /** The caller's own: next meeting, upcoming ones, make-ups due (home page and 支部). */
  mine: payload({}),
  /** A branch's meetings in a year, newest first (officers of the branch, committee; members see those they attend). */
  list: payload({ branchId: v.optional(id), year: v.optional(year), before: v.optional(v.nullable(epochMs), null) }),
  /** One meeting; an attendee's first open records the read receipt (seenAt). */
  get: payload({ meetingId: id }),
  /** 参加 / 请假 (with a reason). Answering 参加 withdraws a pending leave; allowed until the meeting ends. */
  reply: payload({
    meetingId: id,
    answer: v.picklist(['attend', 'leave'], '请选择参加或请假'),
    reason: v.optional(v.nullable(v.picklist(LEAVE_REASONS, '请选择请假原因')), null),
    note: v.optional(text('请假说明', L.leaveNoteMax, false), ''),
  }),
  /** Secretary / 支委: approve or decline a pending leave in one tap. */
  decideLeave: payload({ meetingId: id, memberId: id, approve: v.boolean('请选择同意或不同意') }),
  /** Read receipts and answers of the meeting notice, per attendee (officers). */
  receipts: payload({ meetingId: id }),
  /** Officers: the current QR token + 6-digit code, within the window (30 min before start until the end). */
  checkinCode: payload({ meetingId: id }),
  /**
   * A member checks in: `token` from the QR (it names the meeting), or `meetingId` + the 6-digit `code` (H5).
   * After 10 wrong codes for a meeting, the code path is closed for that member (QR or 手动签到 still work).
   */
  checkin: payload({
    token: v.optional(v.pipe(v.string('签到码无效'), v.maxLength(200, '签到码无效'))),
    meetingId: v.optional(id),
    code: v.optional(v.pipe(v.string('请输入 6 位签到码'), v.trim(), v.regex(/^\d{6}$/, '请输入 6 位签到码'))),
  }),
  /** Officers: 手动签到 (recorded with who did it); `undo` removes a manual check-in made by mistake. */
  manualCheckin: payload({ meetingId: id, memberId: id, undo: v.optional(v.boolean(), false) }),
  /** Save the minutes (draft, or an edit of published minutes that keeps the previous version). Officers. */
  saveMinutes: payload({
    meetingId: id,
    recorderName: text('记录人', L.recorderNameMax, true),
    content: text('会议内容', L.minutesContentMax, true),
    resolutions: v.optional(text('会议决议', L.minutesResolutionsMax, false), ''),
    photos: v.optional(photos, []),
  }),
  /** Publish the saved minutes to the attendees; those absent or on leave get a make-up task. Once the meeting has started. */
  publishMinutes: payload({ meetingId: id }),
  /** 已学习: the caller completes their make-up of a meeting they missed. */
  makeupDone: payload({ meetingId: id }),
  /** 台账: every meeting of a branch in a year with attendance (officers of the branch, committee). */
  ledger: payload({ branchId: v.optional(id), year }),
  /** The ledger as xlsx, a sheet per meeting type. */
  exportLedger: payload({ branchId: v.optional(id), year }),
  /** Committee: branches × months of the year, the required meetings held / due / overdue. */
  matrix: payload({ year }),
  /** Committee: remind a branch's secretary of what is due / overdue this month (cooldown 1 h). */
  remindBranch: payload({ branchId: id }),
} as const;

export type MeetingsAction = keyof typeof meetingsInput;
export type MeetingsInput<A extends MeetingsAction> = v.InferInput<(typeof meetingsInput)[A]>;
/** What a handler receives after parsing (defaults filled in). */
export type MeetingsParsed<A extends MeetingsAction> = v.InferOutput<(typeof meetingsInput)[A]>;

export interface CadenceView {
  table: CadenceTable;
  /** True when the committee has not set its own (the defaults apply). */
  isDefault: boolean;
  updatedAt: number | null;
}

/** One type's state in a period. */
export interface DueCell {
  type: MeetingType;
  cadence: Cadence;
  /** `2026-11`, `2026-Q4` or `2026`. */
  period: string;
  /** 11月, 第四季度, 2026年. */
  periodLabel: string;
  state: DueState;
  /** Meetings of the type held (started, not cancelled) in the period. */
  held: number;
  /** Scheduled, not yet started, in the period. */
  scheduled: number;
  /** The next scheduled one in the period, if any. */
  nextAt: number | null;
}

export interface BranchOverview {
  branchId: string;
  branchName: string;
  month: string;
  /** One cell per meeting type, for the period its cadence requires (not_required types too). */
  cells: DueCell[];
  /** Number of cells due + overdue: the secretary's “本月待开” badge. */
  dueCount: number;
  overdueCount: number;
}

export interface MeetingMaterialView {
  fileId: string;
  name: string;
  kind: MaterialKind;
  /** Temporary URL; null when the file is missing. */
  url: string | null;
}

/** A line in a list. */
export interface MeetingCard {
  meetingId: string;
  /** Null for a hospital-wide meeting (branchName is then the committee's name). */
  branchId: string | null;
  branchName: string;
  type: MeetingType;
  typeLabel: string;
  topic: string;
  startAt: number;
  endAt: number;
  place: string;
  onlineLink: string;
  status: MeetingStatus;
  minutesStatus: MinutesStatus;
  counts: AttendanceCounts;
  /** The caller's own attendance, when invited. */
  my: MyAttendance | null;
}

export interface MyAttendance {
  answer: MeetingAnswer;
  leaveReason: LeaveReason | null;
  leaveStatus: LeaveStatus;
  checkinAt: number | null;
  checkinMethod: CheckinMethod | null;
  late: boolean;
  outcome: AttendanceOutcome;
  /** True once minutes are published and the member was absent or on leave and has not confirmed 已学习. */
  makeupDue: boolean;
  makeupAt: number | null;
}

export interface AttendeeView {
  memberId: string;
  name: string;
  partyGroupId: string | null;
  seenAt: number | null;
  answer: MeetingAnswer;
  answeredAt: number | null;
  leaveReason: LeaveReason | null;
  leaveNote: string;
  leaveStatus: LeaveStatus;
  checkinAt: number | null;
  checkinMethod: CheckinMethod | null;
  checkinByName: string | null;
  late: boolean;
  outcome: AttendanceOutcome;
  makeupAt: number | null;
}

export interface MinutesView {
  recorderName: string;
  content: string;
  resolutions: string;
  photos: Array<{ fileId: string; url: string | null }>;
  status: 'draft' | 'published';
  publishedAt: number | null;
  version: number;
  updatedAt: number;
  /** Filled automatically from the attendance rows: 应到 / 实到 / 请假 / 缺席 with names. */
  attendance: { counts: AttendanceCounts; present: string[]; late: string[]; leave: string[]; absent: string[]; madeUp: string[] };
  /** Earlier published versions, newest first (only officers and committee receive them; members get []). */
  history: Array<{ version: number; recorderName: string; content: string; resolutions: string; editedByName: string; replacedAt: number }>;
}

export interface MeetingDetail extends MeetingCard {
  durationMin: number;
  attendees: MeetingAttendees;
  /** e.g. 全体党员 / 第一党小组、第二党小组 / 指定 8 人 / 支部委员会. */
  attendeesLabel: string;
  agenda: string[];
  materials: MeetingMaterialView[];
  guests: MeetingGuest[];
  organizerName: string;
  cancelReason: string | null;
  /** Check-in window: 30 minutes before the start until the end. */
  checkinOpensAt: number;
  checkinClosesAt: number;
  /** The caller may edit, cancel, see receipts, show the code, check in by hand, write minutes. */
  canManage: boolean;
  /** Null when not visible to the caller (draft minutes for members, or none yet). */
  minutes: MinutesView | null;
  /** Officers only (null for members): every attendee with receipts and attendance. */
  roster: AttendeeView[] | null;
}

export interface CheckinCodeView {
  meetingId: string;
  /** Encode this string in the QR code; members' scan sends it back as `token`. */
  token: string;
  /** The 6-digit code for H5, rotating with the token. */
  code: string;
  /** Seconds until the next rotation (the client refreshes then). */
  secondsLeft: number;
  windowMs: number;
  expected: number;
  checkedIn: number;
}

export interface CheckinResult {
  meetingId: string;
  topic: string;
  checkinAt: number;
  method: CheckinMethod;
  late: boolean;
}

export interface MakeupItem {
  meetingId: string;
  type: MeetingType;
  typeLabel: string;
  topic: string;
  startAt: number;
  /** Why the member makes it up. */
  outcome: 'leave' | 'absent';
}

export interface LedgerRow {
  meetingId: string;
  type: MeetingType;
  typeLabel: string;
  topic: string;
  startAt: number;
  place: string;
  organizerName: string;
  counts: AttendanceCounts;
  present: string[];
  leave: string[];
  absent: string[];
  madeUp: string[];
  minutesStatus: MinutesStatus;
  recorderName: string | null;
  /** Plain text of the published minutes (empty when none). */
  minutesContent: string;
  resolutions: string;
}

export interface LedgerView {
  branchId: string;
  branchName: string;
  year: number;
  /** Held meetings (started, not cancelled), oldest first. */
  rows: LedgerRow[];
  /** Per type: how many held, and what the cadence required in the year so far. */
  summary: Array<{ type: MeetingType; typeLabel: string; held: number; required: number }>;
}

export interface MatrixCell {
  month: string;
  /** Worst state over the required types whose period ends in or covers this month (overdue > due > held). */
  state: DueState;
  held: number;
  due: number;
  overdue: number;
}

export interface MatrixView {
  year: number;
  months: string[];
  branches: Array<{ branchId: string; branchName: string; secretaryName: string | null; cells: MatrixCell[]; overdue: number; due: number; remindAvailableAt: number | null }>;
}

export interface AttendeeOptions {
  branchId: string;
  members: Array<{ memberId: string; name: string; partyGroupId: string | null; role: string }>;
  groups: Array<{ groupId: string; name: string; memberCount: number }>;
  /** The branch committee (secretary + 支委): the attendees of a 支委会. */
  committee: string[];
}

export interface MeetingsOutput {
  cadence: CadenceView;
  setCadence: CadenceView;
  overview: BranchOverview;
  attendeeOptions: AttendeeOptions;
  schedule: MeetingDetail;
  update: MeetingDetail;
  cancel: MeetingDetail;
  mine: { next: MeetingCard | null; upcoming: MeetingCard[]; makeups: MakeupItem[]; pendingLeave: number };
  list: { items: MeetingCard[]; next: number | null };
  get: MeetingDetail;
  reply: MeetingDetail;
  decideLeave: AttendeeView;
  receipts: { meetingId: string; attendees: AttendeeView[]; counts: AttendanceCounts; seen: number; answered: number };
  checkinCode: CheckinCodeView;
  checkin: CheckinResult;
  manualCheckin: AttendeeView;
  saveMinutes: MinutesView;
  publishMinutes: MinutesView;
  makeupDone: { meetingId: string; makeupAt: number };
  ledger: LedgerView;
  exportLedger: { fileName: string; base64: string };
  matrix: MatrixView;
  remindBranch: { branchId: string; secretaryName: string | null; sent: boolean; wechat: boolean; remindAvailableAt: number };
}
