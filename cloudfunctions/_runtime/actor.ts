import { AppError } from '../../src/domain/shared/errors';
import type { Actor, Member } from '../../src/domain/org/types';
import type { FunctionContext } from './context';

/** The caller's member record, from the platform identity only. */
export async function findCaller(ctx: FunctionContext): Promise<Member | null> {
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED');
  const [member] = await ctx.storage.collection<Member>('members').find({ openid: ctx.openid, status: 'active' }, { limit: 1 });
  return member ?? null;
}

/** Identifies the caller as an actor or refuses: unauthenticated or not yet bound. */
export async function requireActor(ctx: FunctionContext): Promise<{ actor: Actor; member: Member }> {
  const member = await findCaller(ctx);
  if (!member) throw new AppError('NOT_BOUND');
  return { actor: { memberId: member._id, role: member.role, branchId: member.branchId }, member };
}

/** Authorisation guard: `allow(actor)` is a one-line policy from src/domain. */
export function authorise(allowed: boolean): void {
  if (!allowed) throw new AppError('FORBIDDEN');
}
