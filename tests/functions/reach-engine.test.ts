import { randomBytes } from 'node:crypto';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { reachDeliveries, reachReminders, reachRounds } from '../../cloudfunctions/_runtime/reach/reminder-store';
import { releaseDueRounds, startReminder, type StartReminder } from '../../cloudfunctions/_runtime/reach/remind-round';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { countingStorage } from '../../scripts/bench/counting-storage';
import type { SubscriptionCredit } from '../../src/domain/notice/types';
import type { Member } from '../../src/domain/org/types';
import type { ReachSettings } from '../../src/domain/reach/types';
import { FakeClock } from './harness';
import { depsWith, reachMember, recordingChannels } from './reach-fakes';

const sh = (date: string, clock: string) => Date.parse(`${date}T${clock}:00+08:00`);
const HOUR = 3_600_000;

function world(at = sh('2026-11-27', '10:00')) {
  const counted = countingStorage(openSqliteStorage(':memory:'));
  const clock = new FakeClock(at);
  const ctx = { openid: null, storage: counted.storage, now: clock.now, randomBytes: (n: number) => randomBytes(n), demo: false } as unknown as FunctionContext;
  const members = counted.storage.collection<Member>('members');
  const credits = counted.storage.collection<SubscriptionCredit>('subscriptionCredits');
  const give = async (m: Member, credit = 0) => {
    await members.insert(m);
    if (credit > 0) await credits.insert({ _id: `${m._id}:notice_reminder`, memberId: m._id, templateKey: 'notice_reminder', credits: credit, updatedAt: 0 });
  };
  const settings = (over: Partial<ReachSettings>) =>
    counted.storage.collection<{ [K in keyof ReachSettings]: ReachSettings[K] }>('reachSettings').put({
      _id: 'hospital', smsMonthlyCap: 100, quietStart: '22:00', quietEnd: '07:00', secondRoundAfterHours: null, updatedAt: 0, updatedBy: null, ...over,
    });
  return { ctx, clock, counted, credits, give, settings };
}

const notice = (memberIds: string[], over: Partial<StartReminder['message']> = {}, id = 'rm1'): StartReminder => ({
  reminderId: id,
  source: { kind: 'notice', id: 'n1', branchId: 'b1' },
  by: 'm_sec',
  memberIds,
  message: { kind: 'notice', urgent: false, title: '学习通知', from: '书记', time: '2026-11-27 10:00', tip: '请及时阅读', page: 'pages/notice-detail/index?noticeId=n1', ...over },
});

describe('reminder engine: channel choice and fall-through', () => {
  it('reaches each member on their best channel, falls through on failure, spends credits, names the unreached', async () => {
    const w = world();
    await w.give(reachMember('a', { openid: 'oa' }), 2); // WeChat credit
    await w.give(reachMember('b', { openid: 'ob', wecomUserId: 'bb' }), 0); // no credit: WeCom
    await w.give(reachMember('c', { openid: 'oc', phone: '13800000003' }), 1); // WeChat says 43101: WeCom by mobile
    await w.give(reachMember('d', { name: '赵强' }), 0); // nothing but in-app
    await w.give(reachMember('e', { wecomUserId: 'ghost' }), 0); // WeCom 60111
    const fake = recordingChannels({ fail: (ch, a) => (ch === 'wechat' && a.memberId === 'c' ? 'no_credit' : ch === 'wecom' && a.wecomUserId === 'ghost' ? 'unknown_user' : null) });
    const started = await startReminder(w.ctx, depsWith(fake.channels), notice(['a', 'b', 'c', 'd', 'e']));

    expect(started.duplicate).toBe(false);
    expect(fake.calls.map((c) => [c.channel, c.to])).toEqual([
      ['wechat', ['a', 'c']],
      ['wecom', ['b', 'c', 'e']],
    ]);
    const s = started.round1!;
    expect(s.reached).toEqual({ wechat: 1, wecom: 2, sms: 0, inapp: 2 });
    expect(s.failures.map((f) => [f.channel, f.label, f.count])).toEqual([
      ['wechat', '未绑定微信', 2],
      ['wechat', '未授权微信提醒', 1],
      ['wecom', '无企业微信账号或手机号', 1],
      ['wecom', '企业微信查无此人', 1],
    ]);
    expect(new Map(s.unreached.map((u) => [u.memberId, u.why]))).toEqual(
      new Map([
        ['e', '企业微信查无此人；未绑定微信'],
        ['d', '未绑定微信；无企业微信账号或手机号'],
      ]),
    );
    expect((await w.credits.get('a:notice_reminder'))?.credits).toBe(1);
    expect((await w.credits.get('c:notice_reminder'))?.credits).toBe(0);
  });

  it('uses SMS only for urgent reminders and within the monthly budget', async () => {
    const w = world();
    for (const id of ['a', 'b', 'c']) await w.give(reachMember(id, { phone: `1380000000${id.charCodeAt(0) % 10}` }));
    const fake = recordingChannels({ configured: { wecom: false } });
    const calm = await startReminder(w.ctx, depsWith(fake.channels), notice(['a', 'b', 'c'], {}, 'calm'));
    expect(fake.calls).toEqual([]);
    expect(calm.round1!.reached.inapp).toBe(3);

    const deps = depsWith(fake.channels, 2);
    const urgent = await startReminder(w.ctx, deps, notice(['a', 'b', 'c'], { urgent: true }, 'urgent'));
    expect(fake.calls.map((c) => [c.channel, c.to.length])).toEqual([['sms', 2]]);
    expect(urgent.round1!.reached).toEqual({ wechat: 0, wecom: 0, sms: 2, inapp: 1 });
    expect(urgent.round1!.failures.find((f) => f.channel === 'sms')).toMatchObject({ label: '短信额度已用完', count: 1 });
    expect(deps.smsReserved()).toBe(2);
  });
});

