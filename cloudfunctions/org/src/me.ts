import type { MeView } from '../../../src/domain/api/org';
import type { Branch, Member, PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { findCaller } from '../../_runtime/actor';
import { committeeName, toMemberView } from './views';

export async function meView(ctx: FunctionContext, member: Member | null): Promise<MeView> {
  if (!member) return { bound: false, demo: ctx.demo };
  const [branch, group, committee] = await Promise.all([
    member.branchId ? ctx.storage.collection<Branch>('branches').get(member.branchId) : null,
    member.partyGroupId ? ctx.storage.collection<PartyGroup>('partyGroups').get(member.partyGroupId) : null,
    committeeName(ctx.storage),
  ]);
  return {
    bound: true,
    demo: ctx.demo,
    member: toMemberView(member),
    branch: branch && { _id: branch._id, name: branch.name, department: branch.department, releaseTime: branch.releaseTime },
    group: group && { _id: group._id, name: group.name },
    committeeName: committee,
  };
}

/** The app shell's one call on start: who am I, where do I belong. */
export const me = async (_input: unknown, ctx: FunctionContext): Promise<MeView> => meView(ctx, await findCaller(ctx));
