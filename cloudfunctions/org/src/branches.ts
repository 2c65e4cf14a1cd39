import type { BranchSummary, OrgInput, OrgOutput } from '../../../src/domain/api/org';
import { AppError } from '../../../src/domain/shared/errors';
import { canManageOrganisation, canViewBranch, isCommitteeAdmin } from '../../../src/domain/org/policies';
import type { Branch, Member, PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { createOnce, idForRequest } from '../../_runtime/idempotency';
import { branchSummary, committeeName, getBranchOrThrow, getMemberOrThrow, summarise } from './views';

export const DEFAULT_RELEASE_TIME = '07:00';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Committee admins see every branch; everyone else sees their own. One read per collection. */
export async function listBranches(input: OrgInput<'branches.list'>, ctx: FunctionContext): Promise<OrgOutput['branches.list']> {
  const { actor } = await requireActor(ctx);
  const admin = isCommitteeAdmin(actor);
  if (!admin && !actor.branchId) return { committeeName: await committeeName(ctx.storage), branches: [] };
  const branchFilter = admin ? (input.includeArchived ? { status: { $in: ['active', 'archived'] } } : { status: 'active' }) : { _id: actor.branchId! };
  const [branches, members, groups, name] = await Promise.all([
    ctx.storage.collection<Branch>('branches').findAll(branchFilter),
    ctx.storage.collection<Member>('members').findAll(admin ? { status: 'active' } : { status: 'active', branchId: actor.branchId! }),
    ctx.storage.collection<PartyGroup>('partyGroups').findAll(admin ? { status: 'active' } : { branchId: actor.branchId! }),
    committeeName(ctx.storage),
  ]);
  // Grouped once: the committee's list covers every branch, so no per-branch scan of all members.
  const membersOf = groupByBranch(members);
  const groupsOf = groupByBranch(groups);
  const summaries: BranchSummary[] = branches
    .map((b) => summarise(b, membersOf.get(b._id) ?? [], groupsOf.get(b._id) ?? []))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { committeeName: name, branches: summaries };
}

export async function getBranch(input: OrgInput<'branch.get'>, ctx: FunctionContext): Promise<BranchSummary> {
  const { actor } = await requireActor(ctx);
  authorise(canViewBranch(actor, input.branchId));
  return branchSummary(ctx.storage, input.branchId);
}

async function assertNameFree(ctx: FunctionContext, name: string, exceptId?: string): Promise<void> {
  const clash = await ctx.storage.collection<Branch>('branches').find({ name, status: 'active' }, { limit: 2 });
  if (clash.some((b) => b._id !== exceptId)) throw new AppError('BRANCH_NAME_TAKEN');
}

/** One branch per request id (see _runtime/idempotency.ts): a double tap or retry returns the first. */
export async function createBranch(input: OrgInput<'branch.create'>, ctx: FunctionContext): Promise<BranchSummary> {
  const { actor } = await requireActor(ctx);
  authorise(canManageOrganisation(actor));
  const branchId = idForRequest('b', 'org.branch.create', actor.memberId, input.requestId);
  return createOnce(ctx.storage.collection<Branch>('branches'), branchId, {
    create: () => insertBranch(ctx, input, branchId),
    replay: (existing) => branchSummary(ctx.storage, existing._id),
  });
}

async function insertBranch(ctx: FunctionContext, input: OrgInput<'branch.create'>, branchId: string): Promise<BranchSummary> {
  await assertNameFree(ctx, input.name);
  const now = ctx.now();
  const branch: Branch = {
    _id: branchId,
    name: input.name,
    department: input.department,
    status: 'active',
    releaseTime: DEFAULT_RELEASE_TIME,
    timeZone: DEFAULT_TIME_ZONE,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.storage.collection<Branch>('branches').insert(branch);
  return branchSummary(ctx.storage, branch._id);
}

export async function renameBranch(input: OrgInput<'branch.rename'>, ctx: FunctionContext): Promise<BranchSummary> {
  const { actor } = await requireActor(ctx);
  authorise(canManageOrganisation(actor));
  const branch = await getBranchOrThrow(ctx.storage, input.branchId);
  if (branch.status !== 'active') throw new AppError('BRANCH_ARCHIVED');
  await assertNameFree(ctx, input.name, branch._id);
  await ctx.storage.collection<Branch>('branches').updateById(branch._id, { $set: { name: input.name, updatedAt: ctx.now() } });
  return branchSummary(ctx.storage, branch._id);
}

/** Archiving keeps the branch and its history; it only stops new members and content. */
export async function archiveBranch(input: OrgInput<'branch.archive'>, ctx: FunctionContext): Promise<BranchSummary> {
  const { actor } = await requireActor(ctx);
  authorise(canManageOrganisation(actor));
  const branch = await getBranchOrThrow(ctx.storage, input.branchId);
  const active = await ctx.storage.collection<Member>('members').count({ branchId: branch._id, status: 'active' });
  if (active > 0) throw new AppError('CONFLICT', `支部还有 ${active} 名党员，请先调往其他支部再归档`);
  await ctx.storage.collection<Branch>('branches').updateById(branch._id, { $set: { status: 'archived', updatedAt: ctx.now() } });
  return branchSummary(ctx.storage, branch._id);
}

/** One secretary per branch: assigning a new one makes the previous one an ordinary member. */
export async function assignBranchRole(input: OrgInput<'branch.assignRole'>, ctx: FunctionContext): Promise<BranchSummary> {
  const { actor } = await requireActor(ctx);
  authorise(canManageOrganisation(actor));
  const branch = await getBranchOrThrow(ctx.storage, input.branchId);
  if (branch.status !== 'active') throw new AppError('BRANCH_ARCHIVED');
  const member = await getMemberOrThrow(ctx.storage, input.memberId);
  if (member.branchId !== branch._id || member.status !== 'active') throw new AppError('MEMBER_NOT_IN_BRANCH');
  const members = ctx.storage.collection<Member>('members');
  const now = ctx.now();
  await ctx.storage.atomically(async () => {
    if (input.role === 'secretary') {
      await members.update({ branchId: branch._id, role: 'secretary', _id: { $ne: member._id } }, { $set: { role: 'member', updatedAt: now } });
    }
    await members.updateById(member._id, { $set: { role: input.role, updatedAt: now } });
  });
  return branchSummary(ctx.storage, branch._id);
}

function groupByBranch<T extends { branchId: string | null }>(rows: T[]): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const r of rows) {
    const list = out.get(r.branchId);
    if (list) list.push(r);
    else out.set(r.branchId, [r]);
  }
  return out;
}
