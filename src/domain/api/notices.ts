import * as v from 'valibot';
import type { NoticeAudience, NoticeStatus, ReminderBatch } from '../notice/types';
import { NOTICE_LIMITS } from '../notice/limits';
import { id, payload, requestId } from './common';
import type { BranchReach, ReachReportView } from './reach';

/** The `notices` function: publish, read receipts, tracking, reminders. */

const title = v.pipe(
  v.string('请填写标题'),
  v.trim(),
  v.minLength(1, '请填写标题'),
  v.maxLength(NOTICE_LIMITS.titleMax, `标题不能超过 ${NOTICE_LIMITS.titleMax} 个字`),
);
const body = v.pipe(
  v.string('请填写正文'),
  v.trim(),
  v.minLength(1, '请填写正文'),
  v.maxLength(NOTICE_LIMITS.bodyMax, `正文不能超过 ${NOTICE_LIMITS.bodyMax} 个字`),
);
const fileId = v.pipe(v.string(), v.regex(/^(cloud:\/\/[\w.\-/]{1,300}|f_[a-z0-9]{8,40})$/, '图片无效，请重新上传'));
const images = v.pipe(
  v.array(v.strictObject({ fileId }), '图片格式不正确'),
  v.maxLength(NOTICE_LIMITS.imagesMax, `最多 ${NOTICE_LIMITS.imagesMax} 张图片`),
);
const idList = (label: string, max: number) =>
  v.pipe(v.array(id, `请选择${label}`), v.minLength(1, `请至少选择一个${label}`), v.maxLength(max, `最多选择 ${max} 个${label}`));

export const audienceSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('branch'), branchId: id }),
    v.strictObject({ kind: v.literal('groups'), branchId: id, groupIds: idList('党小组', 20) }),
    v.strictObject({ kind: v.literal('members'), branchId: id, memberIds: idList('党员', NOTICE_LIMITS.audienceMembersMax) }),
    v.strictObject({ kind: v.literal('branches'), branchIds: idList('支部', NOTICE_LIMITS.audienceBranchesMax) }),
    v.strictObject({ kind: v.literal('all') }),
  ],
  '请选择通知对象',
);

const epochMs = v.pipe(v.number('时间格式不正确'), v.integer('时间格式不正确'), v.minValue(0, '时间格式不正确'));

export const noticesInput = {
  inbox: payload({}),
  open: payload({ noticeId: id }),
  ack: payload({ noticeId: id }),
  publish: payload({
    title,
    body,
    images: v.optional(images, []),
    audience: audienceSchema,
    requireAck: v.optional(v.boolean(), false),
    /** 紧急: reminders may use SMS and are not held back by quiet hours. */
    urgent: v.optional(v.boolean(), false),
    deadline: v.optional(v.nullable(epochMs), null),
    /** Null or absent: publish now. */
    publishAt: v.optional(v.nullable(epochMs), null),
    /** The same id again returns the notice it published (a double tap or retry publishes once). */
    requestId,
  }),
  update: payload({ noticeId: id, title, body, images: v.optional(images, []) }),
  withdraw: payload({ noticeId: id }),
  sent: payload({ after: v.optional(v.nullable(epochMs)) }),
  track: payload({ noticeId: id }),
  rollup: payload({ noticeId: id }),
  remind: payload({ noticeId: id }),
  reachReport: payload({ noticeId: id }),
  excuse: payload({
    noticeId: id,
    memberId: id,
    excused: v.boolean(),
    reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(NOTICE_LIMITS.excuseReasonMax, `原因不能超过 ${NOTICE_LIMITS.excuseReasonMax} 个字`))),
  }),
  export: payload({ noticeId: id }),
  /** The member accepted a one-time subscribe message (weapp): one WeChat reminder may be sent. */
  subscribe: payload({ accepted: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)) }),
} as const;

export type NoticesAction = keyof typeof noticesInput;
export type NoticesInput<A extends NoticesAction> = v.InferInput<(typeof noticesInput)[A]>;

