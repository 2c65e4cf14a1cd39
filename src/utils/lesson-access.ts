import type { MemberView } from '../domain/api/org';
import { isCommitteeAdmin, isOfficerOf } from '../domain/org/policies';
import { actorOf } from './actor';
import { ROUTES, withQuery } from './routes';

/** What lesson administration a member may open from the tabs (the functions check again). */
export interface LessonAccess {
  committee: boolean;
  /** The branch the member is an officer of, if any. */
  officerOf: string | null;
}

export function lessonAccess(member: MemberView): LessonAccess {
  const actor = actorOf(member);
  return {
    committee: isCommitteeAdmin(actor),
    officerOf: member.branchId !== null && isOfficerOf(actor, member.branchId) ? member.branchId : null,
  };
}

/** The “学习情况” page for this member: the hospital for committee admins, the branch for officers. */
export function lessonStatsUrl(access: LessonAccess): string | null {
  if (access.committee) return ROUTES.lessonCommittee;
  if (access.officerOf) return withQuery(ROUTES.lessonStats, { branchId: access.officerOf });
  return null;
}
