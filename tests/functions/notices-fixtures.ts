import { noticesFunction } from '../../cloudfunctions/notices/src/handler';
import type { Member } from '../../src/domain/org/types';
import { requestId, type FunctionWorld } from './harness';

/** Builders for notice tests: who is who in the demo hospital, and a default publish payload. */
export async function cast(world: FunctionWorld, branchId: string) {
  const members = await world.storage.collection<Member>('members').findAll({ branchId, status: 'active' });
  const sorted = members.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  return {
    secretary: sorted.find((m) => m.role === 'secretary')!,
    committee: sorted.find((m) => m.role === 'branch_committee')!,
    members: sorted.filter((m) => m.role === 'member' && m.openid !== null),
    all: sorted,
  };
}

export const draft = (over: Record<string, unknown> = {}) => ({
  title: '关于开展主题党日活动的通知',
  body: '各位党员：\n本周五 17:30 在示教室开展主题党日活动，请准时参加。\n详情见 https://example.org/a',
  audience: { kind: 'branch', branchId: 'b_demo01' },
  requestId: requestId(),
  ...over,
});

export const publishAs = (world: FunctionWorld, openid: string | null, over: Record<string, unknown> = {}) =>
  world.ok(noticesFunction, openid, 'publish', draft(over));
