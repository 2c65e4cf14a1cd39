import type { ChatOutput, ChatParsed } from '../../../src/domain/api/chat';
import { CHAT_LIMITS } from '../../../src/domain/chat/limits';
import { canModerateChat, canPinInChat, canReadChatAudit, canRecall } from '../../../src/domain/chat/policies';
import { isGone, withinRecallWindow } from '../../../src/domain/chat/rules';
import type { ChatAuditAction, ChatAuditDoc, ChatMessageDoc } from '../../../src/domain/chat/types';
import type { Branch } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import { authorise, requireActor } from '../../_runtime/actor';
import type { FunctionContext } from '../../_runtime/context';
import { newId } from '../../_runtime/ids';
import { chatCaller, type ChatCaller } from './access';
import { auditLog, bumpHead, loadHead, messageBySeq, messages, requireMessage } from './store';
import { toView } from './views';

const headOf = (h: { branchId: string; seq: number; rev: number }) => ({ branchId: h.branchId, seq: h.seq, rev: h.rev });

/** A visible message (not recalled, removed or under review) or a refusal. */
function assertVisible(m: ChatMessageDoc): void {
  if (isGone(m)) throw new AppError('CHAT_MESSAGE_GONE');
  if (m.state !== 'visible') throw new AppError('NOT_FOUND', '消息不存在');
}

/** Who did what, when, with the original content, for the committee admin. */
async function audit(ctx: FunctionContext, caller: ChatCaller, action: ChatAuditAction, m: ChatMessageDoc | null, reason: string | null, keepOriginal: boolean): Promise<void> {
  const entry: ChatAuditDoc = {
    _id: newId(ctx, 'ca'),
    branchId: caller.branchId,
    seq: m?.seq ?? null,
    action,
    byId: caller.actor.memberId,
    byName: caller.member.name,
    at: ctx.now(),
    reason,
    original: m && keepOriginal ? { senderId: m.senderId, senderName: m.senderName, kind: m.kind, text: m.text, image: m.image, createdAt: m.createdAt } : null,
  };
  await auditLog(ctx).insert(entry);
}

/**
 * The sender takes back their own message within 2 minutes (server clock). Everyone then sees
 * “X撤回了一条消息”; the content is dropped (a recall is the sender's right, as in WeChat), and the
 * audit notes only who and when.
 */
export async function recall(input: ChatParsed<'recall'>, ctx: FunctionContext): Promise<ChatOutput['recall']> {
  const caller = await chatCaller(ctx, input.branchId);
  const m = await requireMessage(ctx, caller.branchId, input.seq);
  authorise(canRecall(caller.actor, m));
  if (isGone(m)) throw new AppError('CHAT_MESSAGE_GONE');
  if (!withinRecallWindow(m.createdAt, ctx.now())) throw new AppError('CHAT_RECALL_EXPIRED');
  return ctx.storage.atomically(async () => {
    const head = await bumpHead(ctx, caller.branchId, (h) => ({ newMessage: false, pinnedSeq: h.pinnedSeq === m.seq ? null : h.pinnedSeq }));
    await messages(ctx).updateById(m._id, { $set: { state: 'recalled', rev: head.rev, changedAt: ctx.now(), text: '', image: null, quote: null, mentions: [] } });
    await audit(ctx, caller, 'recall', m, null, false);
    return { message: await toView(ctx, (await messages(ctx).get(m._id))!, caller.actor.memberId), head: headOf(head) };
  });
}

