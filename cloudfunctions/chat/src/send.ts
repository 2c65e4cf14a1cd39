import type { ChatOutput, ChatParsed } from '../../../src/domain/api/chat';
import { CHAT_LIMITS, MENTION_ALL } from '../../../src/domain/chat/limits';
import { mentionsEveryone, resolveMentions } from '../../../src/domain/chat/mentions';
import { canMentionAll, canPostInChat } from '../../../src/domain/chat/policies';
import { privacyHits } from '../../../src/domain/chat/privacy';
import { isGone, normaliseText, quoteOf, rateCheck } from '../../../src/domain/chat/rules';
import { messageId, type ChatImage, type ChatMention, type ChatMessageDoc, type ChatQuote } from '../../../src/domain/chat/types';
import type { Member } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import { authorise } from '../../_runtime/actor';
import type { FunctionContext } from '../../_runtime/context';
import { DuplicateKeyError } from '../../_runtime/storage/port';
import { assertTextAllowed } from '../../notices/src/content-check';
import { chatCaller, type ChatCaller } from './access';
import { recentSends, recordSend } from './cursor';
import { reviewImage } from './images';
import { notifyMentions } from './mention-push';
import { bumpHead, messageBySeq, messages } from './store';
import { toView } from './views';

/**
 * Sending: parse, identify, authorise, then in order — a retry of a stored message returns it (before
 * any limit or check, so a retry after a lost answer always succeeds); the privacy question; @全体成员
 * rights; the rate limit; WeChat's content check; the quote snapshot and mentions; then the head's
 * conditional increment gives the seq and the message is stored under branch + client id.
 */
export async function send(input: ChatParsed<'send'>, ctx: FunctionContext): Promise<ChatOutput['send']> {
  const caller = await chatCaller(ctx, input.branchId);
  const { actor, branchId } = caller;
  authorise(canPostInChat(actor, branchId));
  const id = messageId(branchId, input.clientMsgId);

  const existing = await messages(ctx).get(id);
  if (existing) return duplicateOf(ctx, caller, existing);

  const text = normaliseText(input.text ?? '');
  const image: ChatImage | null = input.kind === 'image' ? (input.image ?? null) : null;
  if (input.kind === 'text' && text.length === 0) throw new AppError('CHAT_EMPTY');
  if (input.kind === 'image' && !image) throw new AppError('BAD_REQUEST', '请选择图片');
  if (input.kind === 'image' && text.length > 0) throw new AppError('BAD_REQUEST', '图片消息不能附带文字');
  const hits = privacyHits(text);
  if (hits.length > 0 && !input.privacyConfirmed) throw new AppError('CHAT_PRIVACY_CONFIRM', undefined, { hits });
  if (input.mentionAll) {
    if (!canMentionAll(actor, branchId)) throw new AppError('CHAT_MENTION_ALL_FORBIDDEN');
    if (!mentionsEveryone(text)) throw new AppError('BAD_REQUEST', `@全体成员 需要在消息中写明“@${MENTION_ALL}”`);
  }

  const underRate = (recent: readonly number[]) => {
    const verdict = rateCheck(recent, ctx.now());
    if (!verdict.allowed) throw new AppError('CHAT_RATE_LIMITED', undefined, { retryAfterMs: verdict.retryAfterMs });
    return verdict.next;
  };
  // Read-only first (a flood stops here, before WeChat's quota is spent); the send is recorded only once
  // everything passed, so a refused message writes nothing.
  const sends = await recentSends(ctx, actor);
  underRate(sends.recent);
  if (text) await assertTextAllowed(ctx, text);
  const quote = input.quoteSeq ? await quoteFor(ctx, branchId, input.quoteSeq) : null;
  const roster = input.mentionIds.length || input.mentionAll ? await branchRoster(ctx, branchId) : [];
  const mentions: ChatMention[] = resolveMentions(text, input.mentionIds, roster, actor.memberId);
  const review = image ? await reviewImage(ctx, image) : null;
  await recordSend(ctx, actor, underRate, sends.stored);

  const stored = await ctx.storage.atomically(async () => {
    const again = await messages(ctx).get(id);
    if (again) return { doc: again, duplicate: true };
    const head = await bumpHead(ctx, branchId, () => ({ newMessage: true, allSeq: input.mentionAll ? 'next' : undefined }));
    const now = ctx.now();
    const doc: ChatMessageDoc = {
      _id: id,
      branchId,
      seq: head.seq,
      rev: head.rev,
      clientMsgId: input.clientMsgId,
      senderId: actor.memberId,
      senderName: caller.member.name,
      kind: input.kind,
      text,
      image,
      quote,
      mentions,
      mentionAll: input.mentionAll,
      state: review && review.state === 'reviewing' ? 'reviewing' : 'visible',
      createdAt: now,
      changedAt: null,
      removedBy: null,
      traceId: review?.traceId ?? null,
    };
    try {
      await messages(ctx).insert(doc);
    } catch (err) {
      // The same client id raced in from another request (cloud: no transaction). The first one wins;
      // this request's seq stays unused (a gap the client tolerates).
      if (!(err instanceof DuplicateKeyError)) throw err;
      const first = await messages(ctx).get(id);
      if (!first) throw err;
      return { doc: first, duplicate: true };
    }
    return { doc, duplicate: false };
  });
  if (stored.duplicate) return duplicateOf(ctx, caller, stored.doc);

  await notifyMentions(ctx, caller, stored.doc, roster);
  return { message: await toView(ctx, stored.doc, actor.memberId), duplicate: false, head: { branchId, seq: stored.doc.seq, rev: stored.doc.rev } };
}

/** The first result for a client id; another member's message under the same id is a conflict, not theirs to see. */
async function duplicateOf(ctx: FunctionContext, caller: ChatCaller, doc: ChatMessageDoc): Promise<ChatOutput['send']> {
  if (doc.senderId !== caller.actor.memberId) throw new AppError('CHAT_CLIENT_ID_CONFLICT');
  const view = await toView(ctx, doc, caller.actor.memberId);
  return { message: view, duplicate: true, head: { branchId: caller.branchId, seq: doc.seq, rev: doc.rev } };
}

async function quoteFor(ctx: FunctionContext, branchId: string, seq: number): Promise<ChatQuote> {
  const original = await messageBySeq(ctx, branchId, seq);
  if (!original || original.state === 'reviewing' || original.state === 'rejected') throw new AppError('NOT_FOUND', '引用的消息不存在');
  if (isGone(original)) throw new AppError('CHAT_MESSAGE_GONE');
  return quoteOf(original);
}

export async function branchRoster(ctx: FunctionContext, branchId: string): Promise<Member[]> {
  return ctx.storage.collection<Member>('members').find({ branchId, status: 'active' }, { limit: CHAT_LIMITS.mentionsMax * 4, orderBy: [['name', 'asc']] });
}
