/** Notice documents as stored. Recipients are frozen into one receipt per member at publish time. */

export type NoticeAudience =
  | { kind: 'branch'; branchId: string }
  | { kind: 'groups'; branchId: string; groupIds: string[] }
  | { kind: 'members'; branchId: string; memberIds: string[] }
  | { kind: 'branches'; branchIds: string[] }
  | { kind: 'all' };

export type NoticeStatus = 'scheduled' | 'published' | 'withdrawn';

export type NoticeImage = {
  /** CloudBase fileID (cloud://…) or the local host's file id. */
  fileId: string;
};

export type Notice = {
  _id: string;
  /** Branch notices belong to a branch; committee notices (branches / all) have branchId null. */
  branchId: string | null;
  authorId: string;
  authorName: string;
  title: string;
  body: string;
  images: NoticeImage[];
  audience: NoticeAudience;
  requireAck: boolean;
  /** 紧急: reminders may use SMS and skip quiet hours (absent on notices published before issue 11). */
  urgent?: boolean;
  /** Epoch ms by which members should read / acknowledge; null = none. */
  deadline: number | null;
  status: NoticeStatus;
  publishAt: number;
  publishedAt: number | null;
  withdrawnAt: number | null;
  /** Set when edited after someone had read it: members see “已更正”. */
  correctedAt: number | null;
  recipientCount: number;
  readCount: number;
  ackCount: number;
  lastRemindAt: number | null;
  createdAt: number;
  updatedAt: number;
};

export type Receipt = {
  /** `${noticeId}:${memberId}`: the unique key that makes fan-out and reads idempotent. */
  _id: string;
  noticeId: string;
  memberId: string;
  /** Frozen at publish time so the roster reads the same after moves and renames. */
  memberName: string;
  branchId: string | null;
  partyGroupId: string | null;
  publishedAt: number;
  readAt: number | null;
  ackAt: number | null;
  excused: boolean;
  excuseReason: string | null;
  remindCount: number;
  remindedAt: number | null;
};

export type ReminderBatch = {
  _id: string;
  noticeId: string;
  by: string;
  byName: string;
  at: number;
  /** `unread` or `unacknowledged`. */
  target: 'unread' | 'unacknowledged';
  total: number;
  wechat: number;
  inAppOnly: number;
  /** Recipients left out because they never bound WeChat (absent on batches written before this was counted). */
  unbound?: number;
  /** Reached by WeCom / SMS in round 1 (issue 11; absent on older batches). */
  wecom?: number;
  sms?: number;
  /** Set when quiet hours held round 1 back until then (nothing sent yet). */
  deferredUntil?: number | null;
  /** When the second round goes to those still unread; null when none. */
  secondRoundAt?: number | null;
};

/** Subscribe-message credit per member: one WeChat message per consent (one-time subscription). */
export type SubscriptionCredit = {
  _id: string;
  memberId: string;
  templateKey: 'notice_reminder';
  credits: number;
  updatedAt: number;
};

export const receiptId = (noticeId: string, memberId: string): string => `${noticeId}:${memberId}`;
