import { AppError } from '../shared/errors';
import { isCommitteeAdmin, isOfficerOf } from '../org/policies';
import type { Actor, Member } from '../org/types';
import type { NoticeAudience } from './types';

/**
 * Who may address whom: branch officers publish within their own branch (whole branch, some party
 * groups, chosen members); the committee office publishes to chosen branches or everyone.
 */
export function assertCanAddress(actor: Actor, audience: NoticeAudience): void {
  if (audience.kind === 'branches' || audience.kind === 'all') {
    if (!isCommitteeAdmin(actor)) throw new AppError('FORBIDDEN', '只有院党委可以向多个支部或全院发布通知');
    return;
  }
  if (!isCommitteeAdmin(actor) && !isOfficerOf(actor, audience.branchId)) throw new AppError('FORBIDDEN', '只能向本支部发布通知');
}

/** The branch a notice belongs to (null for committee-wide notices). */
export const audienceBranchId = (audience: NoticeAudience): string | null =>
  audience.kind === 'branches' || audience.kind === 'all' ? null : audience.branchId;

/**
 * Resolves the audience against the current roster: the recipients are frozen from this list.
 * The author is never her own recipient (the notice is hers under 我发布的, not unread in her inbox,
 * counted in her rate or reminded). Throws when a chosen group or member is not part of the branch,
 * or nobody else would receive it.
 */
export function resolveRecipients(
  audience: NoticeAudience,
  activeMembers: Member[],
  activeGroups: ReadonlyArray<{ _id: string; branchId: string }>,
  authorId: string,
): Member[] {
  const inBranch = (branchId: string) => activeMembers.filter((m) => m.branchId === branchId);
  let recipients: Member[];
  switch (audience.kind) {
    case 'branch':
      recipients = inBranch(audience.branchId);
      break;
    case 'groups': {
      const ofBranch = new Set(activeGroups.filter((g) => g.branchId === audience.branchId).map((g) => g._id));
      const unknown = audience.groupIds.filter((g) => !ofBranch.has(g));
      if (unknown.length) throw new AppError('GROUP_NOT_IN_BRANCH');
      const groups = new Set(audience.groupIds);
      recipients = inBranch(audience.branchId).filter((m) => m.partyGroupId !== null && groups.has(m.partyGroupId));
      break;
    }
    case 'members': {
      const members = inBranch(audience.branchId);
      const chosen = new Set(audience.memberIds);
      recipients = members.filter((m) => chosen.has(m._id));
      if (recipients.length !== chosen.size) throw new AppError('MEMBER_NOT_IN_BRANCH', '所选党员不在本支部');
      break;
    }
    case 'branches': {
      const branches = new Set(audience.branchIds);
      recipients = activeMembers.filter((m) => m.branchId !== null && branches.has(m.branchId));
      break;
    }
    case 'all':
      recipients = activeMembers.filter((m) => m.branchId !== null);
      break;
  }
  recipients = recipients.filter((m) => m._id !== authorId);
  if (recipients.length === 0) throw new AppError('BAD_REQUEST', '所选对象中除你之外没有党员');
  return recipients;
}

export function audienceLabel(audience: NoticeAudience, names: { branch: (id: string) => string; group: (id: string) => string }): string {
  switch (audience.kind) {
    case 'branch':
      return `${names.branch(audience.branchId)}全体`;
    case 'groups':
      return audience.groupIds.map(names.group).join('、');
    case 'members':
      return `指定 ${audience.memberIds.length} 名党员`;
    case 'branches':
      return audience.branchIds.length <= 3 ? audience.branchIds.map(names.branch).join('、') : `${audience.branchIds.length} 个支部`;
    case 'all':
      return '全院党员';
  }
}
