import { orgFunction } from '../../cloudfunctions/org/src/handler';
import { makeWorld, type FunctionWorld, requestId } from './harness';
import { B1, B2, officers } from './org-fixtures';

const DAY = 24 * 3600 * 1000;
let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

describe('org.me', () => {
  it('refuses a call without a platform identity', async () => {
    expect(await world.call(orgFunction, null, 'me')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('tells a new identity it is not bound yet', async () => {
    expect(await world.ok(orgFunction, 'local:new', 'me')).toEqual({ bound: false, demo: true });
  });

  it('shows a bound member their branch, group and role', async () => {
    const { secretary } = await officers(world, B1);
    const me = await world.ok(orgFunction, secretary.openid, 'me');
    expect(me).toMatchObject({
      bound: true,
      member: { _id: secretary._id, name: secretary.name, role: 'secretary', bound: true },
      branch: { _id: B1, name: '心血管内科党支部' },
      group: { name: '医生党小组' },
      committeeName: '示范市第一人民医院党委',
    });
    expect(JSON.stringify(me)).not.toContain('demo:');
  });
});

describe('binding by roster match', () => {
  it('binds once with name + employee number, then the member is recognised', async () => {
    const target = (await officers(world, B1)).unbound[0];
    const me = await world.ok(orgFunction, 'local:phone-a', 'bind.roster', { name: target.name, employeeNo: target.employeeNo });
    expect(me).toMatchObject({ bound: true, member: { _id: target._id } });
    expect(await world.ok(orgFunction, 'local:phone-a', 'me')).toMatchObject({ member: { _id: target._id } });
  });

  it('refuses binding twice from the same WeChat', async () => {
    const [a, b] = (await officers(world, B1)).unbound;
    await world.ok(orgFunction, 'local:phone-a', 'bind.roster', { name: a.name, employeeNo: a.employeeNo });
    expect(await world.call(orgFunction, 'local:phone-a', 'bind.roster', { name: b.name, employeeNo: b.employeeNo })).toMatchObject({ ok: false, code: 'ALREADY_BOUND' });
  });

  it('refuses a second WeChat claiming an already bound member', async () => {
    const target = (await officers(world, B1)).unbound[0];
    await world.ok(orgFunction, 'local:phone-a', 'bind.roster', { name: target.name, employeeNo: target.employeeNo });
    expect(await world.call(orgFunction, 'local:phone-b', 'bind.roster', { name: target.name, employeeNo: target.employeeNo })).toMatchObject({ ok: false, code: 'MEMBER_ALREADY_BOUND' });
  });

  it('gives one message for an unknown number or a wrong name', async () => {
    const target = (await officers(world, B1)).unbound[0];
    const wrongName = await world.call(orgFunction, 'local:x', 'bind.roster', { name: '不存在', employeeNo: target.employeeNo });
    const wrongNo = await world.call(orgFunction, 'local:x', 'bind.roster', { name: target.name, employeeNo: 'ZZ999' });
    expect(wrongName).toMatchObject({ ok: false, code: 'ROSTER_NO_MATCH', message: '花名册中未找到该姓名与工号，请核对或联系支部书记' });
    expect(wrongNo).toMatchObject({ ok: false, code: 'ROSTER_NO_MATCH' });
  });

  it('lets exactly one of two racing phones win a member', async () => {
    const target = (await officers(world, B1)).unbound[0];
    const input = { name: target.name, employeeNo: target.employeeNo };
    const results = await Promise.all([
      world.call(orgFunction, 'local:a', 'bind.roster', input),
      world.call(orgFunction, 'local:b', 'bind.roster', input),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'MEMBER_ALREADY_BOUND' });
  });
});

describe('binding by invite code', () => {
  const issue = async (days = 7, branchId = B1) => {
    const { secretary } = await officers(world, branchId);
    return world.ok(orgFunction, secretary.openid, 'invites.create', { branchId, days, requestId: requestId() });
  };

  it('creates a new member in the invite branch and counts the use', async () => {
    const invite = await issue();
    const code = `${invite.code.slice(0, 4).toLowerCase()}-${invite.code.slice(4)}`;
    const me = await world.ok(orgFunction, 'local:newcomer', 'bind.invite', { code, name: '新同志', employeeNo: 'N0001' });
    expect(me).toMatchObject({ bound: true, member: { name: '新同志', employeeNo: 'N0001', branchId: B1, role: 'member' } });
    const { secretary } = await officers(world, B1);
    const list = await world.ok(orgFunction, secretary.openid, 'invites.list', { branchId: B1 });
    expect(list.invites[0]).toMatchObject({ code: invite.code, uses: 1, state: 'active' });
  });

  it('binds an existing unbound roster member of that branch', async () => {
    const invite = await issue();
    const target = (await officers(world, B1)).unbound[0];
    const me = await world.ok(orgFunction, 'local:x', 'bind.invite', { code: invite.code, name: target.name, employeeNo: target.employeeNo });
    expect(me).toMatchObject({ member: { _id: target._id } });
  });

  it('refuses a member of another branch, a wrong, an expired and a revoked code', async () => {
    const invite = await issue();
    const other = (await officers(world, B2)).unbound[0];
    expect(await world.call(orgFunction, 'local:x', 'bind.invite', { code: invite.code, name: other.name, employeeNo: other.employeeNo })).toMatchObject({ ok: false, code: 'MEMBER_NOT_IN_BRANCH' });
    expect(await world.call(orgFunction, 'local:x', 'bind.invite', { code: 'WRONG234', name: '甲', employeeNo: 'N1' })).toMatchObject({ ok: false, code: 'INVITE_INVALID', message: '邀请码不正确' });
    world.clock.advance(7 * DAY);
    expect(await world.call(orgFunction, 'local:x', 'bind.invite', { code: invite.code, name: '甲', employeeNo: 'N1' })).toMatchObject({ ok: false, code: 'INVITE_EXPIRED' });
    const fresh = await issue(1);
    const { secretary } = await officers(world, B1);
    expect(await world.ok(orgFunction, secretary.openid, 'invites.revoke', { code: fresh.code })).toMatchObject({ state: 'revoked' });
    expect(await world.call(orgFunction, 'local:x', 'bind.invite', { code: fresh.code, name: '甲', employeeNo: 'N1' })).toMatchObject({ ok: false, code: 'INVITE_REVOKED' });
    expect(await world.ok(orgFunction, 'local:x', 'me')).toEqual({ bound: false, demo: true });
  });

  it('lets only officers of the branch (or the committee) issue and list codes', async () => {
    const b1 = await officers(world, B1);
    const b2 = await officers(world, B2);
    const attempt = (openid: string | null) => world.call(orgFunction, openid, 'invites.create', { branchId: B1, days: 3, requestId: requestId() });
    expect(await attempt(b1.committee.openid)).toMatchObject({ ok: true });
    expect(await attempt('demo:m_H01001')).toMatchObject({ ok: true });
    expect(await attempt(b1.bound[0].openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await attempt(b2.secretary.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(orgFunction, b2.secretary.openid, 'invites.list', { branchId: B1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses an expiry outside 1–30 days with a clear message', async () => {
    const { secretary } = await officers(world, B1);
    expect(await world.call(orgFunction, secretary.openid, 'invites.create', { branchId: B1, days: 90, requestId: requestId() })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '有效期最长 30 天' });
  });
});
