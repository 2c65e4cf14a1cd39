import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { noticesFunction as notices } from '../../cloudfunctions/notices/src/handler';
import { runScheduler } from '../../cloudfunctions/scheduler/src/handler';
import { failed } from '../../cloudfunctions/_runtime/reach/outcome';
import type { Receipt } from '../../src/domain/notice/types';
import type { Member } from '../../src/domain/org/types';
import type { ReachSettings } from '../../src/domain/reach/types';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { cast, draft, publishAs } from './notices-fixtures';

/** Shanghai wall time → epoch ms; jest runs with TZ=UTC, so a local-time slip fails here. */
const sh = (date: string, clock: string) => Date.parse(`${date}T${clock}:00+08:00`);
const timerCtx = (w: FunctionWorld): FunctionContext => ({ openid: null, storage: w.storage, now: w.clock.now, randomBytes: (n) => new Uint8Array(n), demo: true, wechat: w.wechat, files: w.files, channels: w.channels });
const setSettings = (w: FunctionWorld, over: Partial<ReachSettings>) =>
  w.storage.collection<{ [K in keyof ReachSettings]: ReachSettings[K] }>('reachSettings').put({
    _id: 'hospital', smsMonthlyCap: 0, quietStart: '22:00', quietEnd: '07:00', secondRoundAfterHours: null, updatedAt: 0, updatedBy: null, ...over,
  });

