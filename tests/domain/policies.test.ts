import * as p from '../../src/domain/org/policies';
import type { Actor, Role } from '../../src/domain/org/types';

const actor = (role: Role, branchId: string | null = 'b1'): Actor => ({ memberId: 'm', role, branchId });

describe('organisation policies', () => {
  const cases: Array<[string, (a: Actor) => boolean, Record<string, boolean>]> = [
    ['manage organisation', p.canManageOrganisation, { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['manage branch b1', (a) => p.canManageBranch(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['view roster of b1', (a) => p.canViewBranchRoster(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['manage invites of b1', (a) => p.canManageInvites(a, 'b1'), { admin: true, secretary: true, committee: true, member: false, otherSecretary: false }],
    ['import roster', p.canImportRoster, { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['move member', p.canMoveMember, { admin: true, secretary: false, committee: false, member: false, otherSecretary: false }],
    ['view branch b1', (a) => p.canViewBranch(a, 'b1'), { admin: true, secretary: true, committee: true, member: true, otherSecretary: false }],
  ];
  const actors: Record<string, Actor> = {
    admin: actor('committee_admin', null),
    secretary: actor('secretary'),
    committee: actor('branch_committee'),
    member: actor('member'),
    otherSecretary: actor('secretary', 'b2'),
  };
  for (const [name, policy, expected] of cases) {
    it(`${name}: ${JSON.stringify(expected)}`, () => {
      const got = Object.fromEntries(Object.entries(actors).map(([k, a]) => [k, policy(a)]));
      expect(got).toEqual(expected);
    });
  }
});
