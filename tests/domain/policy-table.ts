import type { Actor, Role } from '../../src/domain/org/types';

const actor = (role: Role, branchId: string | null = 'b1'): Actor => ({ memberId: 'm', role, branchId });

/** The five people every policy table asks about: officers and a member of branch b1, and b2's secretary. */
const ACTORS = {
  admin: actor('committee_admin', null),
  secretary: actor('secretary'),
  committee: actor('branch_committee'),
  member: actor('member'),
  otherSecretary: actor('secretary', 'b2'),
};

export type PolicyCase = [name: string, policy: (a: Actor) => boolean, expected: Record<keyof typeof ACTORS, boolean>];

/** One test per case: what the policy answers for each of the five actors, compared as a whole. */
export function policyTable(cases: PolicyCase[]): void {
  for (const [name, policy, expected] of cases) {
    it(`${name}: ${JSON.stringify(expected)}`, () => {
      const got = Object.fromEntries(Object.entries(ACTORS).map(([k, a]) => [k, policy(a)]));
      expect(got).toEqual(expected);
    });
  }
}
