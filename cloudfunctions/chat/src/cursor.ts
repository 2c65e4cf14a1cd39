import { advanceCursor, readSeqFor } from '../../../src/domain/chat/cursor';
import { CHAT_LIMITS } from '../../../src/domain/chat/limits';
import { isCommitteeAdmin } from '../../../src/domain/org/policies';
import { cursorId, type ChatCursorDoc, type ChatHeadDoc } from '../../../src/domain/chat/types';
import type { Actor } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { DuplicateKeyError } from '../../_runtime/storage/port';
import { smallDocs } from './store';

/**
 * A member's cursor belongs to their CURRENT branch. When it does not (first use, or they were moved)
 * it is reset here, which also moves the doorbell's security rule (it reads `inBranch`) to the new branch.
 */
export const cursorIsCurrent = (cursor: ChatCursorDoc | null, actor: Actor): boolean =>
  !!cursor && cursor.inBranch === actor.branchId && cursor.admin === isCommitteeAdmin(actor) && cursor.memberId === actor.memberId;

export function freshCursor(openid: string, actor: Actor, now: number, readSeq = 0): ChatCursorDoc {
  return {
    _id: cursorId(openid),
    kind: 'cursor',
    memberId: actor.memberId,
    inBranch: actor.branchId,
    admin: isCommitteeAdmin(actor),
    readSeq,
    mentionSeqs: [],
    recentSends: [],
    version: 0,
    updatedAt: now,
  };
}

/** The caller's cursor, reset to their current branch when it belongs elsewhere (one write, only then). */
export async function currentCursor(ctx: FunctionContext, actor: Actor, cursor: ChatCursorDoc | null): Promise<ChatCursorDoc> {
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED');
  if (cursor && cursorIsCurrent(cursor, actor)) return cursor;
  const fresh = freshCursor(ctx.openid, actor, ctx.now());
  await smallDocs(ctx).put(fresh);
  return fresh;
}

/** The read position for `branchId` as the caller sees it: a committee admin visiting another branch reads nothing as unread. */
export const effectiveReadSeq = (cursor: ChatCursorDoc, head: ChatHeadDoc, actor: Actor): number =>
  head.branchId === actor.branchId ? Math.min(readSeqFor(cursor, head.branchId), head.seq) : head.seq;

/** Moves the cursor forward (never back, never past the head): a conditional write, so racing tabs only ever advance it. */
export async function advance(ctx: FunctionContext, cursor: ChatCursorDoc, requested: number, headSeq: number): Promise<number> {
  const target = advanceCursor(cursor.readSeq, requested, headSeq);
  if (target === cursor.readSeq) return target;
  await smallDocs(ctx).update({ _id: cursor._id, readSeq: { $lt: target } }, { $set: { readSeq: target, updatedAt: ctx.now() } });
  return target;
}

/** The caller's cursor as stored (to pass on to `recordSend`), and their send times in their current branch (none when it belongs elsewhere). */
export async function recentSends(ctx: FunctionContext, actor: Actor): Promise<{ recent: number[]; stored: ChatCursorDoc | null }> {
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED');
  const stored = (await smallDocs(ctx).get(cursorId(ctx.openid))) as ChatCursorDoc | null;
  return { recent: stored && cursorIsCurrent(stored, actor) ? (stored.recentSends ?? []) : [], stored };
}

/**
 * Records a send time for the rate limit: a conditional write on the cursor's `version`, retried,
 * so concurrent sends from two phones cannot both slip past the 20th.
 */
export async function recordSend(
  ctx: FunctionContext,
  actor: Actor,
  check: (recent: readonly number[]) => number[],
  /** The cursor as this request already read it (`recentSends`): the first attempt writes on it without reading again. */
  known?: ChatCursorDoc | null,
): Promise<void> {
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED');
  const docs = smallDocs(ctx);
  const id = cursorId(ctx.openid);
  for (let attempt = 0; attempt < CHAT_LIMITS.headRetries; attempt++) {
    const stored = attempt === 0 && known !== undefined ? known : ((await docs.get(id)) as ChatCursorDoc | null);
    const now = ctx.now();
    if (!stored || !cursorIsCurrent(stored, actor)) {
      const fresh = { ...freshCursor(ctx.openid, actor, now), recentSends: check([]) };
      try {
        if (stored) {
          const { _id: _same, ...fields } = fresh;
          if ((await docs.update({ _id: id, version: stored.version ?? 0 }, { $set: { ...fields, version: (stored.version ?? 0) + 1 } })) === 1) return;
        } else {
          await docs.insert(fresh);
          return;
        }
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
      continue;
    }
    const recent = check(stored.recentSends ?? []);
    const version = stored.version ?? 0;
    if ((await docs.update({ _id: id, version }, { $set: { recentSends: recent, version: version + 1, updatedAt: now } })) === 1) return;
  }
  throw new AppError('CONFLICT');
}
