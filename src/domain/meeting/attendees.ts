import { AppError } from '../shared/errors';
import type { Member } from '../org/types';
import type { MeetingAttendees } from './types';

/**
 * Resolves who is invited against the current roster (active members of the branch, or of the
 * hospital for `hospital`). Throws when a chosen group or member is not in the branch, or nobody
 * would be invited. The result is frozen into one attendance row each.
 */
export function resolveAttendees(
  attendees: MeetingAttendees,
  branchId: string | null,
  activeMembers: Member[],
  activeGroups: ReadonlyArray<{ _id: string; branchId: string }>,
): Member[] {
  const inBranch = activeMembers.filter((m) => m.status === 'active' && (branchId === null ? m.branchId !== null : m.branchId === branchId));
  let chosen: Member[];
  switch (attendees.kind) {
    case 'hospital':
    case 'branch':
      chosen = inBranch;
      break;
    case 'committee':
      chosen = inBranch.filter((m) => m.role === 'secretary' || m.role === 'branch_committee');
      if (chosen.length === 0) throw new AppError('BAD_REQUEST', '本支部尚未设置支部委员，无法召开支委会', { path: 'attendees' });
      break;
    case 'groups': {
      const ofBranch = new Set(activeGroups.filter((g) => g.branchId === branchId).map((g) => g._id));
      if (attendees.groupIds.some((g) => !ofBranch.has(g))) throw new AppError('GROUP_NOT_IN_BRANCH');
      const groups = new Set(attendees.groupIds);
      chosen = inBranch.filter((m) => m.partyGroupId !== null && groups.has(m.partyGroupId));
      break;
    }
    case 'members': {
      const byId = new Map(inBranch.map((m) => [m._id, m]));
      if (attendees.memberIds.some((id) => !byId.has(id))) throw new AppError('MEMBER_NOT_IN_BRANCH');
      chosen = [...new Set(attendees.memberIds)].map((id) => byId.get(id)!);
      break;
    }
  }
  if (chosen.length === 0) throw new AppError('BAD_REQUEST', '所选参会人员中没有党员', { path: 'attendees' });
  return chosen;
}

/** The label the notice and the detail page show for the invited. */
export function attendeesLabel(attendees: MeetingAttendees, count: number, groupNames: string[]): string {
  switch (attendees.kind) {
    case 'branch':
      return `全体党员（${count} 人）`;
    case 'hospital':
      return `全院党员（${count} 人）`;
    case 'committee':
      return `支部委员会（${count} 人）`;
    case 'groups':
      return `${groupNames.join('、')}（${count} 人）`;
    case 'members':
      return `指定 ${count} 人`;
  }
}
