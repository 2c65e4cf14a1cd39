import * as p from '../../src/domain/lesson/policies';
import { policyTable } from './policy-table';

const central = { branchId: null };
const own = { branchId: 'b1' };

describe('lesson policies', () => {
  policyTable([
    ['manage central library', (a) => p.canManageLibrary(a, null), { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['manage b1 library', (a) => p.canManageLibrary(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['edit a central lesson', (a) => p.canEditLesson(a, central), { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['edit a b1 lesson', (a) => p.canEditLesson(a, own), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['browse a central lesson', (a) => p.canBrowseLibrary(a, central), { admin: true, secretary: true, committee: true, member: false, otherSecretary: true }],
    ['browse a b1 lesson', (a) => p.canBrowseLibrary(a, own), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['plan central', (a) => p.canPlan(a, 'central', null), { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['plan b1', (a) => p.canPlan(a, 'branch', 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['view central plan', (a) => p.canViewPlan(a, null), { admin: true, secretary: true, committee: true, member: false, otherSecretary: true }],
    ['view b1 plan', (a) => p.canViewPlan(a, 'b1'), { admin: true, secretary: true, committee: true, member: true, otherSecretary: false }],
    ['b1 stats', (a) => p.canViewBranchLessonStats(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['committee stats', p.canViewCommitteeLessonStats, { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['remind b1', (a) => p.canRemindStudy(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['central lesson stats for b1', (a) => p.canViewLessonStats(a, central, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['central lesson stats, all branches', (a) => p.canViewLessonStats(a, central, null), { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
  ]);
});
