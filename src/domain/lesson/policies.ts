import { isCommitteeAdmin, isOfficerOf } from '../org/policies';
import type { Actor } from '../org/types';
import type { Lesson, PlanScope } from './lesson';

/**
 * Who may do what with lessons, as one-line policies. The central library and plan belong to the
 * committee office; a branch's officers keep the branch's own lessons and overrides.
 */

/** Create in a library: central (branchId null) for the committee, a branch's own for its officers. */
export const canManageLibrary = (a: Actor, branchId: string | null): boolean =>
  isCommitteeAdmin(a) || (branchId !== null && isOfficerOf(a, branchId));

export const canEditLesson = (a: Actor, lesson: Pick<Lesson, 'branchId'>): boolean => canManageLibrary(a, lesson.branchId);

/** Browse a library: officers see the central library and their branch's own; the committee sees all. */
export const canBrowseLibrary = (a: Actor, lesson: Pick<Lesson, 'branchId'>): boolean =>
  isCommitteeAdmin(a) || ((a.role === 'secretary' || a.role === 'branch_committee') && (lesson.branchId === null || lesson.branchId === a.branchId));

export const canPlan = (a: Actor, scope: PlanScope, branchId: string | null): boolean =>
  scope === 'central' ? isCommitteeAdmin(a) : branchId !== null && (isCommitteeAdmin(a) || isOfficerOf(a, branchId));

/** Month views: anyone in the branch sees its calendar; officers plan it; the central plan is for officers and the committee. */
export const canViewPlan = (a: Actor, branchId: string | null): boolean =>
  branchId === null ? isCommitteeAdmin(a) || a.role === 'secretary' || a.role === 'branch_committee' : isCommitteeAdmin(a) || a.branchId === branchId;

export const canViewBranchLessonStats = (a: Actor, branchId: string): boolean => isCommitteeAdmin(a) || isOfficerOf(a, branchId);

export const canViewCommitteeLessonStats = (a: Actor): boolean => isCommitteeAdmin(a);

export const canRemindStudy = (a: Actor, branchId: string): boolean => isCommitteeAdmin(a) || isOfficerOf(a, branchId);

/** Per-lesson stats: the lesson's owners (the committee for central lessons, with a branch filter for officers). */
export const canViewLessonStats = (a: Actor, lesson: Pick<Lesson, 'branchId'>, branchId: string | null): boolean =>
  isCommitteeAdmin(a) || (branchId !== null && isOfficerOf(a, branchId) && (lesson.branchId === null || lesson.branchId === branchId));
