import { randomBytes } from 'node:crypto';
import { ROLE_LABELS, type Branch, type Member, type PartyGroup, type Role } from '../../src/domain/org/types';
import { issueSessionToken } from '../_runtime/session-token';
import type { Storage } from '../_runtime/storage/port';

/**
 * Local-only identity routes. `session/new` stands in for "a WeChat user opens the mini program for
 * the first time": a fresh identity with no member bound. Demo personas exist only with demo data.
 */
const ROLE_ORDER: Role[] = ['committee_admin', 'secretary', 'branch_committee', 'member'];

export async function listPersonas(storage: Storage) {
  const [members, branches, groups] = await Promise.all([
    storage.collection<Member>('members').findAll({ status: 'active', openid: { $ne: null } }),
    storage.collection<Branch>('branches').findAll({}),
    storage.collection<PartyGroup>('partyGroups').findAll({}),
  ]);
  const branchName = (id: string | null) => branches.find((b) => b._id === id)?.name ?? null;
  const groupName = (id: string | null) => groups.find((g) => g._id === id)?.name ?? null;
  // Every officer, plus the first few members of each branch: enough to try every view.
  const seenPerBranch = new Map<string, number>();
  const chosen = members
    .filter((m) => String(m.openid).startsWith('demo:'))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.employeeNo.localeCompare(b.employeeNo))
    .filter((m) => {
      if (m.role !== 'member') return true;
      const seen = seenPerBranch.get(m.branchId ?? '') ?? 0;
      seenPerBranch.set(m.branchId ?? '', seen + 1);
      return seen < 3;
    });
  return chosen.map((m) => ({
    memberId: m._id,
    name: m.name,
    role: m.role,
    roleLabel: ROLE_LABELS[m.role],
    branchName: branchName(m.branchId),
    groupName: groupName(m.partyGroupId),
  }));
}

/** The body of `POST /api/session/demo`: `{ memberId: "<non-empty id>" }`, else null (a 400, not a lookup). */
export function demoMemberId(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const memberId = (body as { memberId?: unknown }).memberId;
  return typeof memberId === 'string' && /^[\w:-]{1,64}$/.test(memberId) ? memberId : null;
}

export async function demoSessionFor(storage: Storage, memberId: string, secret: string, now: number): Promise<string | null> {
  const member = await storage.collection<Member>('members').get(memberId);
  if (!member || member.status !== 'active' || !member.openid?.startsWith('demo:')) return null;
  return issueSessionToken(member.openid, secret, now);
}

export const newUserSession = (secret: string, now: number): string =>
  issueSessionToken(`local:${randomBytes(12).toString('hex')}`, secret, now);
