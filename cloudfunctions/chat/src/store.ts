import { CHAT_LIMITS } from '../../../src/domain/chat/limits';
import { cursorId, type ChatAuditDoc, type ChatCursorDoc, type ChatHeadDoc, type ChatMessageDoc } from '../../../src/domain/chat/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { DuplicateKeyError } from '../../_runtime/storage/port';

/** The chat collections (admin-only except the head's doorbell fields, see security-rules.chatHeads.json). */
export const messages = (ctx: FunctionContext) => ctx.storage.collection<ChatMessageDoc>('chatMessages');
/** Heads (`_id` = branchId) and member cursors (`_id` = cur_<openid>): the small documents. */
export const smallDocs = (ctx: FunctionContext) => ctx.storage.collection<ChatHeadDoc | ChatCursorDoc>('chatHeads');
export const auditLog = (ctx: FunctionContext) => ctx.storage.collection<ChatAuditDoc>('chatAudit');

export const emptyHead = (branchId: string, now: number): ChatHeadDoc => ({
  _id: branchId,
  kind: 'head',
  branchId,
  seq: 0,
  rev: 0,
  pinnedSeq: null,
  allSeqs: [],
  updatedAt: now,
});

/**
 * The branch head and the caller's cursor in ONE read (both live in `chatHeads`), which is what keeps
 * a badge refresh at identity + 1 read whatever the history size.
 */
export async function headAndCursor(ctx: FunctionContext, branchId: string): Promise<{ head: ChatHeadDoc; cursor: ChatCursorDoc | null }> {
  const ids = ctx.openid ? [branchId, cursorId(ctx.openid)] : [branchId];
  const docs = await smallDocs(ctx).find({ _id: { $in: ids } }, { limit: 2 });
  const head = docs.find((d): d is ChatHeadDoc => d.kind === 'head' && d._id === branchId);
  const cursor = docs.find((d): d is ChatCursorDoc => d.kind === 'cursor') ?? null;
  return { head: head ?? emptyHead(branchId, ctx.now()), cursor };
}

export async function loadHead(ctx: FunctionContext, branchId: string): Promise<ChatHeadDoc> {
  const head = await smallDocs(ctx).get(branchId);
  return head && head.kind === 'head' ? head : emptyHead(branchId, ctx.now());
}

/**
 * Changes the head by a conditional write on its revision, retried on conflict: every message gets
 * the next seq exactly once and every change the next rev. `change` sees the head it applies to.
 * Returns the head as written.
 */
export async function bumpHead(
  ctx: FunctionContext,
  branchId: string,
  change: (head: ChatHeadDoc) => { newMessage: boolean; pinnedSeq?: number | null; allSeq?: number | 'next' },
): Promise<ChatHeadDoc> {
  const heads = smallDocs(ctx);
  for (let attempt = 0; attempt < CHAT_LIMITS.headRetries; attempt++) {
    const stored = await heads.get(branchId);
    if (!stored) {
      try {
        await heads.insert(emptyHead(branchId, ctx.now()));
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
      continue;
    }
    const head = stored as ChatHeadDoc;
    const c = change(head);
    const seq = c.newMessage ? head.seq + 1 : head.seq;
    const next: ChatHeadDoc = {
      ...head,
      seq,
      rev: head.rev + 1,
      pinnedSeq: c.pinnedSeq === undefined ? head.pinnedSeq : c.pinnedSeq,
      allSeqs: c.allSeq === undefined ? head.allSeqs : [...head.allSeqs, c.allSeq === 'next' ? seq : c.allSeq].slice(-CHAT_LIMITS.allSeqsKept),
      updatedAt: ctx.now(),
    };
    const written = await heads.update(
      { _id: branchId, rev: head.rev },
      { $set: { seq: next.seq, rev: next.rev, pinnedSeq: next.pinnedSeq, allSeqs: next.allSeqs, updatedAt: next.updatedAt } },
    );
    if (written === 1) return next;
  }
  throw new AppError('CONFLICT', '发送的人太多了，请稍后重试');
}

export async function messageBySeq(ctx: FunctionContext, branchId: string, seq: number): Promise<ChatMessageDoc | null> {
  const [m] = await messages(ctx).find({ branchId, seq }, { limit: 1 });
  return m ?? null;
}

export async function requireMessage(ctx: FunctionContext, branchId: string, seq: number): Promise<ChatMessageDoc> {
  const m = await messageBySeq(ctx, branchId, seq);
  if (!m) throw new AppError('NOT_FOUND', '消息不存在');
  return m;
}
