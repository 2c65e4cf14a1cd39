import { orgFunction } from '../../cloudfunctions/org/src/handler';
import type { Member } from '../../src/domain/org/types';
import { ADMIN, makeWorld, type FunctionWorld, requestId } from './harness';
import { B1, B2, officers } from './org-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

describe('function envelope', () => {
  it('refuses unknown actions and malformed payloads, writing nothing', async () => {
    expect(await world.call(orgFunction, ADMIN, 'branch.drop', {})).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
    expect(await world.call(orgFunction, ADMIN, 'branch.create', { name: '新支部', requestId: requestId() })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '请填写科室' });
    expect(await world.call(orgFunction, ADMIN, 'branch.create', { name: '新支部', department: '科', admin: true, requestId: requestId() })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '不支持的字段「admin」' });
    expect(await world.call(orgFunction, ADMIN, 'branch.create', { name: 'x'.repeat(31), department: '科', requestId: requestId() })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '支部名称不能超过 30 个字' });
    expect(await world.storage.collection('branches').count({})).toBe(14);
  });
});

describe('branches', () => {
  it('lists all 14 demo branches for the committee with counts and officers', async () => {
    const { branches, committeeName } = await world.ok(orgFunction, ADMIN, 'branches.list', {});
    expect(committeeName).toBe('示范市第一人民医院党委');
    expect(branches).toHaveLength(14);
    const cardio = branches.find((b: { _id: string }) => b._id === B1);
    expect(cardio).toMatchObject({ memberCount: 26, groups: [{ name: '医生党小组', memberCount: 13 }, { name: '护理党小组', memberCount: 13 }] });
    expect(cardio.secretary.name).toBeTruthy();
    const total = branches.reduce((n: number, b: { memberCount: number }) => n + b.memberCount, 0);
    expect(total).toBeGreaterThanOrEqual(270);
  });

  it('shows an ordinary member only their own branch', async () => {
    const { bound } = await officers(world, B2);
    const { branches } = await world.ok(orgFunction, bound[0].openid, 'branches.list', {});
    expect(branches.map((b: { _id: string }) => b._id)).toEqual([B2]);
    expect(await world.call(orgFunction, bound[0].openid, 'branch.get', { branchId: B1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('creates, renames and archives a branch; names stay unique', async () => {
    const created = await world.ok(orgFunction, ADMIN, 'branch.create', { name: '康复医学科党支部', department: '康复医学科', requestId: requestId() });
    expect(created).toMatchObject({ name: '康复医学科党支部', status: 'active', releaseTime: '07:00', memberCount: 0 });
    expect(await world.call(orgFunction, ADMIN, 'branch.create', { name: '康复医学科党支部', department: 'x', requestId: requestId() })).toMatchObject({ ok: false, code: 'BRANCH_NAME_TAKEN' });
    expect(await world.call(orgFunction, ADMIN, 'branch.rename', { branchId: created._id, name: '骨科党支部' })).toMatchObject({ ok: false, code: 'BRANCH_NAME_TAKEN' });
    expect(await world.ok(orgFunction, ADMIN, 'branch.rename', { branchId: created._id, name: '康复科党支部' })).toMatchObject({ name: '康复科党支部' });
    expect(await world.ok(orgFunction, ADMIN, 'branch.archive', { branchId: created._id })).toMatchObject({ status: 'archived' });
    const { branches } = await world.ok(orgFunction, ADMIN, 'branches.list', {});
    expect(branches.some((b: { _id: string }) => b._id === created._id)).toBe(false);
    const all = await world.ok(orgFunction, ADMIN, 'branches.list', { includeArchived: true });
    expect(all.branches.some((b: { _id: string }) => b._id === created._id)).toBe(true);
  });

  it('refuses to archive a branch that still has members', async () => {
    expect(await world.call(orgFunction, ADMIN, 'branch.archive', { branchId: B1 })).toMatchObject({ ok: false, code: 'CONFLICT', message: '支部还有 26 名党员，请先调往其他支部再归档' });
  });

  it('only the committee manages branches', async () => {
    const { secretary } = await officers(world, B1);
    expect(await world.call(orgFunction, secretary.openid, 'branch.create', { name: '甲党支部', department: '甲', requestId: requestId() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(orgFunction, secretary.openid, 'branch.rename', { branchId: B1, name: '乙' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('assigning a new secretary makes the previous one an ordinary member', async () => {
    const { secretary, bound } = await officers(world, B1);
    const summary = await world.ok(orgFunction, ADMIN, 'branch.assignRole', { branchId: B1, memberId: bound[0]._id, role: 'secretary' });
    expect(summary.secretary).toEqual({ _id: bound[0]._id, name: bound[0].name });
    expect((await world.storage.collection<Member>('members').get(secretary._id))!.role).toBe('member');
    const other = (await officers(world, B2)).bound[0];
    expect(await world.call(orgFunction, ADMIN, 'branch.assignRole', { branchId: B1, memberId: other._id, role: 'secretary' })).toMatchObject({ ok: false, code: 'MEMBER_NOT_IN_BRANCH' });
  });
});

describe('party groups', () => {
  it('the branch secretary creates, renames and archives groups of their own branch only', async () => {
    const { secretary } = await officers(world, B2);
    const created = await world.ok(orgFunction, secretary.openid, 'group.create', { branchId: B2, name: '第一党小组', requestId: requestId() });
    const group = created.groups.find((g: { name: string }) => g.name === '第一党小组');
    expect(group).toBeTruthy();
    expect(await world.call(orgFunction, secretary.openid, 'group.create', { branchId: B2, name: '第一党小组', requestId: requestId() })).toMatchObject({ ok: false, code: 'GROUP_NAME_TAKEN' });
    expect(await world.call(orgFunction, secretary.openid, 'group.create', { branchId: B1, name: '越权小组', requestId: requestId() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await world.ok(orgFunction, secretary.openid, 'group.rename', { groupId: group._id, name: '一组' })).groups[0].name).toBe('一组');
    expect((await world.ok(orgFunction, secretary.openid, 'group.archive', { groupId: group._id })).groups).toEqual([]);
  });
});

describe('members', () => {
  it('pages a branch roster by employee number', async () => {
    const { secretary } = await officers(world, B1);
    const first = await world.ok(orgFunction, secretary.openid, 'members.list', { branchId: B1, limit: 10 });
    const second = await world.ok(orgFunction, secretary.openid, 'members.list', { branchId: B1, limit: 10, after: first.next });
    const third = await world.ok(orgFunction, secretary.openid, 'members.list', { branchId: B1, limit: 10, after: second.next });
    const ids = [...first.members, ...second.members, ...third.members].map((m: { _id: string }) => m._id);
    expect(ids).toHaveLength(26);
    expect(new Set(ids).size).toBe(26);
    expect(third.next).toBeNull();
    expect(JSON.stringify(first)).not.toContain('openid');
  });

  it('a member cannot list the roster; another branch secretary cannot either', async () => {
    const b1 = await officers(world, B1);
    const b2 = await officers(world, B2);
    expect(await world.call(orgFunction, b1.bound[0].openid, 'members.list', { branchId: B1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(orgFunction, b2.secretary.openid, 'members.list', { branchId: B1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('moves a member with history kept and the old office left behind', async () => {
    const { secretary } = await officers(world, B1);
    const moved = await world.ok(orgFunction, ADMIN, 'member.move', { memberId: secretary._id, toBranchId: B2, reason: '轮转' });
    expect(moved).toMatchObject({ branchId: B2, role: 'member', partyGroupId: null });
    const history = await world.ok(orgFunction, ADMIN, 'member.history', { memberId: secretary._id });
    expect(history.moves).toEqual([
      expect.objectContaining({ fromBranchId: B1, toBranchId: B2, fromBranchName: '心血管内科党支部', toBranchName: '呼吸与危重症医学科党支部', reason: '轮转', by: 'm_H01001' }),
    ]);
    // The member still sees their own history; they now belong to B2.
    expect(await world.ok(orgFunction, secretary.openid, 'me')).toMatchObject({ branch: { _id: B2 } });
    expect(await world.call(orgFunction, ADMIN, 'member.move', { memberId: secretary._id, toBranchId: B2 })).toMatchObject({ ok: false, code: 'SAME_BRANCH' });
    expect(await world.call(orgFunction, ADMIN, 'member.move', { memberId: secretary._id, toBranchId: B1, toGroupId: 'g_demo051' })).toMatchObject({ ok: false, code: 'GROUP_NOT_IN_BRANCH' });
  });

  it('only the committee moves members between branches', async () => {
    const { secretary, bound } = await officers(world, B1);
    expect(await world.call(orgFunction, secretary.openid, 'member.move', { memberId: bound[0]._id, toBranchId: B2 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('the secretary moves a member between party groups of their branch', async () => {
    const { secretary, bound } = await officers(world, B1);
    const m = bound.find((x) => x.partyGroupId === 'g_demo011')!;
    expect(await world.ok(orgFunction, secretary.openid, 'member.setGroup', { memberId: m._id, groupId: 'g_demo012' })).toMatchObject({ partyGroupId: 'g_demo012' });
    expect(await world.call(orgFunction, secretary.openid, 'member.setGroup', { memberId: m._id, groupId: 'g_demo051' })).toMatchObject({ ok: false, code: 'GROUP_NOT_IN_BRANCH' });
  });
});
