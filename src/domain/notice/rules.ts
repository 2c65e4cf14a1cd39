import { AppError } from '../shared/errors';
import { NOTICE_LIMITS } from './limits';
import type { Notice, Receipt } from './types';

const DAY = 24 * 60 * 60 * 1000;
const NO_ONE: ReadonlySet<string> = new Set();

/** A scheduled time must be a little ahead of now and within the planning horizon. */
export function assertPublishAt(publishAt: number, now: number): void {
  if (publishAt < now + NOTICE_LIMITS.scheduleMinLeadMs) throw new AppError('BAD_REQUEST', '定时发布时间须晚于当前时间至少 1 分钟');
  if (publishAt > now + NOTICE_LIMITS.scheduleMaxDays * DAY) throw new AppError('BAD_REQUEST', `定时发布最多提前 ${NOTICE_LIMITS.scheduleMaxDays} 天`);
}

export function assertDeadline(deadline: number | null, publishAt: number): void {
  if (deadline !== null && deadline <= publishAt) throw new AppError('BAD_REQUEST', '截止时间须晚于发布时间');
}

/**
 * Editing: free while nobody has read it (or it is still scheduled); afterwards only a correction,
 * which members see marked “已更正”; a withdrawn notice is locked.
 */
export function editMode(notice: Pick<Notice, 'status' | 'readCount'>): 'free' | 'correction' | 'locked' {
  if (notice.status === 'withdrawn') return 'locked';
  if (notice.status === 'scheduled' || notice.readCount === 0) return 'free';
  return 'correction';
}

/** Who a reminder goes to: not excused and not yet read (or, when acknowledgement is required, not acknowledged). */
export function remindTarget(notice: Pick<Notice, 'requireAck'>): 'unread' | 'unacknowledged' {
  return notice.requireAck ? 'unacknowledged' : 'unread';
}

/**
 * Members on the roster who never bound WeChat cannot open the app: they are never reminded (nothing
 * could reach them) and leave the rate, shown apart as 未绑定. Their receipts stay, so once they bind
 * the notice is in their inbox and they count again.
 */
export function needsReminder(notice: Pick<Notice, 'requireAck'>, r: Receipt, unbound: ReadonlySet<string> = NO_ONE): boolean {
  if (r.excused || unbound.has(r.memberId)) return false;
  return notice.requireAck ? r.ackAt === null : r.readAt === null;
}

/** Null when a reminder may go now, otherwise the earliest time. */
export function remindAvailableAt(notice: Pick<Notice, 'lastRemindAt'>, now: number): number | null {
  if (notice.lastRemindAt === null) return null;
  const next = notice.lastRemindAt + NOTICE_LIMITS.remindCooldownMs;
  return next > now ? next : null;
}

export type ReadCounts = { recipients: number; read: number; unread: number; acknowledged: number; excused: number; unbound: number; ratePercent: number };

/**
 * Rate over the members expected to read: excused members and members who never bound WeChat are out
 * of both sides (an excused member who is also unbound counts as excused, the secretary's decision).
 */
export function readRate(receipts: Receipt[], unbound: ReadonlySet<string> = NO_ONE): ReadCounts {
  const excused = receipts.filter((r) => r.excused).length;
  const notBound = receipts.filter((r) => !r.excused && unbound.has(r.memberId)).length;
  const counted = receipts.filter((r) => !r.excused && !unbound.has(r.memberId));
  const read = counted.filter((r) => r.readAt !== null).length;
  const acknowledged = counted.filter((r) => r.ackAt !== null).length;
  return {
    recipients: receipts.length,
    read,
    unread: counted.length - read,
    acknowledged,
    excused,
    unbound: notBound,
    ratePercent: counted.length === 0 ? 100 : Math.round((read / counted.length) * 1000) / 10,
  };
}

/** How many are expected to read: the denominator of 已读 x / y. */
export const expectedReaders = (c: Pick<ReadCounts, 'recipients' | 'excused' | 'unbound'>): number => c.recipients - c.excused - c.unbound;

/**
 * How an excused member's state reads: the reason already names the kind (请假, 夜班, 请假：…), so it
 * is shown as it is, never “请假：请假”; a free-text reason is shown as 免读：….
 */
export function excuseLabel(reason: string | null): string {
  const text = (reason ?? '').trim();
  if (!text) return '请假';
  return /^(请假|夜班|休假|出差|病假|事假)/.test(text) ? text : `免读：${text}`;
}

/** Plain-text excerpt for lists: whitespace collapsed, cut at 80 characters. */
export const excerptOf = (body: string, max = 80): string => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
