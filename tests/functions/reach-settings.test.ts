import { noticesFunction as notices } from '../../cloudfunctions/notices/src/handler';
import { orgFunction as org } from '../../cloudfunctions/org/src/handler';
import { reserveSmsBudget } from '../../cloudfunctions/_runtime/reach/sms-budget';
import type { Member } from '../../src/domain/org/types';
import { ADMIN, makeWorld, openidOf, requestId, type FunctionWorld } from './harness';
import { databaseSnapshot } from './snapshot';

const snapshot = async (w: FunctionWorld) => JSON.stringify(await databaseSnapshot(w.storage));

const SETTINGS = { smsMonthlyCap: 300, quietStart: '22:30', quietEnd: '06:30', secondRoundAfterHours: 4 };
const member = (w: FunctionWorld, id: string) => w.storage.collection<Member>('members').get(id);

describe('reach settings (committee admin)', () => {
  it('shows channel status, the defaults and this month’s SMS usage', async () => {
    const w = await makeWorld({ channels: { configured: { wecom: true } } });
    const view = await w.ok(org, ADMIN, 'reach.settings');
    expect(view.channels.map((c: { name: string; configured: boolean }) => [c.name, c.configured])).toEqual([
      ['wechat', true],
      ['wecom', true],
      ['sms', false],
    ]);
    expect(view.settings).toEqual({ smsMonthlyCap: 0, quietStart: '22:00', quietEnd: '07:00', secondRoundAfterHours: null, updatedAt: 0 });
    expect(view.sms).toEqual({ month: '2026-11', cap: 0, used: 0, left: 0 });
  });

  it('saves the settings and shows what is left of the cap', async () => {
    const w = await makeWorld();
    const saved = await w.ok(org, ADMIN, 'reach.saveSettings', SETTINGS);
    expect(saved.settings).toEqual({ ...SETTINGS, updatedAt: w.clock.now() });
    await reserveSmsBudget({ storage: w.storage, now: w.clock.now }, 12);
    expect((await w.ok(org, ADMIN, 'reach.settings')).sms).toEqual({ month: '2026-11', cap: 300, used: 12, left: 288 });
    // Saving again (a double tap) changes nothing else.
    await w.ok(org, ADMIN, 'reach.saveSettings', SETTINGS);
    expect(await w.storage.collection('reachSettings').count({})).toBe(1);
  });

  it.each([
    [{ smsMonthlyCap: -1 }, '短信每月上限不能小于 0'],
    [{ smsMonthlyCap: 1.5 }, '短信每月上限须为整数'],
    [{ smsMonthlyCap: 100001 }, '短信每月上限不能超过 100000'],
    [{ smsMonthlyCap: '100' }, '短信每月上限'],
    [{ quietStart: '24:00' }, '免打扰开始时间格式应为 HH:mm，如 22:00'],
    [{ quietEnd: '7:00' }, '免打扰结束时间格式应为 HH:mm，如 22:00'],
    [{ quietStart: '07:00', quietEnd: '07:00' }, '免打扰开始时间与结束时间不能相同'],
    [{ secondRoundAfterHours: 0 }, '第二轮提醒间隔至少 1 小时'],
    [{ secondRoundAfterHours: 73 }, '第二轮提醒间隔不能超过 72 小时'],
    [{ secondRoundAfterHours: 2.5 }, '第二轮提醒间隔须为整数小时'],
  ])('refuses %j with a message naming the field, writing nothing', async (patch, message) => {
    const w = await makeWorld();
    const before = await snapshot(w);
    const res = await w.call(org, ADMIN, 'reach.saveSettings', { ...SETTINGS, ...patch });
    expect(res).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!res.ok && res.message).toContain(message);
    expect(await snapshot(w)).toBe(before);
  });
});