describe('reminder engine: exactly once', () => {
  it('a double tap (same reminder id, even concurrently) sends each message once', async () => {
    const w = world();
    for (const id of ['a', 'b']) await w.give(reachMember(id, { openid: `o${id}` }), 3);
    const fake = recordingChannels();
    const deps = depsWith(fake.channels);
    const [one, two] = await Promise.all([startReminder(w.ctx, deps, notice(['a', 'b'])), startReminder(w.ctx, deps, notice(['a', 'b']))]);
    expect([one.duplicate, two.duplicate].sort()).toEqual([false, true]);
    expect(fake.received('a')).toEqual(['wechat']);
    expect(fake.received('b')).toEqual(['wechat']);
    expect((await w.credits.get('a:notice_reminder'))?.credits).toBe(2);
  });

  it('defers a non-urgent reminder in quiet hours and the scheduler releases it once at 07:00, even firing twice', async () => {
    const w = world(sh('2026-11-27', '23:30'));
    await w.give(reachMember('a', { openid: 'oa' }), 1);
    await w.give(reachMember('b', { openid: 'ob' }), 1);
    const fake = recordingChannels();
    const deps = depsWith(fake.channels);
    const started = await startReminder(w.ctx, deps, notice(['a', 'b']));
    expect(started.round1).toBeNull();
    expect(started.deferredUntil).toBe(sh('2026-11-28', '07:00'));
    expect(fake.calls).toEqual([]);

    const hooks = { stillPending: async (_: FunctionContext, __: unknown, ids: string[]) => ids.filter((id) => id !== 'b') };
    w.clock.t = sh('2026-11-28', '06:59');
    expect((await releaseDueRounds(w.ctx, deps, () => hooks)).released).toEqual([]);
    w.clock.t = sh('2026-11-28', '07:00');
    const [x, y] = await Promise.all([releaseDueRounds(w.ctx, deps, () => hooks), releaseDueRounds(w.ctx, deps, () => hooks)]);
    expect([...x.released, ...y.released]).toEqual(['rm1#1']);
    expect((await releaseDueRounds(w.ctx, deps, () => hooks)).released).toEqual([]);
    // b read the notice overnight: only a is reminded.
    expect(fake.calls.map((c) => [c.channel, c.to])).toEqual([['wechat', ['a']]]);
  });

  it('sends an urgent reminder at night at once', async () => {
    const w = world(sh('2026-11-27', '23:30'));
    await w.give(reachMember('a', { openid: 'oa' }), 1);
    const fake = recordingChannels();
    const started = await startReminder(w.ctx, depsWith(fake.channels), notice(['a'], { urgent: true }));
    expect(started.round1?.reached.wechat).toBe(1);
  });
});

