import type { BranchSummary, OrgInput } from '../../../src/domain/api/org';
import { AppError } from '../../../src/domain/shared/errors';
import { canManageBranch } from '../../../src/domain/org/policies';
import type { Member, PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { createOnce, idForRequest } from '../../_runtime/idempotency';
import { branchSummary, getBranchOrThrow } from './views';

async function getGroupOrThrow(ctx: FunctionContext, groupId: string): Promise<PartyGroup> {
  const group = await ctx.storage.collection<PartyGroup>('partyGroups').get(groupId);
  if (!group) throw new AppError('NOT_FOUND', '党小组不存在');
  return group;
}

async function assertGroupNameFree(ctx: FunctionContext, branchId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await ctx.storage.collection<PartyGroup>('partyGroups').find({ branchId, name, status: 'active' }, { limit: 2 });
  if (clash.some((g) => g._id !== exceptId)) throw new AppError('GROUP_NAME_TAKEN');
}

/**
 * Party groups are run by the branch itself (secretary / committee member) or the committee office.
 * One group per request id (see _runtime/idempotency.ts): a double tap or retry returns the first.
 */
export async function createGroup(input: OrgInput<'group.create'>, ctx: FunctionContext): Promise<BranchSummary> {
  const { actor } = await requireActor(ctx);
  authorise(canManageBranch(actor, input.branchId));
  const groups = ctx.storage.collection<PartyGroup>('partyGroups');
  const groupId = idForRequest('g', 'org.group.create', actor.memberId, input.requestId);
  return createOnce(groups, groupId, {
    create: async () => {
      const branch = await getBranchOrThrow(ctx.storage, input.branchId);
      if (branch.status !== 'active') throw new AppError('BRANCH_ARCHIVED');
      await assertGroupNameFree(ctx, branch._id, input.name);
      await groups.insert({ _id: groupId, branchId: branch._id, name: input.name, status: 'active', createdAt: ctx.now() });
      return branchSummary(ctx.storage, branch._id);
    },
    replay: (existing) => branchSummary(ctx.storage, existing.branchId),
  });
}

export async function renameGroup(input: OrgInput<'group.rename'>, ctx: FunctionContext): Promise<BranchSummary> {
  const { actor } = await requireActor(ctx);
  const group = await getGroupOrThrow(ctx, input.groupId);
  authorise(canManageBranch(actor, group.branchId));
  await assertGroupNameFree(ctx, group.branchId, input.name, group._id);
  await ctx.storage.collection<PartyGroup>('partyGroups').updateById(group._id, { $set: { name: input.name } });
  return branchSummary(ctx.storage, group.branchId);
}

/** Archiving a group moves its members to "no group"; the group stays in history. */
export async function archiveGroup(input: OrgInput<'group.archive'>, ctx: FunctionContext): Promise<BranchSummary> {
  const { actor } = await requireActor(ctx);
  const group = await getGroupOrThrow(ctx, input.groupId);
  authorise(canManageBranch(actor, group.branchId));
  await ctx.storage.atomically(async () => {
    await ctx.storage.collection<Member>('members').update({ partyGroupId: group._id }, { $set: { partyGroupId: null, updatedAt: ctx.now() } });
    await ctx.storage.collection<PartyGroup>('partyGroups').updateById(group._id, { $set: { status: 'archived' } });
  });
  return branchSummary(ctx.storage, group.branchId);
}