/** One line in a member's notices list. */
/** A member's notices list: their latest 100, unread first. */
export interface InboxView {
  items: InboxItem[];
  unreadCount: number;
}

export interface InboxItem {
  noticeId: string;
  title: string;
  /** First ~80 characters of the body, as plain text. */
  excerpt: string;
  authorName: string;
  publishedAt: number;
  requireAck: boolean;
  deadline: number | null;
  read: boolean;
  acked: boolean;
  corrected: boolean;
  withdrawn: boolean;
  reminded: boolean;
  scope: 'branch' | 'committee';
}

export interface NoticeDetail {
  noticeId: string;
  title: string;
  /** Plain text: clients render it as text, never as HTML. */
  body: string;
  images: Array<{ fileId: string; url: string }>;
  authorName: string;
  publishedAt: number;
  requireAck: boolean;
  deadline: number | null;
  correctedAt: number | null;
  withdrawn: boolean;
  readAt: number | null;
  ackAt: number | null;
  /** True when the caller may open the tracking view. */
  canTrack: boolean;
}

export interface SentItem {
  noticeId: string;
  title: string;
  status: NoticeStatus;
  publishAt: number;
  publishedAt: number | null;
  authorName: string;
  audienceLabel: string;
  recipientCount: number;
  /** Recipients who have not bound WeChat yet (outside the rate): 已读 x / (recipientCount − unboundCount). */
  unboundCount: number;
  readCount: number;
  ackCount: number;
  requireAck: boolean;
  /** 紧急: reminders may use SMS and skip quiet hours. */
  urgent: boolean;
}

export interface TrackedMember {
  memberId: string;
  name: string;
  readAt: number | null;
  ackAt: number | null;
  excused: boolean;
  excuseReason: string | null;
  remindCount: number;
}

export interface TrackingView {
  notice: SentItem & { body: string; images: Array<{ fileId: string; url: string }>; deadline: number | null; correctedAt: number | null; audience: NoticeAudience; editMode: 'free' | 'correction' | 'locked' };
  counts: { recipients: number; read: number; unread: number; acknowledged: number; excused: number; unbound: number; ratePercent: number };
  /** Grouped by party group (members with none under “未分组”), each with unread first; unbound members are not here. */
  groups: Array<{ groupId: string | null; groupName: string; members: TrackedMember[] }>;
  /** Recipients who never bound WeChat (cannot open the app): outside the rate and reminders, until they bind. */
  unbound: TrackedMember[];
  /** The branch whose invites page the secretary can share from (null for hospital-wide notices). */
  inviteBranchId: string | null;
  reminders: ReminderBatch[];
  /** When the next reminder may be sent; null = now. */
  remindAvailableAt: number | null;
  isCommitteeNotice: boolean;
  /** True when a configured channel (WeCom; SMS for 紧急) can remind members who never bound WeChat. */
  unboundReachable: boolean;
}

export interface RollupView {
  noticeId: string;
  title: string;
  /** `reach`: the latest reminder's reach in that branch (null when never reminded). */
  branches: Array<{ branchId: string; branchName: string; recipients: number; read: number; acknowledged: number; excused: number; unbound: number; ratePercent: number; reach: BranchReach | null }>;
  total: { recipients: number; read: number; acknowledged: number; excused: number; unbound: number; ratePercent: number; reach: BranchReach | null };
}

export interface NoticesOutput {
  inbox: InboxView;
  open: NoticeDetail;
  ack: NoticeDetail;
  publish: SentItem;
  update: SentItem & { mode: 'edited' | 'corrected' };
  withdraw: SentItem;
  sent: { items: SentItem[]; next: number | null };
  track: TrackingView;
  rollup: RollupView;
  remind: ReminderBatch;
  reachReport: ReachReportView | null;
  excuse: TrackedMember;
  export: { fileName: string; base64: string };
  subscribe: { credits: number };
}
