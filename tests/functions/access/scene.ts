import { lessonsFunction } from '../../../cloudfunctions/lessons/src/handler';
import { noticesFunction } from '../../../cloudfunctions/notices/src/handler';
import { orgFunction } from '../../../cloudfunctions/org/src/handler';
import { COLLECTIONS } from '../../../cloudfunctions/_runtime/storage/collections';
import type { FunctionHandler } from '../../../cloudfunctions/_runtime/handler';
import type { Member } from '../../../src/domain/org/types';
import { ADMIN, makeWorld, requestId, type FunctionWorld } from '../harness';
import { articleInput } from '../lessons-fixtures';
import { csvBase64 } from '../org-fixtures';

/** The callers every action is tried by (issue 8, section 6). */
export const PERSONAS = ['none', 'unbound', 'memberA1', 'memberA2', 'memberB', 'secretaryA', 'secretaryB', 'committeeA', 'admin'] as const;
export type Persona = (typeof PERSONAS)[number];

export const BRANCH_A = 'b_demo01';
export const BRANCH_B = 'b_demo02';
export const GROUP_1 = 'g_demo011';
export const GROUP_2 = 'g_demo012';

/**
 * The demo hospital plus one of each thing an action can address: a notice from A's committee member to
 * party group 1 (with acknowledgement), an invite of A, an unbound member of A, an empty branch, a
 * central lesson planned and released today, branch A's own lesson, and the admin's roster job.
 */
export interface Scene {
  world: FunctionWorld;
  openid: Record<Persona, string | null>;
  member: Record<'memberA1' | 'memberA2' | 'memberB', Member>;
  /** A member of B who is none of the personas (moved by member.move). */
  bystanderB: Member;
  unboundA: Member;
  noticeId: string;
  inviteCode: string;
  emptyBranchId: string;
  centralLessonId: string;
  branchLessonId: string;
  rosterJobId: string;
  today: string;
  tomorrow: string;
}

const byNo = (a: Member, b: Member) => a.employeeNo.localeCompare(b.employeeNo);

export async function makeScene(): Promise<Scene> {
  const world = await makeWorld();
  const members = (await world.storage.collection<Member>('members').findAll({ status: 'active' })).sort(byNo);
  const of = (branchId: string, role: Member['role']) => members.filter((m) => m.branchId === branchId && m.role === role);
  const boundMember = (branchId: string, groupId: string | null, skip = 0) =>
    members.filter((m) => m.branchId === branchId && m.role === 'member' && m.openid !== null && (groupId === null || m.partyGroupId === groupId))[skip];
  const secretaryA = of(BRANCH_A, 'secretary')[0];
  const openid: Record<Persona, string | null> = {
    none: null,
    unbound: 'local:stranger',
    memberA1: boundMember(BRANCH_A, GROUP_1).openid,
    memberA2: boundMember(BRANCH_A, GROUP_2).openid,
    memberB: boundMember(BRANCH_B, null).openid,
    secretaryA: secretaryA.openid,
    secretaryB: of(BRANCH_B, 'secretary')[0].openid,
    committeeA: of(BRANCH_A, 'branch_committee')[0].openid,
    admin: ADMIN,
  };
  const call = <T = any>(fn: FunctionHandler, who: string | null, action: string, data: unknown) => world.ok<T>(fn, who, action, data);

  // From A's committee member (in group 2), so group 1's secretary is a recipient and not its author.
  const notice = await call(noticesFunction, of(BRANCH_A, 'branch_committee')[0].openid, 'publish', {
    title: '党小组学习通知',
    body: '请第一党小组的同志周五参加学习。',
    audience: { kind: 'groups', branchId: BRANCH_A, groupIds: [GROUP_1] },
    requireAck: true,
    requestId: requestId(),
  });
  const invite = await call(orgFunction, secretaryA.openid, 'invites.create', { branchId: BRANCH_A, days: 7, requestId: requestId() });
  const empty = await call(orgFunction, ADMIN, 'branch.create', { name: '待撤销党支部', department: '待撤销', requestId: requestId() });
  const central = await call(lessonsFunction, ADMIN, 'library.create', articleInput({ title: '全院微党课' }));
  const own = await call(lessonsFunction, secretaryA.openid, 'library.create', articleInput({ branchId: BRANCH_A, title: '支部自己的课' }));
  // The seed's clock is Sunday 09:00 in Shanghai: today's lesson opened at 07:00.
  const plan = await call(lessonsFunction, ADMIN, 'plan.set', { scope: 'central', date: '2026-11-22', lessonId: central._id });
  const job = await call(orgFunction, ADMIN, 'roster.validate', {
    fileName: 'roster.csv',
    contentBase64: csvBase64([['姓名', '工号', '科室', '支部'], ['新来的', 'Z0001', '心血管内科', '心血管内科党支部']]),
  });
  return {
    world,
    openid,
    member: { memberA1: boundMember(BRANCH_A, GROUP_1), memberA2: boundMember(BRANCH_A, GROUP_2), memberB: boundMember(BRANCH_B, null) },
    bystanderB: boundMember(BRANCH_B, null, 1),
    unboundA: members.find((m) => m.branchId === BRANCH_A && m.openid === null)!,
    noticeId: notice.noticeId,
    inviteCode: invite.code,
    emptyBranchId: empty._id,
    centralLessonId: central._id,
    branchLessonId: own._id,
    rosterJobId: job.jobId,
    today: plan.date,
    tomorrow: '2026-11-23',
  };
}

/** Everything stored and sent: a refused call must leave this exactly as it was. */
export async function snapshot(world: FunctionWorld): Promise<string> {
  const parts: Record<string, unknown> = {};
  for (const name of Object.keys(COLLECTIONS)) parts[name] = await world.storage.collection(name).findAll({});
  parts.outbox = world.wechat.outbox();
  return JSON.stringify(parts);
}
