import { noticesFunction as notices } from '../../cloudfunctions/notices/src/handler';
import { orgFunction } from '../../cloudfunctions/org/src/handler';
import type { Notice, Receipt } from '../../src/domain/notice/types';
import { ADMIN, makeWorld, type FunctionWorld, requestId } from './harness';
import { cast, draft, publishAs } from './notices-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

describe('publishing to a branch', () => {
  it('freezes one receipt per active branch member and shows it in their inbox, not in other branches', async () => {
    const b1 = await cast(world, 'b_demo01');
    const b2 = await cast(world, 'b_demo02');
    const sent = await publishAs(world, b1.secretary.openid);
    // 26 on the roster, the publishing secretary is not her own recipient.
    expect(sent).toMatchObject({ status: 'published', recipientCount: 25, readCount: 0, audienceLabel: '心血管内科党支部全体' });
    expect(await world.storage.collection<Receipt>('receipts').count({ noticeId: sent.noticeId })).toBe(25);
    expect(await world.storage.collection<Receipt>('receipts').get(`${sent.noticeId}:${b1.secretary._id}`)).toBeNull();
    expect(await world.ok(notices, b1.secretary.openid, 'inbox')).toEqual({ items: [], unreadCount: 0 });
    expect((await world.ok(notices, b1.secretary.openid, 'sent')).items.map((i: any) => i.noticeId)).toEqual([sent.noticeId]);
    // She can still open it (as its publisher) without becoming a recipient.
    expect(await world.ok(notices, b1.secretary.openid, 'open', { noticeId: sent.noticeId })).toMatchObject({ canTrack: true, readAt: null });

    const inbox = await world.ok(notices, b1.members[0].openid, 'inbox');
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({ noticeId: sent.noticeId, read: false, title: '关于开展主题党日活动的通知', scope: 'branch' });
    expect((await world.ok(notices, b2.members[0].openid, 'inbox')).items).toEqual([]);
    expect(await world.call(notices, b2.members[0].openid, 'open', { noticeId: sent.noticeId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await world.call(notices, b2.secretary.openid, 'track', { noticeId: sent.noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('opening marks read exactly once, with its time', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    world.clock.advance(60_000);
    const first = await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    world.clock.advance(60_000);
    const again = await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    expect(first.readAt).toBe(world.clock.now() - 60_000);
    expect(again.readAt).toBe(first.readAt);
    await Promise.all([world.ok(notices, b1.members[1].openid, 'open', { noticeId }), world.ok(notices, b1.members[1].openid, 'open', { noticeId })]);
    expect((await world.storage.collection<Notice>('notices').get(noticeId))!.readCount).toBe(2);
    expect((await world.ok(notices, b1.members[0].openid, 'inbox')).unreadCount).toBe(0);
  });

  it('keeps recipients frozen: a newcomer is not counted, a member who moves away stays in the history', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    const invite = await world.ok(orgFunction, b1.secretary.openid, 'invites.create', { branchId: 'b_demo01', days: 3, requestId: requestId() });
    await world.ok(orgFunction, 'local:newcomer', 'bind.invite', { code: invite.code, name: '新来者', employeeNo: 'N7777' });
    await world.ok(orgFunction, ADMIN, 'member.move', { memberId: b1.members[0]._id, toBranchId: 'b_demo02' });
    const view = await world.ok(notices, b1.secretary.openid, 'track', { noticeId });
    expect(view.counts.recipients).toBe(25);
    const names = view.groups.flatMap((g: any) => g.members.map((m: any) => m.name));
    expect(names).not.toContain('新来者');
    expect(names).toContain(b1.members[0].name);
    expect((await world.ok(notices, 'local:newcomer', 'inbox')).items).toEqual([]);
    // The moved member can still open what was addressed to them.
    expect(await world.ok(notices, b1.members[0].openid, 'open', { noticeId })).toMatchObject({ noticeId });
  });

  it('addresses party groups or chosen members within the branch only', async () => {
    const b1 = await cast(world, 'b_demo01');
    const groups = await publishAs(world, b1.committee.openid, { audience: { kind: 'groups', branchId: 'b_demo01', groupIds: ['g_demo011'] } });
    expect(groups).toMatchObject({ recipientCount: 13, audienceLabel: '医生党小组' });
    const chosen = await publishAs(world, b1.secretary.openid, { audience: { kind: 'members', branchId: 'b_demo01', memberIds: [b1.members[0]._id, b1.members[1]._id] } });
    expect(chosen).toMatchObject({ recipientCount: 2, audienceLabel: '指定 2 名党员' });
    const outsider = (await cast(world, 'b_demo02')).members[0];
    expect(await world.call(notices, b1.secretary.openid, 'publish', draft({ audience: { kind: 'members', branchId: 'b_demo01', memberIds: [outsider._id] } }))).toMatchObject({ ok: false, code: 'MEMBER_NOT_IN_BRANCH' });
    expect(await world.call(notices, b1.secretary.openid, 'publish', draft({ audience: { kind: 'groups', branchId: 'b_demo01', groupIds: ['g_demo051'] } }))).toMatchObject({ ok: false, code: 'GROUP_NOT_IN_BRANCH' });
    expect(await world.call(notices, b1.secretary.openid, 'publish', draft({ audience: { kind: 'branch', branchId: 'b_demo02' } }))).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只能向本支部发布通知' });
    expect(await world.call(notices, b1.secretary.openid, 'publish', draft({ audience: { kind: 'all' } }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(notices, b1.members[0].openid, 'publish', draft())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('the committee publishes to chosen branches or the whole hospital', async () => {
    const all = await publishAs(world, ADMIN, { audience: { kind: 'all' } });
    expect(all).toMatchObject({ recipientCount: 279, audienceLabel: '全院党员' });
    const two = await publishAs(world, ADMIN, { audience: { kind: 'branches', branchIds: ['b_demo01', 'b_demo02'] } });
    expect(two.recipientCount).toBe(48);
    const b2 = await cast(world, 'b_demo02');
    expect((await world.ok(notices, b2.members[0].openid, 'inbox')).items.map((i: any) => i.scope)).toEqual(['committee', 'committee']);
  });

  it('acknowledgement is recorded once and implies read', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid, { requireAck: true, deadline: world.clock.now() + 86_400_000 });
    const acked = await world.ok(notices, b1.members[0].openid, 'ack', { noticeId });
    expect(acked.readAt).not.toBeNull();
    expect(acked.ackAt).not.toBeNull();
    await world.ok(notices, b1.members[0].openid, 'ack', { noticeId });
    expect(await world.storage.collection<Notice>('notices').get(noticeId)).toMatchObject({ readCount: 1, ackCount: 1 });
    const plain = await publishAs(world, b1.secretary.openid);
    expect(await world.call(notices, b1.members[0].openid, 'ack', { noticeId: plain.noticeId })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '该通知无需确认' });
  });
});

describe('bad input and content', () => {
  it('refuses flagged content and writes nothing', async () => {
    const b1 = await cast(world, 'b_demo01');
    const res = await world.call(notices, b1.secretary.openid, 'publish', draft({ body: '这里有违禁测试词' }));
    expect(res).toMatchObject({ ok: false, code: 'CONTENT_FLAGGED', message: '内容未通过安全检测，请修改后重试' });
    expect(await world.storage.collection('notices').count({})).toBe(0);
    expect(await world.storage.collection('receipts').count({})).toBe(0);
  });

  it('refuses oversized bodies, too many images, unknown images, past schedules and a deadline before publishing', async () => {
    const s = (await cast(world, 'b_demo01')).secretary.openid;
    expect(await world.call(notices, s, 'publish', draft({ body: '长'.repeat(5001) }))).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '正文不能超过 5000 个字' });
    const ten = Array.from({ length: 10 }, (_, i) => ({ fileId: `f_${String(i).padStart(24, 'a')}` }));
    expect(await world.call(notices, s, 'publish', draft({ images: ten }))).toMatchObject({ ok: false, message: '最多 9 张图片' });
    expect(await world.call(notices, s, 'publish', draft({ images: [{ fileId: 'f_aaaaaaaaaaaaaaaaaaaaaaaa' }] }))).toMatchObject({ ok: false, message: '有图片未上传成功，请重新上传' });
    expect(await world.call(notices, s, 'publish', draft({ images: [{ fileId: 'javascript:alert(1)' }] }))).toMatchObject({ ok: false, message: '图片无效，请重新上传' });
    expect(await world.call(notices, s, 'publish', draft({ publishAt: world.clock.now() - 1000 }))).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '定时发布时间须晚于当前时间至少 1 分钟' });
    expect(await world.call(notices, s, 'publish', draft({ deadline: world.clock.now() - 1 }))).toMatchObject({ ok: false, message: '截止时间须晚于发布时间' });
    expect(await world.call(notices, s, 'publish', draft({ audience: { kind: 'everyone' } }))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await world.storage.collection('notices').count({})).toBe(0);
  });

  it('stores HTML as the text it is and resolves uploaded images to URLs', async () => {
    const b1 = await cast(world, 'b_demo01');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const fileId = await world.files.save(png, 'image/png');
    const body = '<script>alert("x")</script><b>加粗</b>';
    const { noticeId } = await publishAs(world, b1.secretary.openid, { body, images: [{ fileId }] });
    const opened = await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    expect(opened.body).toBe(body);
    expect(opened.images).toEqual([{ fileId, url: `/api/files/${fileId}` }]);
    // The publisher's edit form starts from the same images (update replaces the list).
    expect((await world.ok(notices, b1.secretary.openid, 'track', { noticeId })).notice.images).toEqual([{ fileId, url: `/api/files/${fileId}` }]);
  });
});