describe('test send to oneself', () => {
  it('WeChat: without a credit nothing is sent; with one it is delivered and spent; a double tap sends once', async () => {
    const w = await makeWorld();
    const first = await w.ok(org, ADMIN, 'reach.testSend', { channel: 'wechat', requestId: requestId() });
    expect(first).toEqual({ channel: 'wechat', outcome: { memberId: 'm_H01001', delivered: false, reason: 'no_credit', retryable: false } });
    expect(w.channels.sent).toHaveLength(0);

    await w.ok(notices, ADMIN, 'subscribe', { accepted: 1 });
    const rq = requestId();
    const [a, b] = await Promise.all([
      w.ok(org, ADMIN, 'reach.testSend', { channel: 'wechat', requestId: rq }),
      w.ok(org, ADMIN, 'reach.testSend', { channel: 'wechat', requestId: rq }),
    ]);
    const again = await w.ok(org, ADMIN, 'reach.testSend', { channel: 'wechat', requestId: rq });
    expect([a.outcome, b.outcome]).toContainEqual({ memberId: 'm_H01001', delivered: true });
    expect(again.outcome).toEqual({ memberId: 'm_H01001', delivered: true });
    expect(w.channels.deliveredTo('wechat')).toEqual(['m_H01001']);
    expect(w.channels.sent[0].message).toMatchObject({ kind: 'test', urgent: true, title: '提醒通道测试', page: 'pages/me/index' });
    expect(await w.ok(notices, ADMIN, 'subscribe', { accepted: 0 })).toEqual({ credits: 0 });
  });

  it('WeCom: an account found by mobile is remembered on the member', async () => {
    const w = await makeWorld({ channels: { configured: { wecom: true } } });
    const admin = (await member(w, 'm_H01001'))!;
    const res = await w.ok(org, ADMIN, 'reach.testSend', { channel: 'wecom', requestId: requestId() });
    expect(res.outcome).toEqual({ memberId: 'm_H01001', delivered: true, wecomUserId: `wecom:${admin.phone}` });
    expect((await member(w, 'm_H01001'))!.wecomUserId).toBe(`wecom:${admin.phone}`);
    expect(w.channels.sent[0].to[0]).toMatchObject({ memberId: 'm_H01001', mobile: admin.phone, wecomUserId: null });
  });

  it('WeCom not configured: 未配置, nothing sent anywhere', async () => {
    const w = await makeWorld();
    const res = await w.ok(org, ADMIN, 'reach.testSend', { channel: 'wecom', requestId: requestId() });
    expect(res.outcome).toMatchObject({ delivered: false, reason: 'not_configured' });
  });

  it('SMS: spends one of this month’s budget, and refuses when none is left', async () => {
    const w = await makeWorld({ channels: { configured: { sms: true } } });
    const noCap = await w.ok(org, ADMIN, 'reach.testSend', { channel: 'sms', requestId: requestId() });
    expect(noCap.outcome).toMatchObject({ delivered: false, reason: 'quota_exceeded' });
    expect(w.channels.sent).toHaveLength(0);

    await w.ok(org, ADMIN, 'reach.saveSettings', { ...SETTINGS, smsMonthlyCap: 1 });
    expect((await w.ok(org, ADMIN, 'reach.testSend', { channel: 'sms', requestId: requestId() })).outcome).toEqual({ memberId: 'm_H01001', delivered: true });
    expect((await w.ok(org, ADMIN, 'reach.settings')).sms).toMatchObject({ used: 1, left: 0 });
    expect((await w.ok(org, ADMIN, 'reach.testSend', { channel: 'sms', requestId: requestId() })).outcome).toMatchObject({ reason: 'quota_exceeded' });
    expect(w.channels.deliveredTo('sms')).toEqual(['m_H01001']);
  });

  it('refuses an unknown channel with a Chinese message', async () => {
    const w = await makeWorld();
    expect(await w.call(org, ADMIN, 'reach.testSend', { channel: 'fax', requestId: requestId() })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '请选择提醒通道' });
  });
});

describe('a member’s own reach (我的)', () => {
  it('counts WeChat credits and names the other channels', async () => {
    const w = await makeWorld({ channels: { configured: { wecom: true, sms: true } } });
    const me = openidOf('m_H01002');
    expect(await w.ok(org, me, 'reach.mine')).toEqual({ wechatCredits: 0, wecom: 'by_mobile', sms: 'urgent_only' });
    await w.ok(notices, me, 'subscribe', { accepted: 1 });
    await w.ok(notices, me, 'subscribe', { accepted: 1 });
    await w.ok(org, ADMIN, 'member.setWecom', { memberId: 'm_H01002', wecomUserId: 'WangFang' });
    expect(await w.ok(org, me, 'reach.mine')).toEqual({ wechatCredits: 2, wecom: 'linked', sms: 'urgent_only' });
  });

  it('says 未配置 where the hospital has not configured a channel, and no mobile where there is none', async () => {
    const w = await makeWorld();
    expect(await w.ok(org, openidOf('m_H01002'), 'reach.mine')).toEqual({ wechatCredits: 0, wecom: 'not_configured', sms: 'not_configured' });
    const w2 = await makeWorld({ channels: { configured: { wecom: true, sms: true } } });
    await w2.storage.collection<Member>('members').updateById('m_H01002', { $set: { phone: null } });
    expect(await w2.ok(org, openidOf('m_H01002'), 'reach.mine')).toEqual({ wechatCredits: 0, wecom: 'none', sms: 'no_mobile' });
  });
});

describe('企业微信账号 on the member page', () => {
  it('sets and clears the account; a bad one is refused naming the field', async () => {
    const w = await makeWorld();
    expect((await w.ok(org, ADMIN, 'member.setWecom', { memberId: 'm_H01002', wecomUserId: ' li.si@ward3 ' })).wecomUserId).toBe('li.si@ward3');
    expect((await member(w, 'm_H01002'))!.wecomUserId).toBe('li.si@ward3');
    expect((await w.ok(org, ADMIN, 'member.setWecom', { memberId: 'm_H01002', wecomUserId: null })).wecomUserId).toBeNull();
    const before = await snapshot(w);
    expect(await w.call(org, ADMIN, 'member.setWecom', { memberId: 'm_H01002', wecomUserId: '张 三' })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
      message: '企业微信账号格式不正确（1–64 位字母、数字或 _ - . @）',
    });
    expect(await snapshot(w)).toBe(before);
  });
});
