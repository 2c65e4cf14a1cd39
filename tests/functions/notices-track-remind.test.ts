import { noticesFunction as notices } from '../../cloudfunctions/notices/src/handler';
import { releaseDueNotices } from '../../cloudfunctions/notices/src/release';
import { orgFunction } from '../../cloudfunctions/org/src/handler';
import type { Receipt } from '../../src/domain/notice/types';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { cast, publishAs } from './notices-fixtures';
import { readSheet } from './xlsx-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});
const MIN = 60_000;

describe('tracking who has read', () => {
  it('shows read x / y with names grouped by party group, unread first, to the right people only', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    await world.ok(notices, b1.members[1].openid, 'open', { noticeId });
    const view = await world.ok(notices, b1.committee.openid, 'track', { noticeId });
    // 25 recipients (the author is not one), 5 of them never bound WeChat: 2 read of 20 who can.
    expect(view.counts).toEqual({ recipients: 25, read: 2, unread: 18, acknowledged: 0, excused: 0, unbound: 5, ratePercent: 10 });
    expect(view.unbound).toHaveLength(5);
    const unboundIds = b1.all.filter((m) => m.openid === null).map((m) => m._id).sort();
    expect(view.unbound.map((m: any) => m.memberId).sort()).toEqual(unboundIds);
    expect(view.inviteBranchId).toBe('b_demo01');
    expect(view.groups.flatMap((g: any) => g.members.map((m: any) => m.memberId))).not.toContain(unboundIds[0]);
    expect(view.groups.flatMap((g: any) => g.members.map((m: any) => m.memberId))).not.toContain(b1.secretary._id);
    expect((await world.ok(notices, b1.secretary.openid, 'sent')).items[0]).toMatchObject({ recipientCount: 25, unboundCount: 5, readCount: 2 });
    expect(view.groups.map((g: any) => g.groupName)).toEqual(['护理党小组', '医生党小组']);
    const everyone = view.groups.flatMap((g: any) => g.members);
    const readers = everyone.filter((m: any) => m.readAt !== null).map((m: any) => m.name).sort();
    expect(readers).toEqual([b1.members[0].name, b1.members[1].name].sort());
    for (const g of view.groups) expect(g.members.findIndex((m: any) => m.readAt !== null)).not.toBe(0);

    expect(await world.call(notices, b1.members[0].openid, 'track', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(notices, ADMIN, 'track', { noticeId })).toMatchObject({ ok: true });
    // A member sees only their own state.
    const own = await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    expect(own.canTrack).toBe(false);
    expect(JSON.stringify(own)).not.toContain(b1.members[1].name);
  });

  it('an excused member is shown apart and leaves the rate', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid, { audience: { kind: 'members', branchId: 'b_demo01', memberIds: b1.members.slice(0, 4).map((m) => m._id) } });
    await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    const excused = await world.ok(notices, b1.secretary.openid, 'excuse', { noticeId, memberId: b1.members[3]._id, excused: true, reason: '夜班' });
    expect(excused).toMatchObject({ excused: true, excuseReason: '夜班' });
    const view = await world.ok(notices, b1.secretary.openid, 'track', { noticeId });
    expect(view.counts).toMatchObject({ recipients: 4, read: 1, unread: 2, excused: 1, ratePercent: 33.3 });
    expect(view.groups[view.groups.length - 1]).toMatchObject({ groupId: 'excused', members: [{ name: b1.members[3].name }] });
    expect(await world.call(notices, b1.secretary.openid, 'excuse', { noticeId, memberId: b1.members[9]._id, excused: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('rolls a hospital-wide notice up per branch, alphabetically', async () => {
    const { noticeId } = await publishAs(world, ADMIN, { audience: { kind: 'all' } });
    const b3 = await cast(world, 'b_demo03');
    await world.ok(notices, b3.members[0].openid, 'open', { noticeId });
    const rollup = await world.ok(notices, ADMIN, 'rollup', { noticeId });
    expect(rollup.branches).toHaveLength(14);
    expect(rollup.total).toMatchObject({ recipients: 279, read: 1, unbound: 40 });
    // 18 recipients, 4 never bound: 1 read of 14.
    expect(rollup.branches.find((b: any) => b.branchId === 'b_demo03')).toMatchObject({ branchName: '消化内科党支部', recipients: 18, read: 1, unbound: 4, ratePercent: 7.1 });
    const names = rollup.branches.map((b: any) => b.branchName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'zh-CN')));
    expect(await world.call(notices, b3.secretary.openid, 'rollup', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('exports the read/unread list as xlsx', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    const file = await world.ok(notices, b1.secretary.openid, 'export', { noticeId });
    expect(file.fileName).toMatch(/^阅读情况_关于开展主题党日活动的通知_\d{8}\.xlsx$/);
    const rows = await readSheet(file.base64, '阅读情况');
    expect(rows[3]).toEqual(['姓名', '支部', '党小组', '状态', '阅读时间', '提醒次数']);
    expect(rows.slice(4)).toHaveLength(25);
    expect(rows.filter((r) => r[3] === '未绑定微信')).toHaveLength(5);
    expect(rows[rows.length - 1]).toEqual([b1.members[0].name, '心血管内科党支部', expect.any(String), '已读', '2026-11-22 09:00', 0]);
    expect(await world.call(notices, b1.members[0].openid, 'export', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('reminding the unread', () => {
  it('reminds only the unread, by WeChat where a credit exists, in-app always, with a cooldown and history', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    expect(await world.ok(notices, b1.members[1].openid, 'subscribe', { accepted: 1 })).toEqual({ credits: 1 });
    await world.ok(notices, b1.members[2].openid, 'subscribe', { accepted: 1 });

    const batch = await world.ok(notices, b1.secretary.openid, 'remind', { noticeId });
    // 25 recipients: 1 read, 5 never bound WeChat (not reminded, and not claimed as reached).
    expect(batch).toMatchObject({ total: 19, wechat: 2, inAppOnly: 17, unbound: 5, target: 'unread', byName: b1.secretary.name });
    const unboundMember = b1.all.find((m) => m.openid === null)!;
    expect((await world.storage.collection<Receipt>('receipts').get(`${noticeId}:${unboundMember._id}`))!.remindCount).toBe(0);
    // WeChat goes through the reminder channels (ctx.channels): only the two credit holders, once each.
    expect(world.channels.deliveredTo('wechat').sort()).toEqual([b1.members[1]._id, b1.members[2]._id].sort());
    expect(world.channels.sent[0].message).toMatchObject({ kind: 'notice', urgent: false, page: `pages/notice-detail/index?noticeId=${noticeId}` });
    expect(await world.ok(notices, b1.members[1].openid, 'subscribe', { accepted: 0 })).toEqual({ credits: 0 });
    const reader = await world.storage.collection<Receipt>('receipts').get(`${noticeId}:${b1.members[0]._id}`);
    expect(reader!.remindCount).toBe(0);
    expect((await world.ok(notices, b1.members[3].openid, 'inbox')).items[0].reminded).toBe(true);

    world.clock.advance(10 * MIN);
    expect(await world.call(notices, b1.secretary.openid, 'remind', { noticeId })).toMatchObject({ ok: false, code: 'CONFLICT', message: '提醒过于频繁，请在 20 分钟后再试' });
    world.clock.advance(20 * MIN);
    const second = await world.ok(notices, b1.committee.openid, 'remind', { noticeId });
    expect(second).toMatchObject({ total: 19, wechat: 0, inAppOnly: 19 });
    const view = await world.ok(notices, b1.secretary.openid, 'track', { noticeId });
    expect(view.reminders.map((r: any) => r.total)).toEqual([19, 19]);
    expect(view.remindAvailableAt).toBe(world.clock.now() + 30 * MIN);
  });

  it('unbound recipients are frozen at publish: never reminded, and counted once they bind', async () => {
    const b1 = await cast(world, 'b_demo01');
    const unbound = b1.all.filter((m) => m.openid === null);
    const audience = { kind: 'members', branchId: 'b_demo01', memberIds: [b1.members[0]._id, unbound[0]._id] };
    const { noticeId } = await publishAs(world, b1.secretary.openid, { audience });
    await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    // Only an unbound member is left: nobody can be reached, and the app says so instead of "reminding".
    expect(await world.call(notices, b1.secretary.openid, 'remind', { noticeId })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringContaining('1 人尚未绑定微信') });
    expect((await world.ok(notices, b1.secretary.openid, 'track', { noticeId })).counts).toMatchObject({ read: 1, unread: 0, unbound: 1, ratePercent: 100 });

    await world.ok(orgFunction, 'local:late-binder', 'bind.roster', { name: unbound[0].name, employeeNo: unbound[0].employeeNo });
    expect((await world.ok(notices, 'local:late-binder', 'inbox')).items.map((i: any) => i.noticeId)).toEqual([noticeId]);
    const view = await world.ok(notices, b1.secretary.openid, 'track', { noticeId });
    expect(view.counts).toMatchObject({ read: 1, unread: 1, unbound: 0, ratePercent: 50 });
    expect(view.unbound).toEqual([]);
    expect(await world.ok(notices, b1.secretary.openid, 'remind', { noticeId })).toMatchObject({ total: 1, unbound: 0 });
  });

  it('a double tap sends one batch', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    const results = await Promise.all([world.call(notices, b1.secretary.openid, 'remind', { noticeId }), world.call(notices, b1.secretary.openid, 'remind', { noticeId })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await world.storage.collection('noticeReminders').count({ noticeId })).toBe(1);
  });

  it('with acknowledgement required, reminds those who read but did not acknowledge', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid, { requireAck: true, audience: { kind: 'members', branchId: 'b_demo01', memberIds: b1.members.slice(0, 3).map((m) => m._id) } });
    await world.ok(notices, b1.members[0].openid, 'ack', { noticeId });
    await world.ok(notices, b1.members[1].openid, 'open', { noticeId });
    expect(await world.ok(notices, b1.secretary.openid, 'remind', { noticeId })).toMatchObject({ target: 'unacknowledged', total: 2 });
  });
});

describe('editing, correcting and withdrawing', () => {
  it('edits freely before anyone reads, then only as a visible correction', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    expect(await world.ok(notices, b1.secretary.openid, 'update', { noticeId, title: '改后的标题', body: '改后的正文' })).toMatchObject({ mode: 'edited', title: '改后的标题' });
    await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    world.clock.advance(MIN);
    expect(await world.ok(notices, b1.secretary.openid, 'update', { noticeId, title: '改后的标题', body: '时间更正为 18:00' })).toMatchObject({ mode: 'corrected' });
    const opened = await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    expect(opened).toMatchObject({ body: '时间更正为 18:00', correctedAt: world.clock.now() });
    expect((await world.ok(notices, b1.members[0].openid, 'inbox')).items[0].corrected).toBe(true);
    expect(await world.call(notices, b1.members[0].openid, 'update', { noticeId, title: 'x', body: 'y' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(notices, b1.secretary.openid, 'update', { noticeId, title: 'x', body: '违禁测试词' })).toMatchObject({ ok: false, code: 'CONTENT_FLAGGED' });
  });

  it('withdraws: members see only that it was withdrawn; it can no longer be reminded or edited', async () => {
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    expect(await world.ok(notices, b1.secretary.openid, 'withdraw', { noticeId })).toMatchObject({ status: 'withdrawn' });
    const inbox = await world.ok(notices, b1.members[0].openid, 'inbox');
    expect(inbox).toMatchObject({ unreadCount: 0, items: [{ withdrawn: true, excerpt: '该通知已撤回' }] });
    expect(await world.ok(notices, b1.members[0].openid, 'open', { noticeId })).toMatchObject({ withdrawn: true, body: '', readAt: null });
    expect(await world.call(notices, b1.secretary.openid, 'remind', { noticeId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await world.call(notices, b1.secretary.openid, 'update', { noticeId, title: 'x', body: 'y' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('scheduled publishing', () => {
  it('is invisible until due, then released exactly once even if the timer fires twice or late', async () => {
    const b1 = await cast(world, 'b_demo01');
    const publishAt = world.clock.now() + 2 * 60 * MIN;
    const sent = await publishAs(world, b1.secretary.openid, { publishAt });
    expect(sent).toMatchObject({ status: 'scheduled', recipientCount: 0 });
    expect((await world.ok(notices, b1.members[0].openid, 'inbox')).items).toEqual([]);
    expect(await world.call(notices, b1.members[0].openid, 'open', { noticeId: sent.noticeId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const ctx = { openid: null, storage: world.storage, now: world.clock.now, randomBytes: (n: number) => new Uint8Array(n), demo: true, wechat: world.wechat, files: world.files, channels: world.channels };
    expect(await releaseDueNotices(ctx)).toEqual({ released: 0, notices: [] });
    world.clock.advance(3 * 60 * MIN); // the timer was down for an hour
    const [a, b] = await Promise.all([releaseDueNotices(ctx), releaseDueNotices(ctx)]);
    expect(a.released + b.released).toBe(1);
    expect(await releaseDueNotices(ctx)).toEqual({ released: 0, notices: [] });
    expect(await world.storage.collection('receipts').count({ noticeId: sent.noticeId })).toBe(25);
    expect((await world.ok(notices, b1.members[0].openid, 'inbox')).items[0]).toMatchObject({ noticeId: sent.noticeId, read: false });
  });

  it('a withdrawn scheduled notice is never released', async () => {
    const b1 = await cast(world, 'b_demo01');
    const sent = await publishAs(world, b1.secretary.openid, { publishAt: world.clock.now() + 5 * MIN });
    await world.ok(notices, b1.secretary.openid, 'withdraw', { noticeId: sent.noticeId });
    world.clock.advance(10 * MIN);
    const ctx = { openid: null, storage: world.storage, now: world.clock.now, randomBytes: (n: number) => new Uint8Array(n), demo: true, wechat: world.wechat, files: world.files, channels: world.channels };
    expect((await releaseDueNotices(ctx)).released).toBe(0);
    expect(await world.storage.collection('receipts').count({ noticeId: sent.noticeId })).toBe(0);
  });
});
