import * as p from '../../src/domain/org/policies';
import { policyTable } from './policy-table';

describe('organisation policies', () => {
  policyTable([
    ['manage organisation', p.canManageOrganisation, { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['manage branch b1', (a) => p.canManageBranch(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['view roster of b1', (a) => p.canViewBranchRoster(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['manage invites of b1', (a) => p.canManageInvites(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['import roster', p.canImportRoster, { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['move member', p.canMoveMember, { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['view branch b1', (a) => p.canViewBranch(a, 'b1'), { admin: true, secretary: true, committee: true, member: true, otherSecretary: false }],
  ]);
});
