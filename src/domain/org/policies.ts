import type { Actor } from './types';

/**
 * Permissions as one-line policies. Handlers call these after identifying the actor; nothing else
 * decides who may do what.
 */
export const isCommitteeAdmin = (a: Actor): boolean => a.role === 'committee_admin';

/** Branch officers: the secretary and the branch committee member of that branch. */
export const isOfficerOf = (a: Actor, branchId: string): boolean =>
  (a.role === 'secretary' || a.role === 'branch_committee') && a.branchId === branchId;

export const canManageOrganisation = (a: Actor): boolean => isCommitteeAdmin(a);

export const canManageBranch = (a: Actor, branchId: string): boolean =>
  isCommitteeAdmin(a) || isOfficerOf(a, branchId);

export const canViewBranchRoster = (a: Actor, branchId: string): boolean => canManageBranch(a, branchId);

export const canManageInvites = (a: Actor, branchId: string): boolean => canManageBranch(a, branchId);

export const canImportRoster = (a: Actor): boolean => isCommitteeAdmin(a);

export const canMoveMember = (a: Actor): boolean => isCommitteeAdmin(a);

export const canViewBranch = (a: Actor, branchId: string): boolean =>
  isCommitteeAdmin(a) || a.branchId === branchId;

/** Notices: who may see who has read. A member sees only their own receipt. */
export const canTrackNotice = (a: Actor, notice: { authorId: string; branchId: string | null }): boolean =>
  a.memberId === notice.authorId || isCommitteeAdmin(a) || (notice.branchId !== null && isOfficerOf(a, notice.branchId));

export const canPublishNotices = (a: Actor): boolean =>
  isCommitteeAdmin(a) || ((a.role === 'secretary' || a.role === 'branch_committee') && a.branchId !== null);
