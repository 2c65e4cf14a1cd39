import { needsReminder } from '../../../src/domain/notice/rules';
import { receiptId } from '../../../src/domain/notice/types';
import type { ReachSourceHooks } from '../../_runtime/reach/remind-round';
import { getNotice, receipts } from './load';

const inChunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * A notice reminder's source steps for the engine: a deferred or second round reminds only those still
 * unread (unacknowledged) and not excused; the in-app mark is the receipt's remind count (书记提醒).
 */
export const noticeReachHooks: ReachSourceHooks = {
  async stillPending(ctx, reminder, memberIds) {
    const notice = await getNotice(ctx, reminder.sourceId);
    if (notice.status !== 'published') return [];
    const out: string[] = [];
    for (const part of inChunks(memberIds)) {
      const rows = await receipts(ctx).find({ _id: { $in: part.map((m) => receiptId(notice._id, m)) } }, { limit: 1000 });
      for (const r of rows) if (needsReminder(notice, r)) out.push(r.memberId);
    }
    return out;
  },
  async markInApp(ctx, reminder, memberIds) {
    const now = ctx.now();
    for (const part of inChunks(memberIds)) {
      await receipts(ctx).update({ _id: { $in: part.map((m) => receiptId(reminder.sourceId, m)) } }, { $inc: { remindCount: 1 }, $set: { remindedAt: now } });
    }
  },
};
