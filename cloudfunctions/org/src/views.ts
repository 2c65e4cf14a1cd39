import type { BranchSummary, MemberView } from '../../../src/domain/api/org';
import { AppError } from '../../../src/domain/shared/errors';
import type { Branch, Member, PartyGroup } from '../../../src/domain/org/types';
import type { Storage } from '../../_runtime/storage/port';

/** What a client may see of a member: never the openid itself. */
export const toMemberView = (m: Member): MemberView => ({
  _id: m._id,
  name: m.name,
  employeeNo: m.employeeNo,
  department: m.department,
  branchId: m.branchId,
  partyGroupId: m.partyGroupId,
  role: m.role,
  phone: m.phone,
  wecomUserId: m.wecomUserId ?? null,
  bound: m.openid !== null,
  status: m.status,
});

export async function getBranchOrThrow(storage: Storage, branchId: string): Promise<Branch> {
  const branch = await storage.collection<Branch>('branches').get(branchId);
  if (!branch) throw new AppError('NOT_FOUND', '支部不存在');
  return branch;
}

export async function getMemberOrThrow(storage: Storage, memberId: string): Promise<Member> {
  const member = await storage.collection<Member>('members').get(memberId);
  if (!member) throw new AppError('NOT_FOUND', '党员不存在');
  return member;
}

export const activeMembersOf = (storage: Storage, branchId: string): Promise<Member[]> =>
  storage.collection<Member>('members').findAll({ branchId, status: 'active' });

/** Builds summaries from already-loaded members and groups (one read each, whatever the branch count). */
export function summarise(branch: Branch, members: Member[], groups: PartyGroup[]): BranchSummary {
  const secretary = members.find((m) => m.role === 'secretary') ?? null;
  const committee = members.find((m) => m.role === 'branch_committee') ?? null;
  return {
    _id: branch._id,
    name: branch.name,
    department: branch.department,
    status: branch.status,
    releaseTime: branch.releaseTime,
    memberCount: members.length,
    boundCount: members.filter((m) => m.openid !== null).length,
    secretary: secretary && { _id: secretary._id, name: secretary.name },
    committeeMember: committee && { _id: committee._id, name: committee.name },
    groups: groups
      .filter((g) => g.status === 'active')
      .map((g) => ({ _id: g._id, name: g.name, status: g.status, memberCount: members.filter((m) => m.partyGroupId === g._id).length })),
  };
}

export async function branchSummary(storage: Storage, branchId: string): Promise<BranchSummary> {
  const branch = await getBranchOrThrow(storage, branchId);
  const [members, groups] = await Promise.all([
    activeMembersOf(storage, branchId),
    storage.collection<PartyGroup>('partyGroups').findAll({ branchId }),
  ]);
  return summarise(branch, members, groups);
}

export async function committeeName(storage: Storage): Promise<string> {
  const settings = await storage.collection<{ _id: string; committeeName?: string }>('settings').get('organisation');
  return settings?.committeeName ?? '医院党委';
}
