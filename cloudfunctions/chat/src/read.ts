import type { ChatInput, ChatOutput, ChatParsed } from '../../../src/domain/api/chat';
import { CHAT_LIMITS } from '../../../src/domain/chat/limits';
import { syncedRevision } from '../../../src/domain/chat/ordering';
import { canMentionAll, canModerateChat } from '../../../src/domain/chat/policies';
import type { ChatHeadDoc } from '../../../src/domain/chat/types';
import type { Branch, Member } from '../../../src/domain/org/types';
import { requireActor } from '../../_runtime/actor';
import type { FunctionContext } from '../../_runtime/context';
import { chatCaller } from './access';
import { advanceCursor, landingRange, mentionJumps, mentionedSince, unreadCount } from '../../../src/domain/chat/cursor';
import { advance, currentCursor, cursorIsCurrent, effectiveReadSeq, freshCursor } from './cursor';
import { headAndCursor, loadHead, messageBySeq, messages, smallDocs } from './store';
import { toView, toViews } from './views';

const headOf = (h: ChatHeadDoc) => ({ branchId: h.branchId, seq: h.seq, rev: h.rev });

/**
 * The 支部 tab badge: the caller's member record (identity) and ONE read of the head and cursor
 * together. No message is read, so 10 or 100,000 messages cost the same. A cursor that belongs to
 * another branch (a move) counts from 0 and is reset on the next open/read.
 */
export async function badge(_input: ChatInput<'badge'>, ctx: FunctionContext): Promise<ChatOutput['badge']> {
  const { actor } = await requireActor(ctx);
  if (!actor.branchId) return { branchId: null, unread: 0, mentioned: false, seq: 0, rev: 0 };
  const { head, cursor } = await headAndCursor(ctx, actor.branchId);
  const current = cursor && cursor.inBranch === actor.branchId && cursor.memberId === actor.memberId ? cursor : null;
  const readSeq = current ? Math.min(current.readSeq, head.seq) : 0;
  return {
    branchId: actor.branchId,
    unread: unreadCount(head.seq, readSeq),
    mentioned: mentionedSince(readSeq, current?.mentionSeqs ?? [], head.allSeqs),
    seq: head.seq,
    rev: head.rev,
  };
}

/** Opening the chat: everything for the first screen in one call, landing on the first unread. */
export async function open(input: ChatParsed<'open'>, ctx: FunctionContext): Promise<ChatOutput['open']> {
  const { actor, member, branchId } = await chatCaller(ctx, input.branchId);
  const [{ head, cursor: stored }, branch, memberCount] = await Promise.all([
    headAndCursor(ctx, branchId),
    ctx.storage.collection<Branch>('branches').get(branchId),
    ctx.storage.collection<Member>('members').count({ branchId, status: 'active' }),
  ]);
  const own = branchId === actor.branchId;
  const cursor = cursorIsCurrent(stored, actor) ? stored! : freshCursor(ctx.openid!, actor, ctx.now());
  const readSeq = effectiveReadSeq(cursor, head, actor);
  const range = landingRange(head.seq, readSeq);
  // The page shown reaches the newest message: it is read. One cursor write at most (a fresh cursor is created with it).
  const readUpTo = own && range.to >= head.seq ? advanceCursor(cursor.readSeq, range.to, head.seq) : readSeq;
  if (cursor !== stored) await smallDocs(ctx).put({ ...cursor, readSeq: own ? readUpTo : cursor.readSeq });
  else if (own) await advance(ctx, cursor, readUpTo, head.seq);
  const [docs, pinnedDoc] = await Promise.all([
    range.to >= range.from
      ? messages(ctx).find({ branchId, seq: { $gte: range.from, $lte: range.to } }, { orderBy: [['seq', 'asc']], limit: CHAT_LIMITS.page })
      : Promise.resolve([]),
    head.pinnedSeq ? messageBySeq(ctx, branchId, head.pinnedSeq) : Promise.resolve(null),
  ]);
  const windowStart = Math.max(0, head.rev - CHAT_LIMITS.openRevWindow);
  const recent = head.rev > 0 ? await messages(ctx).find({ branchId, rev: { $gt: windowStart } }, { orderBy: [['rev', 'asc']], limit: CHAT_LIMITS.openRevWindow }) : [];
  const syncedRev = syncedRevision(windowStart, recent.map((d) => ({ rev: d.rev, at: d.changedAt ?? d.createdAt })), head, ctx.now(), CHAT_LIMITS.settleMs, true);
  return {
    head: headOf(head),
    branchName: branch?.name ?? '',
    memberCount,
    readSeq,
    unread: unreadCount(head.seq, readSeq),
    messages: await toViews(ctx, docs, actor.memberId),
    hasOlder: range.from > 1,
    hasNewer: range.to < head.seq,
    pinned: pinnedDoc && pinnedDoc.state === 'visible' ? await toView(ctx, pinnedDoc, actor.memberId) : null,
    mentionSeqs: own ? mentionJumps(cursor.mentionSeqs, head.allSeqs) : [],
    canModerate: canModerateChat(actor, branchId),
    canMentionAll: canMentionAll(actor, branchId),
    me: { memberId: actor.memberId, name: member.name },
    syncedRev,
    readUpTo,
  };
}

