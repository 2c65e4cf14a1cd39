import { canReadChat } from '../../../src/domain/chat/policies';
import type { Actor, Branch, Member } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import { requireActor } from '../../_runtime/actor';
import type { FunctionContext } from '../../_runtime/context';

export interface ChatCaller {
  actor: Actor;
  member: Member;
  /** The chat being addressed: the caller's own branch unless a committee admin named another. */
  branchId: string;
}

/**
 * Identifies the caller from the platform identity and their CURRENT member record, then decides
 * which branch's chat the call addresses. A member moved yesterday is refused the old branch today.
 * Naming another branch is refused unless the caller is a committee admin, and then the branch must exist.
 */
export async function chatCaller(ctx: FunctionContext, requested: string | undefined): Promise<ChatCaller> {
  const { actor, member } = await requireActor(ctx);
  const branchId = requested ?? actor.branchId;
  if (!branchId) throw new AppError('CHAT_NO_BRANCH');
  if (!canReadChat(actor, branchId)) throw new AppError('FORBIDDEN', '只能查看本支部的交流');
  if (branchId !== actor.branchId) {
    const branch = await ctx.storage.collection<Branch>('branches').get(branchId);
    if (!branch || branch.status !== 'active') throw new AppError('NOT_FOUND', '支部不存在');
  }
  return { actor, member, branchId };
}