describe('notice reminders that reach people', () => {
  it('with WeCom configured, reaches the unbound too and names who nothing reached, with the reason', async () => {
    const world = await makeWorld({ channels: { configured: { wecom: true }, respond: (ch, to) => (ch === 'wecom' && to.memberId === ghost ? failed(to, 'unknown_user', 60111) : undefined) } });
    const b1 = await cast(world, 'b_demo01');
    const unbound = b1.all.filter((m) => m.openid === null);
    const ghost = unbound[0]._id;
    await world.storage.collection<Member>('members').updateById(unbound[1]._id, { $set: { phone: null } });
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    await world.ok(notices, b1.members[0].openid, 'subscribe', { accepted: 1 });

    const batch = await world.ok(notices, b1.secretary.openid, 'remind', { noticeId });
    // 25 recipients (not the author), none read: all 25 reminded, the 5 unbound included (WeCom can reach them).
    expect(batch).toMatchObject({ total: 25, wechat: 1, wecom: 22, sms: 0, inAppOnly: 2, unbound: 0, deferredUntil: null });
    const report = await world.ok(notices, b1.secretary.openid, 'reachReport', { noticeId });
    const round = report.rounds[0];
    expect(round).toMatchObject({ n: 1, status: 'sent', total: 25, reached: { wechat: 1, wecom: 22, sms: 0, inapp: 2 } });
    // Failed tries, and why the unreached could not be tried elsewhere (those WeCom reached are not listed under WeChat).
    expect(round.failures).toEqual([
      { channel: 'wechat', reason: 'not_bound', label: '未绑定微信', count: 2 },
      { channel: 'wecom', reason: 'unknown_user', label: '企业微信查无此人', count: 1 },
      { channel: 'wecom', reason: 'no_address', label: '无企业微信账号或手机号', count: 1 },
    ]);
    expect(round.unreached.map((u: any) => [u.memberId, u.why]).sort()).toEqual(
      [
        [ghost, '企业微信查无此人；未绑定微信'],
        [unbound[1]._id, '未绑定微信；无企业微信账号或手机号'],
      ].sort(),
    );
    // The WeCom account resolved from a mobile is remembered on the member for the next time.
    expect((await world.storage.collection<Member>('members').get(unbound[2]._id))?.wecomUserId).toBe(`wecom:${unbound[2].phone}`);
    expect(await world.call(notices, b1.members[1].openid, 'reachReport', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The tracking page no longer says the unbound “will not be reminded”.
    expect((await world.ok(notices, b1.secretary.openid, 'track', { noticeId })).unboundReachable).toBe(true);
  });

  it('a reminder in quiet hours waits for 07:00 and the timer sends it once, only to those still unread', async () => {
    const world = await makeWorld();
    world.clock.t = sh('2026-11-22', '20:00');
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid);
    for (const m of b1.members.slice(0, 3)) await world.ok(notices, m.openid, 'subscribe', { accepted: 1 });
    world.clock.t = sh('2026-11-22', '23:30');

    const batch = await world.ok(notices, b1.secretary.openid, 'remind', { noticeId });
    expect(batch).toMatchObject({ total: 20, wechat: 0, deferredUntil: sh('2026-11-23', '07:00') });
    expect((await world.ok(notices, b1.secretary.openid, 'track', { noticeId })).unboundReachable).toBe(false);
    expect(world.channels.sent).toEqual([]);
    const waiting = await world.ok(notices, b1.secretary.openid, 'reachReport', { noticeId });
    expect(waiting.rounds).toEqual([expect.objectContaining({ n: 1, status: 'pending', deferred: true, dueAt: sh('2026-11-23', '07:00') })]);
    // Night-shift nurse reads it at 02:00: the morning round leaves her out.
    world.clock.t = sh('2026-11-23', '02:00');
    await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    expect((await runScheduler(timerCtx(world))).reach.released).toEqual([]);

    world.clock.t = sh('2026-11-23', '07:00');
    const [a, b] = await Promise.all([runScheduler(timerCtx(world)), runScheduler(timerCtx(world))]);
    expect([...a.reach.released, ...b.reach.released]).toEqual([`${batch._id}#1`]);
    expect((await runScheduler(timerCtx(world))).reach.released).toEqual([]);
    expect(world.channels.deliveredTo('wechat').sort()).toEqual([b1.members[1]._id, b1.members[2]._id].sort());
    const reminded = await world.storage.collection<Receipt>('receipts').get(`${noticeId}:${b1.members[1]._id}`);
    expect(reminded).toMatchObject({ remindCount: 1, remindedAt: sh('2026-11-23', '07:00') });
    expect((await world.storage.collection<Receipt>('receipts').get(`${noticeId}:${b1.members[0]._id}`))?.remindCount).toBe(0);
    const report = await world.ok(notices, b1.secretary.openid, 'reachReport', { noticeId });
    expect(report.rounds[0]).toMatchObject({ status: 'sent', total: 19, reached: { wechat: 2, inapp: 17 } });
  });

  it('a 紧急 notice is reminded at night at once; a second round follows on the next channel', async () => {
    const world = await makeWorld({ channels: { configured: { wecom: true } } });
    await setSettings(world, { secondRoundAfterHours: 2 });
    world.clock.t = sh('2026-11-22', '21:00');
    const b1 = await cast(world, 'b_demo01');
    const { noticeId } = await publishAs(world, b1.secretary.openid, { urgent: true });
    await world.ok(notices, b1.members[0].openid, 'subscribe', { accepted: 1 });
    const batch = await world.ok(notices, b1.secretary.openid, 'remind', { noticeId });
    expect(batch).toMatchObject({ total: 25, wechat: 1, wecom: 24, deferredUntil: null, secondRoundAt: sh('2026-11-22', '23:00') });
    expect(world.channels.sent[0].message).toMatchObject({ urgent: true, title: '【紧急】关于开展主题党日活动的通知' });

    world.clock.t = sh('2026-11-22', '22:30');
    await world.ok(notices, b1.members[1].openid, 'open', { noticeId });
    world.clock.t = sh('2026-11-22', '23:00');
    world.channels.clear();
    expect((await runScheduler(timerCtx(world))).reach.released).toEqual([`${batch._id}#2`]);
    // Urgent: not held back by quiet hours. Member 0 was reached by WeChat, so WeCom now; the reader is left out;
    // those reached by WeCom have nothing after it (SMS is not configured here): in-app only.
    expect(world.channels.deliveredTo('wecom')).toEqual([b1.members[0]._id]);
    const report = await world.ok(notices, b1.secretary.openid, 'reachReport', { noticeId });
    expect(report.urgent).toBe(true);
    expect(report.rounds[1]).toMatchObject({ n: 2, status: 'sent', total: 24, reached: { wecom: 1, inapp: 23 } });
  });

  it('the committee sees the reach of a hospital-wide reminder per branch', async () => {
    const world = await makeWorld();
    const { noticeId } = await world.ok(notices, ADMIN, 'publish', { ...draft(), audience: { kind: 'all' } });
    const b3 = await cast(world, 'b_demo03');
    await world.ok(notices, b3.members[0].openid, 'subscribe', { accepted: 1 });
    const before = await world.ok(notices, ADMIN, 'rollup', { noticeId });
    expect(before.total.reach).toBeNull();
    await world.ok(notices, ADMIN, 'remind', { noticeId });
    const rollup = await world.ok(notices, ADMIN, 'rollup', { noticeId });
    // b_demo03: 18 recipients, 4 never bound (left out: WeCom is not configured); 1 of the 14 holds a credit.
    expect(rollup.branches.find((b: any) => b.branchId === 'b_demo03').reach).toEqual({ reached: 1, unreached: 13 });
    expect(rollup.total.reach).toEqual({ reached: 1, unreached: 238 }); // 279 recipients, 40 unbound: 239 reminded
  });
});