describe('reminder engine: escalation', () => {
  it('reminds those still pending after N hours on the next channel they have, once', async () => {
    const w = world();
    await w.settings({ secondRoundAfterHours: 2 });
    await w.give(reachMember('a', { openid: 'oa', wecomUserId: 'aa' }), 2);
    await w.give(reachMember('b', { openid: 'ob', wecomUserId: 'bb' }), 2);
    await w.give(reachMember('c', { openid: 'oc' }), 2);
    const fake = recordingChannels();
    const deps = depsWith(fake.channels);
    const started = await startReminder(w.ctx, deps, notice(['a', 'b', 'c']));
    expect(started.secondRoundAt).toBe(sh('2026-11-27', '12:00'));
    const marked: string[][] = [];
    const hooks = {
      stillPending: async (_: FunctionContext, __: unknown, ids: string[]) => ids.filter((id) => id !== 'b'),
      markInApp: async (_: FunctionContext, __: unknown, ids: string[]) => void marked.push(ids),
    };
    w.clock.advance(HOUR);
    expect((await releaseDueRounds(w.ctx, deps, () => hooks)).released).toEqual([]);
    w.clock.advance(HOUR);
    expect((await releaseDueRounds(w.ctx, deps, () => hooks)).released).toEqual(['rm1#2']);
    expect((await releaseDueRounds(w.ctx, deps, () => hooks)).released).toEqual([]);
    // a: WeChat then WeCom; b read in between; c has nothing after WeChat: in-app only, named.
    expect(fake.received('a')).toEqual(['wechat', 'wecom']);
    expect(fake.received('b')).toEqual(['wechat']);
    expect(fake.received('c')).toEqual(['wechat']);
    expect(marked).toEqual([['a', 'c']]);
    const round2 = await reachRounds(w.ctx).get('rm1#2');
    expect(round2?.counts).toMatchObject({ total: 2, reached: { wecom: 1, inapp: 1 }, unreached: 1 });
  });
});

describe('reminder engine: storage economy', () => {
  it('1,200 members cost a handful of writes: outcomes in chunks of 500, credits settled per chunk', async () => {
    const w = world();
    const members = Array.from({ length: 1200 }, (_, i) => reachMember(`m${String(i).padStart(4, '0')}`, { openid: i % 2 ? `o${i}` : null, wecomUserId: i % 3 ? null : `w${i}` }));
    await w.counted.storage.collection<Member>('members').insertMany(members);
    await w.credits.insertMany(members.filter((_, i) => i % 2).map((m) => ({ _id: `${m._id}:notice_reminder`, memberId: m._id, templateKey: 'notice_reminder' as const, credits: 1, updatedAt: 0 })));
    const fake = recordingChannels();
    w.counted.reset();
    const started = await startReminder(w.ctx, depsWith(fake.channels), notice(members.map((m) => m._id)));
    expect(started.round1!.total).toBe(1200);
    expect(await reachDeliveries(w.ctx).count({ reminderId: 'rm1' })).toBe(3);
    // reminder + rounds + claim + 3 chunks + round counts + 2 credit chunks (600 spent).
    expect(w.counted.writes()).toBeLessThanOrEqual(12);
    expect(fake.calls.map((c) => [c.channel, c.to.length])).toEqual([['wechat', 600], ['wecom', 200]]);
  });
});

describe('meeting reminders (for the meetings helper)', () => {
  it('are urgent: sent at night at once, once per reminder id', async () => {
    const { remindMeeting } = await import('../../cloudfunctions/_runtime/reach/meeting-reminder');
    const w = world(sh('2026-11-27', '23:00'));
    await w.give(reachMember('a', { phone: '13800000001' }));
    const fake = recordingChannels();
    const ctx = { ...w.ctx, channels: fake.channels } as FunctionContext;
    const input = { reminderId: 'meeting:mt1:start', about: { kind: 'meeting' as const, meetingId: 'mt1', branchId: 'b1' }, by: null, memberIds: ['a'], title: '支部党员大会', from: '第一党支部', time: '2026-11-28 08:00', tip: '请准时参加', page: 'pages/meeting/index?id=mt1' };
    const first = await remindMeeting(ctx, input);
    const again = await remindMeeting(ctx, input);
    expect(first).toMatchObject({ deferredUntil: null, duplicate: false, round1: { reached: { wecom: 1 } } });
    expect(again.duplicate).toBe(true);
    expect(fake.calls.map((c) => [c.channel, c.to, c.message.urgent])).toEqual([['wecom', ['a'], true]]);
    expect(await reachReminders(ctx).get('meeting:mt1:start')).toMatchObject({ sourceKind: 'meeting', sourceId: 'mt1', branchId: 'b1' });
  });

  it('a nudge about a branch’s due meetings is stored as a branch source (its id the branch’s), not as a meeting', async () => {
    const { remindMeeting } = await import('../../cloudfunctions/_runtime/reach/meeting-reminder');
    const w = world(sh('2026-11-27', '10:00'));
    await w.give(reachMember('sec', { phone: '13800000002' }));
    const ctx = { ...w.ctx, channels: recordingChannels().channels } as FunctionContext;
    await remindMeeting(ctx, { reminderId: 'meeting:br:b1:7', about: { kind: 'branch', branchId: 'b1' }, by: 'admin', memberIds: ['sec'], title: '请按时召开支部会议', from: '院党委', time: '2026-11', tip: '待开：主题党日', page: 'pages/meeting/list/index', urgent: false });
    expect(await reachReminders(ctx).get('meeting:br:b1:7')).toMatchObject({ sourceKind: 'branch', sourceId: 'b1', branchId: 'b1', urgent: false });
  });
});
