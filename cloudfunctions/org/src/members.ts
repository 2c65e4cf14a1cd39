import type { MemberView, OrgInput, OrgOutput } from '../../../src/domain/api/org';
import { AppError } from '../../../src/domain/shared/errors';
import { ORG_LIMITS } from '../../../src/domain/org/limits';
import { canManageBranch, canMoveMember, canViewBranchRoster } from '../../../src/domain/org/policies';
import type { Branch, Member, MemberMove, PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { newId } from '../../_runtime/ids';
import type { Filter } from '../../_runtime/storage/port';
import { getBranchOrThrow, getMemberOrThrow, toMemberView } from './views';

/** A branch's roster, paged by employee number (a unique key), for officers and the committee. */
export async function listMembers(input: OrgInput<'members.list'>, ctx: FunctionContext): Promise<OrgOutput['members.list']> {
  const { actor } = await requireActor(ctx);
  authorise(canViewBranchRoster(actor, input.branchId));
  const limit = input.limit ?? 50;
  const filter: Filter = { branchId: input.branchId, status: 'active' };
  if (input.after) filter.employeeNo = { $gt: input.after };
  const page = await ctx.storage.collection<Member>('members').find(filter, { orderBy: [['employeeNo', 'asc']], limit: limit + 1 });
  const members = page.slice(0, limit).map(toMemberView);
  return { members, next: page.length > limit ? members[members.length - 1].employeeNo : null };
}

async function assertGroupIn(ctx: FunctionContext, groupId: string | null | undefined, branchId: string): Promise<string | null> {
  if (!groupId) return null;
  const group = await ctx.storage.collection<PartyGroup>('partyGroups').get(groupId);
  if (!group || group.branchId !== branchId || group.status !== 'active') throw new AppError('GROUP_NOT_IN_BRANCH');
  return group._id;
}

/**
 * Moving changes where the member belongs from now on; everything they did stays attached to the
 * branch it happened in, and the move itself is recorded.
 */
export async function moveMember(input: OrgInput<'member.move'>, ctx: FunctionContext): Promise<MemberView> {
  const { actor } = await requireActor(ctx);
  authorise(canMoveMember(actor));
  const member = await getMemberOrThrow(ctx.storage, input.memberId);
  if (member.branchId === input.toBranchId) throw new AppError('SAME_BRANCH');
  const target = await getBranchOrThrow(ctx.storage, input.toBranchId);
  if (target.status !== 'active') throw new AppError('BRANCH_ARCHIVED');
  const toGroupId = await assertGroupIn(ctx, input.toGroupId, target._id);
  const size = await ctx.storage.collection<Member>('members').count({ branchId: target._id, status: 'active' });
  if (size >= ORG_LIMITS.branchMaxMembers) throw new AppError('BRANCH_FULL');

  const now = ctx.now();
  // A secretary or committee member leaves that office behind; committee admins keep their role.
  const role = member.role === 'committee_admin' ? member.role : 'member';
  const move: MemberMove = {
    _id: newId(ctx, 'mv'),
    memberId: member._id,
    fromBranchId: member.branchId,
    toBranchId: target._id,
    fromGroupId: member.partyGroupId,
    toGroupId,
    reason: input.reason ?? '',
    by: actor.memberId,
    at: now,
  };
  await ctx.storage.atomically(async () => {
    await ctx.storage.collection<MemberMove>('memberHistory').insert(move);
    await ctx.storage.collection<Member>('members').updateById(member._id, {
      $set: { branchId: target._id, partyGroupId: toGroupId, role, updatedAt: now },
    });
  });
  return toMemberView((await ctx.storage.collection<Member>('members').get(member._id))!);
}

export async function setMemberGroup(input: OrgInput<'member.setGroup'>, ctx: FunctionContext): Promise<MemberView> {
  const { actor } = await requireActor(ctx);
  const member = await getMemberOrThrow(ctx.storage, input.memberId);
  if (!member.branchId) throw new AppError('MEMBER_NOT_IN_BRANCH');
  authorise(canManageBranch(actor, member.branchId));
  const groupId = await assertGroupIn(ctx, input.groupId, member.branchId);
  await ctx.storage.collection<Member>('members').updateById(member._id, { $set: { partyGroupId: groupId, updatedAt: ctx.now() } });
  return toMemberView({ ...member, partyGroupId: groupId });
}

export async function memberHistory(input: OrgInput<'member.history'>, ctx: FunctionContext): Promise<OrgOutput['member.history']> {
  const { actor } = await requireActor(ctx);
  const member = await getMemberOrThrow(ctx.storage, input.memberId);
  const moves = await ctx.storage.collection<MemberMove>('memberHistory').find({ memberId: member._id }, { orderBy: [['at', 'desc']], limit: 200 });
  // Officers of the current branch or of any branch the member passed through may read the history.
  const branchIds = new Set([member.branchId, ...moves.flatMap((m) => [m.fromBranchId, m.toBranchId])].filter((b): b is string => !!b));
  authorise(actor.memberId === member._id || [...branchIds].some((b) => canManageBranch(actor, b)));
  const branches = await ctx.storage.collection<Branch>('branches').find({ _id: { $in: [...branchIds] } }, { limit: 1000 });
  const nameOf = (id: string | null) => (id ? (branches.find((b) => b._id === id)?.name ?? null) : null);
  return {
    member: toMemberView(member),
    moves: moves.map((m) => ({ ...m, fromBranchName: nameOf(m.fromBranchId), toBranchName: nameOf(m.toBranchId) })),
  };
}