/** History by seq (an index on branch + seq serves every page). */
export async function list(input: ChatParsed<'list'>, ctx: FunctionContext): Promise<ChatOutput['list']> {
  const { actor, branchId } = await chatCaller(ctx, input.branchId);
  const limit = input.limit;
  const { head } = await headAndCursor(ctx, branchId);
  let docs;
  let hasMore: boolean;
  if (input.afterSeq !== undefined) {
    docs = await messages(ctx).find({ branchId, seq: { $gt: input.afterSeq } }, { orderBy: [['seq', 'asc']], limit });
    hasMore = docs.length === limit && docs[docs.length - 1].seq < head.seq;
  } else {
    const filter = input.beforeSeq !== undefined ? { branchId, seq: { $lt: input.beforeSeq } } : { branchId };
    docs = (await messages(ctx).find(filter, { orderBy: [['seq', 'desc']], limit })).reverse();
    hasMore = docs.length === limit && docs[0].seq > 1;
  }
  return { messages: await toViews(ctx, docs, actor.memberId), hasMore, head: headOf(head) };
}

/** After a doorbell: every message created or changed since the client's last rev, in rev order. */
export async function sync(input: ChatParsed<'sync'>, ctx: FunctionContext): Promise<ChatOutput['sync']> {
  const { actor, branchId } = await chatCaller(ctx, input.branchId);
  // The head alone (by id): every member of the branch syncs after each ring, so this is the hot path.
  const head = await loadHead(ctx, branchId);
  const docs =
    input.afterRev >= head.rev
      ? []
      : await messages(ctx).find({ branchId, rev: { $gt: input.afterRev } }, { orderBy: [['rev', 'asc']], limit: CHAT_LIMITS.syncMax });
  const pinnedDoc = head.pinnedSeq ? await messageBySeq(ctx, branchId, head.pinnedSeq) : null;
  const more = docs.length === CHAT_LIMITS.syncMax;
  const changes = docs.map((d) => ({ rev: d.rev, at: d.changedAt ?? d.createdAt }));
  return {
    messages: await toViews(ctx, docs, actor.memberId),
    head: headOf(head),
    pinned: pinnedDoc && pinnedDoc.state === 'visible' ? await toView(ctx, pinnedDoc, actor.memberId) : null,
    more,
    syncedRev: syncedRevision(input.afterRev, changes, head, ctx.now(), CHAT_LIMITS.settleMs, !more),
  };
}

/** Advances the caller's read cursor in their own branch (a committee admin visiting another branch has none there). */
export async function read(input: ChatParsed<'read'>, ctx: FunctionContext): Promise<ChatOutput['read']> {
  const { actor, branchId } = await chatCaller(ctx, input.branchId);
  const { head, cursor: stored } = await headAndCursor(ctx, branchId);
  if (branchId !== actor.branchId) return { readSeq: head.seq, unread: 0 };
  const cursor = await currentCursor(ctx, actor, stored);
  const readSeq = await advance(ctx, cursor, input.seq, head.seq);
  return { readSeq, unread: unreadCount(head.seq, readSeq) };
}
