import type { Member } from '../../src/domain/org/types';
import type { FunctionWorld } from './harness';

/** Finds seeded members by branch and role, so tests do not depend on generated names. */
export async function officers(world: FunctionWorld, branchId: string) {
  const members = await world.storage.collection<Member>('members').findAll({ branchId, status: 'active' });
  const byRole = (role: Member['role']) => members.filter((m) => m.role === role);
  return {
    secretary: byRole('secretary')[0],
    committee: byRole('branch_committee')[0],
    bound: byRole('member').filter((m) => m.openid !== null),
    unbound: byRole('member').filter((m) => m.openid === null),
    all: members,
  };
}

export const B1 = 'b_demo01';
export const B2 = 'b_demo02';

export function csvBase64(rows: string[][]): string {
  return Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n'), 'utf8').toString('base64');
}
