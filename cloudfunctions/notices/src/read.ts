import type { InboxItem, NoticeDetail, NoticesInput, NoticesOutput } from '../../../src/domain/api/notices';
import { excerptOf } from '../../../src/domain/notice/rules';
import { receiptId, type Notice, type Receipt, type SubscriptionCredit } from '../../../src/domain/notice/types';
import { canTrackNotice } from '../../../src/domain/org/policies';
import type { Actor } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import { DuplicateKeyError } from '../../_runtime/storage/port';
import { getNotice, notices, receipts } from './load';

const INBOX_SIZE = 100;

/** The member's notices list in one call: their latest receipts joined to the notices, unread first. */
export async function inbox(_input: NoticesInput<'inbox'>, ctx: FunctionContext): Promise<NoticesOutput['inbox']> {
  const { actor } = await requireActor(ctx);
  const mine = await receipts(ctx).find({ memberId: actor.memberId }, { orderBy: [['publishedAt', 'desc']], limit: INBOX_SIZE });
  const byId = new Map((mine.length ? await notices(ctx).find({ _id: { $in: mine.map((r) => r.noticeId) } }, { limit: INBOX_SIZE }) : []).map((n) => [n._id, n]));
  const items: InboxItem[] = [];
  for (const r of mine) {
    const n = byId.get(r.noticeId);
    if (!n) continue;
    const withdrawn = n.status === 'withdrawn';
    items.push({
      noticeId: n._id,
      title: n.title,
      excerpt: withdrawn ? '该通知已撤回' : excerptOf(n.body),
      authorName: n.authorName,
      publishedAt: n.publishedAt ?? r.publishedAt,
      requireAck: n.requireAck,
      deadline: n.deadline,
      read: r.readAt !== null,
      acked: r.ackAt !== null,
      corrected: n.correctedAt !== null,
      withdrawn,
      reminded: r.remindCount > 0,
      scope: n.branchId === null ? 'committee' : 'branch',
    });
  }
  // Unread (and not withdrawn) first; within each part, newest first (already the order).
  const needsAttention = (i: InboxItem) => !i.withdrawn && (!i.read || (i.requireAck && !i.acked));
  items.sort((a, b) => Number(needsAttention(b)) - Number(needsAttention(a)));
  return { items, unreadCount: items.filter((i) => !i.read && !i.withdrawn).length };
}

async function detail(ctx: FunctionContext, actor: Actor, notice: Notice, receipt: Receipt | null): Promise<NoticeDetail> {
  const withdrawn = notice.status === 'withdrawn';
  const urls = withdrawn || notice.images.length === 0 ? [] : await ctx.files.urls(notice.images.map((i) => i.fileId));
  return {
    noticeId: notice._id,
    title: notice.title,
    body: withdrawn ? '' : notice.body,
    images: withdrawn ? [] : notice.images.map((img, i) => ({ fileId: img.fileId, url: urls[i] ?? '' })).filter((i) => i.url),
    authorName: notice.authorName,
    publishedAt: notice.publishedAt ?? notice.publishAt,
    requireAck: notice.requireAck,
    deadline: notice.deadline,
    correctedAt: notice.correctedAt,
    withdrawn,
    readAt: receipt?.readAt ?? null,
    ackAt: receipt?.ackAt ?? null,
    canTrack: canTrackNotice(actor, notice),
  };
}

/**
 * A recipient, or someone who may track it, can open a notice. Anyone else gets NOT_FOUND, so notice
 * ids cannot be probed. Opening records the read receipt once: the write is conditional on `readAt`
 * still being null, and only the write that flips it bumps the counter.
 */
async function openFor(ctx: FunctionContext, noticeId: string) {
  const { actor } = await requireActor(ctx);
  const notice = await getNotice(ctx, noticeId).catch(() => null);
  const receipt = notice ? await receipts(ctx).get(receiptId(noticeId, actor.memberId)) : null;
  if (!notice || notice.status === 'scheduled' || (!receipt && !canTrackNotice(actor, notice))) throw new AppError('NOT_FOUND', '通知不存在或不是发给你的');
  return { actor, notice, receipt };
}

export async function open(input: NoticesInput<'open'>, ctx: FunctionContext): Promise<NoticesOutput['open']> {
  const { actor, notice, receipt } = await openFor(ctx, input.noticeId);
  if (!receipt || receipt.readAt !== null || notice.status === 'withdrawn') return detail(ctx, actor, notice, receipt);
  const now = ctx.now();
  // The receipt and its counter together (one transaction locally), so a crash between them cannot skew readCount.
  const flipped = await ctx.storage.atomically(async () => {
    const n = await receipts(ctx).update({ _id: receipt._id, readAt: null }, { $set: { readAt: now } });
    if (n === 1) await notices(ctx).updateById(notice._id, { $inc: { readCount: 1 } });
    return n === 1;
  });
  // This call marked it read: the receipt is as read plus readAt. Another device was first: read it back.
  return detail(ctx, actor, notice, flipped ? { ...receipt, readAt: now } : (await receipts(ctx).get(receipt._id))!);
}

/** “我已知晓”: recorded once, and it implies the notice was read. */
export async function ack(input: NoticesInput<'ack'>, ctx: FunctionContext): Promise<NoticesOutput['ack']> {
  const { actor, notice, receipt } = await openFor(ctx, input.noticeId);
  if (!receipt) throw new AppError('FORBIDDEN', '只有通知对象可以确认');
  if (notice.status === 'withdrawn') throw new AppError('CONFLICT', '通知已撤回');
  if (!notice.requireAck) throw new AppError('BAD_REQUEST', '该通知无需确认');
  const now = ctx.now();
  await ctx.storage.atomically(async () => {
    if (receipt.readAt === null && (await receipts(ctx).update({ _id: receipt._id, readAt: null }, { $set: { readAt: now } })) === 1) {
      await notices(ctx).updateById(notice._id, { $inc: { readCount: 1 } });
    }
    if ((await receipts(ctx).update({ _id: receipt._id, ackAt: null }, { $set: { ackAt: now } })) === 1) {
      await notices(ctx).updateById(notice._id, { $inc: { ackCount: 1 } });
    }
  });
  return detail(ctx, actor, notice, (await receipts(ctx).get(receipt._id))!);
}

/** A one-time subscribe message consent gives one WeChat reminder credit (capped, as consents expire in use). */
export async function subscribe(input: NoticesInput<'subscribe'>, ctx: FunctionContext): Promise<NoticesOutput['subscribe']> {
  const { actor } = await requireActor(ctx);
  const credits = ctx.storage.collection<SubscriptionCredit>('subscriptionCredits');
  const id = `${actor.memberId}:notice_reminder`;
  if (input.accepted > 0) {
    try {
      await credits.insert({ _id: id, memberId: actor.memberId, templateKey: 'notice_reminder', credits: input.accepted, updatedAt: ctx.now() });
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
      await credits.updateById(id, { $inc: { credits: input.accepted }, $set: { updatedAt: ctx.now() } });
    }
  }
  return { credits: (await credits.get(id))?.credits ?? 0 };
}
