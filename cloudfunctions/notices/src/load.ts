import type { Actor, Member } from '../../../src/domain/org/types';
import { canTrackNotice } from '../../../src/domain/org/policies';
import { AppError } from '../../../src/domain/shared/errors';
import type { Notice, Receipt } from '../../../src/domain/notice/types';
import { receiptId } from '../../../src/domain/notice/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise } from '../../_runtime/actor';

export const notices = (ctx: FunctionContext) => ctx.storage.collection<Notice>('notices');
export const receipts = (ctx: FunctionContext) => ctx.storage.collection<Receipt>('receipts');

export async function getNotice(ctx: FunctionContext, noticeId: string): Promise<Notice> {
  const notice = await notices(ctx).get(noticeId);
  if (!notice) throw new AppError('NOT_FOUND', '通知不存在');
  return notice;
}

/** A notice the caller may track (publisher, the branch's officers, the committee). */
export async function getTrackableNotice(ctx: FunctionContext, actor: Actor, noticeId: string): Promise<Notice> {
  const notice = await getNotice(ctx, noticeId);
  authorise(canTrackNotice(actor, notice));
  return notice;
}

/**
 * The caller's own receipt: members see a notice only when it was addressed to them. A stranger gets
 * NOT_FOUND, not FORBIDDEN, so ids cannot be probed.
 */
export async function getOwnReceipt(ctx: FunctionContext, actor: Actor, noticeId: string): Promise<Receipt | null> {
  return receipts(ctx).get(receiptId(noticeId, actor.memberId));
}

/** Every receipt of a notice, in pages of 1,000 (CloudBase's maximum). */
export const allReceipts = (ctx: FunctionContext, noticeId: string): Promise<Receipt[]> => receipts(ctx).findAll({ noticeId }, 1000);

/**
 * Which of these members have never bound WeChat, as of now (they cannot open the app). Read at view
 * time rather than frozen in the receipt, so a member who binds later counts from that moment.
 */
export async function unboundAmong(ctx: FunctionContext, memberIds: ReadonlyArray<string>): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const part = memberIds.slice(i, i + 500);
    const rows = await ctx.storage.collection<Member>('members').find({ _id: { $in: part }, openid: null }, { limit: 1000, fields: ['_id'] });
    for (const m of rows) out.add(m._id);
  }
  return out;
}
