import { orgFunction } from '../../../cloudfunctions/org/src/handler';
import { orgInput } from '../../../src/domain/api/org';
import { requestId } from '../harness';
import { csvBase64 } from '../org-fixtures';
import { accessMatrix, everyoneBound, officersOfA, row, type AccessRow } from './matrix';
import { BRANCH_A, GROUP_1, GROUP_2, type Persona } from './scene';

const adminOnly = { admin: 'ok' } as const;
const alreadyBound = (p: Persona) => (p === 'none' ? 'UNAUTHENTICATED' : p === 'unbound' ? 'ok' : 'ALREADY_BOUND');
const bindRow = { none: '', unbound: '', memberA1: '', memberA2: '', memberB: '', secretaryA: '', secretaryB: '', committeeA: '', admin: '' };
const bindExpect = Object.fromEntries(Object.keys(bindRow).map((p) => [p, alreadyBound(p as Persona)])) as AccessRow['expect'];
/** A unique name per caller, so allowed creates and renames in one scene do not clash. */
const nameFor = (who: Persona, what: string) => `${who}${what}`.slice(0, 30);

const ORG: Record<string, AccessRow> = {
  me: { input: () => ({}), expect: row({ unbound: 'ok', ...everyoneBound }) },
  home: { input: () => ({}), expect: row({ unbound: 'ok', ...everyoneBound }) },
  'bind.invite': { input: (s) => ({ code: s.inviteCode, name: '新党员', employeeNo: 'X9001' }), expect: bindExpect },
  'bind.roster': { input: (s) => ({ name: s.unboundA.name, employeeNo: s.unboundA.employeeNo }), expect: bindExpect },
  'branches.list': { input: () => ({}), expect: row(everyoneBound) },
  'branch.get': { input: () => ({ branchId: BRANCH_A }), expect: row({ memberA1: 'ok', memberA2: 'ok', ...officersOfA }) },
  'branch.create': { input: (_s, who) => ({ name: nameFor(who, '党支部'), department: '新科室', requestId: requestId() }), expect: row(adminOnly) },
  'branch.rename': { input: (_s, who) => ({ branchId: BRANCH_A, name: nameFor(who, '改名党支部') }), expect: row(adminOnly) },
  'branch.archive': { input: (s) => ({ branchId: s.emptyBranchId }), expect: row(adminOnly) },
  'branch.assignRole': { input: (s) => ({ branchId: BRANCH_A, memberId: s.member.memberA2._id, role: 'branch_committee' }), expect: row(adminOnly) },
  'group.create': { input: (_s, who) => ({ branchId: BRANCH_A, name: nameFor(who, '党小组'), requestId: requestId() }), expect: row(officersOfA) },
  'group.rename': { input: (_s, who) => ({ groupId: GROUP_1, name: nameFor(who, '改名小组') }), expect: row(officersOfA) },
  'group.archive': { input: () => ({ groupId: GROUP_2 }), expect: row(officersOfA) },
  'members.list': { input: () => ({ branchId: BRANCH_A }), expect: row(officersOfA) },
  'member.move': { input: (s) => ({ memberId: s.bystanderB._id, toBranchId: BRANCH_A, reason: '轮转' }), expect: row(adminOnly) },
  'member.setGroup': { input: (s) => ({ memberId: s.member.memberA1._id, groupId: GROUP_2 }), expect: row(officersOfA) },
  // A member may read their own history.
  'member.history': { input: (s) => ({ memberId: s.member.memberA1._id }), expect: row({ memberA1: 'ok', ...officersOfA }) },
  'invites.list': { input: () => ({ branchId: BRANCH_A }), expect: row(officersOfA) },
  'invites.create': { input: () => ({ branchId: BRANCH_A, days: 7, requestId: requestId() }), expect: row(officersOfA) },
  'invites.qr': { input: (s) => ({ code: s.inviteCode }), expect: row(officersOfA) },
  'invites.revoke': { input: (s) => ({ code: s.inviteCode }), expect: row(officersOfA) },
  'roster.validate': {
    input: () => ({ fileName: 'r.csv', contentBase64: csvBase64([['姓名', '工号', '科室', '支部'], ['另一人', 'Z0002', '心血管内科', '心血管内科党支部']]) }),
    expect: row(adminOnly),
  },
  'roster.apply': { input: (s) => ({ jobId: s.rosterJobId }), expect: row(adminOnly) },
  'roster.job': { input: (s) => ({ jobId: s.rosterJobId }), expect: row(adminOnly) },
  'roster.template': { input: () => ({}), expect: row(adminOnly) },
  'member.setWecom': { input: (s) => ({ memberId: s.member.memberA1._id, wecomUserId: 'wecom.a1' }), expect: row(officersOfA) },
  'reach.settings': { input: () => ({}), expect: row(adminOnly) },
  'reach.saveSettings': { input: () => ({ smsMonthlyCap: 100, quietStart: '22:00', quietEnd: '07:00', secondRoundAfterHours: 2 }), expect: row(adminOnly) },
  'reach.testSend': { input: () => ({ channel: 'wechat', requestId: requestId() }), expect: row(adminOnly) },
  // Every bound member reads their own reach (我的).
  'reach.mine': { input: () => ({}), expect: row(everyoneBound) },
};

accessMatrix('org', orgFunction, Object.keys(orgInput), ORG);