/** A moderator removes a message: members see “该消息已被移除”; the audit keeps the original. */
export async function remove(input: ChatParsed<'remove'>, ctx: FunctionContext): Promise<ChatOutput['remove']> {
  const caller = await chatCaller(ctx, input.branchId);
  authorise(canModerateChat(caller.actor, caller.branchId));
  const m = await requireMessage(ctx, caller.branchId, input.seq);
  // Two moderators (or a double tap) removing the same message: the second sees the first's result.
  if (m.state === 'removed') return { message: await toView(ctx, m, caller.actor.memberId), head: headOf(await loadHead(ctx, caller.branchId)) };
  if (m.state === 'recalled') throw new AppError('CHAT_MESSAGE_GONE');
  return ctx.storage.atomically(async () => {
    await audit(ctx, caller, 'remove', m, input.reason ?? null, true);
    const head = await bumpHead(ctx, caller.branchId, (h) => ({ newMessage: false, pinnedSeq: h.pinnedSeq === m.seq ? null : h.pinnedSeq }));
    await messages(ctx).updateById(m._id, {
      $set: { state: 'removed', rev: head.rev, changedAt: ctx.now(), removedBy: caller.member.name, text: '', image: null, quote: null, mentions: [] },
    });
    return { message: await toView(ctx, (await messages(ctx).get(m._id))!, caller.actor.memberId), head: headOf(head) };
  });
}

/** One pinned announcement per branch; pinning another replaces it. */
export async function pin(input: ChatParsed<'pin'>, ctx: FunctionContext): Promise<ChatOutput['pin']> {
  const caller = await chatCaller(ctx, input.branchId);
  authorise(canPinInChat(caller.actor, caller.branchId));
  const m = await requireMessage(ctx, caller.branchId, input.seq);
  assertVisible(m);
  return ctx.storage.atomically(async () => {
    const head = await bumpHead(ctx, caller.branchId, () => ({ newMessage: false, pinnedSeq: m.seq }));
    // Every rev is carried by a message document (sync's gap rule relies on it).
    await messages(ctx).updateById(m._id, { $set: { rev: head.rev, changedAt: ctx.now() } });
    await audit(ctx, caller, 'pin', m, null, true);
    return { pinned: await toView(ctx, m, caller.actor.memberId), head: headOf(head) };
  });
}

export async function unpin(input: ChatParsed<'unpin'>, ctx: FunctionContext): Promise<ChatOutput['unpin']> {
  const caller = await chatCaller(ctx, input.branchId);
  authorise(canPinInChat(caller.actor, caller.branchId));
  return ctx.storage.atomically(async () => {
    let previous: number | null = null;
    const head = await bumpHead(ctx, caller.branchId, (h) => ((previous = h.pinnedSeq), { newMessage: false, pinnedSeq: null }));
    const unpinned = previous === null ? null : await messageBySeq(ctx, caller.branchId, previous);
    if (unpinned) await messages(ctx).updateById(unpinned._id, { $set: { rev: head.rev, changedAt: ctx.now() } });
    await audit(ctx, caller, 'unpin', unpinned, null, false);
    return { head: headOf(head) };
  });
}

/** The moderation audit, newest first (committee admins; one branch or all). */
export async function auditList(input: ChatParsed<'audit'>, ctx: FunctionContext): Promise<ChatOutput['audit']> {
  const { actor } = await requireActor(ctx);
  authorise(canReadChatAudit(actor));
  const filter = {
    ...(input.branchId ? { branchId: input.branchId } : {}),
    ...(input.before !== null ? { at: { $lt: input.before } } : {}),
  };
  const docs = await auditLog(ctx).find(Object.keys(filter).length ? filter : { at: { $gte: 0 } }, { orderBy: [['at', 'desc']], limit: CHAT_LIMITS.auditPage });
  const branchIds = [...new Set(docs.map((d) => d.branchId))];
  const branches = branchIds.length ? await ctx.storage.collection<Branch>('branches').find({ _id: { $in: branchIds } }, { limit: 1000 }) : [];
  const nameOf = new Map(branches.map((b) => [b._id, b.name]));
  return {
    items: docs.map((d) => ({
      id: d._id,
      branchId: d.branchId,
      branchName: nameOf.get(d.branchId) ?? '',
      seq: d.seq,
      action: d.action,
      byName: d.byName,
      at: d.at,
      reason: d.reason,
      original: d.original ? { senderName: d.original.senderName, kind: d.original.kind, text: d.original.text, createdAt: d.original.createdAt } : null,
    })),
    next: docs.length === CHAT_LIMITS.auditPage ? docs[docs.length - 1].at : null,
  };
}
