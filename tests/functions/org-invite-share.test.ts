import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { orgFunction } from '../../cloudfunctions/org/src/handler';
import { inviteCodeFromQuery, inviteScene, invitePath } from '../../src/domain/org/invite-link';
import { makeWorld, requestId, type FunctionWorld } from './harness';
import { B1, B2, officers } from './org-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

const decodeQr = (base64: string): string | null => {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
};

describe('invites that travel', () => {
  it('the bind page finds the code in a share path, a link or a scanned scene', () => {
    expect(inviteCodeFromQuery({ code: 'abcd-efgh' })).toBe('ABCDEFGH');
    expect(inviteCodeFromQuery({ scene: encodeURIComponent(inviteScene('ABCDEFGH')) })).toBe('ABCDEFGH');
    expect(inviteCodeFromQuery({ scene: 'c=XYZW2345' })).toBe('XYZW2345');
    expect(inviteCodeFromQuery({})).toBe('');
    expect(inviteScene('ABCDEFGH').length).toBeLessThanOrEqual(32);
    expect(invitePath('abcdefgh')).toBe('/pages/bind/index?code=ABCDEFGH');
  });

  it('a secretary gets the mini program code for an active invite of her branch, through the WeChat gateway', async () => {
    const { secretary } = await officers(world, B1);
    const invite = await world.ok(orgFunction, secretary.openid, 'invites.create', { branchId: B1, days: 7, requestId: requestId() });
    const image = await world.ok(orgFunction, secretary.openid, 'invites.qr', { code: invite.code });
    expect(image.contentType).toBe('image/png');
    expect(world.wechat.codeRequests()).toEqual([{ page: 'pages/bind/index', scene: `c=${invite.code}` }]);
    // The local gateway's stand-in is a real QR code of the page and scene.
    expect(decodeQr(image.base64)).toBe(`pages/bind/index?scene=${encodeURIComponent(`c=${invite.code}`)}`);
  });

  it("refuses another branch's invite and a revoked one", async () => {
    const { secretary } = await officers(world, B1);
    const other = await officers(world, B2);
    const invite = await world.ok(orgFunction, secretary.openid, 'invites.create', { branchId: B1, days: 7, requestId: requestId() });
    expect(await world.call(orgFunction, other.secretary.openid, 'invites.qr', { code: invite.code })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await world.ok(orgFunction, secretary.openid, 'invites.revoke', { code: invite.code });
    expect(await world.call(orgFunction, secretary.openid, 'invites.qr', { code: invite.code })).toMatchObject({ ok: false, code: 'INVITE_REVOKED' });
    expect(world.wechat.codeRequests()).toEqual([]);
  });

  it('the invites list tells the secretary who joined lately', async () => {
    const { secretary } = await officers(world, B1);
    const invite = await world.ok(orgFunction, secretary.openid, 'invites.create', { branchId: B1, days: 7, requestId: requestId() });
    world.clock.advance(60_000);
    await world.ok(orgFunction, 'local:newcomer', 'bind.invite', { code: invite.code, name: '张新来', employeeNo: 'N9001' });
    const list = await world.ok(orgFunction, secretary.openid, 'invites.list', { branchId: B1 });
    expect(list.joined[0]).toMatchObject({ name: '张新来', boundAt: world.clock.now() });
    // Another branch's list does not show them.
    const other = await officers(world, B2);
    const otherList = await world.ok(orgFunction, other.secretary.openid, 'invites.list', { branchId: B2 });
    expect(otherList.joined.map((j: { name: string }) => j.name)).not.toContain('张新来');
  });
});
