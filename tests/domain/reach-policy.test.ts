import { channelLadder, nextLadder, type ChannelAvailability, type ReachCandidate } from '../../src/domain/reach/channel-choice';
import { quietUntil, releaseTime } from '../../src/domain/reach/quiet-hours';
import { skippedReasons, summariseRound, type DeliveryEntry } from '../../src/domain/reach/report';
import { planRounds } from '../../src/domain/reach/schedule';
import { DEFAULT_REACH_SETTINGS } from '../../src/domain/reach/types';

/** Asia/Shanghai wall time → epoch ms (UTC+8, no DST). Tests run with TZ=UTC, so a local-time bug fails. */
const sh = (date: string, clock: string) => Date.parse(`${date}T${clock}:00+08:00`);
const HOUR = 3_600_000;

const member = (over: Partial<ReachCandidate> = {}): ReachCandidate => ({
  memberId: 'm_1',
  openid: 'o_1',
  hasCredit: true,
  wecomUserId: 'zhangsan',
  mobile: '13800000001',
  ...over,
});
const all: ChannelAvailability = { wecomConfigured: true, smsConfigured: true, urgent: true };

describe('channel choice', () => {
  it('puts WeChat first when bound and holding a credit, then WeCom, then SMS for urgent reminders', () => {
    expect(channelLadder(member(), all)).toEqual(['wechat', 'wecom', 'sms']);
  });
  it('skips WeChat without a credit or a binding', () => {
    expect(channelLadder(member({ hasCredit: false }), all)).toEqual(['wecom', 'sms']);
    expect(channelLadder(member({ openid: null }), all)).toEqual(['wecom', 'sms']);
  });
  it('uses WeCom by mobile when there is no account, and never when WeCom is not configured', () => {
    expect(channelLadder(member({ wecomUserId: null }), all)).toEqual(['wechat', 'wecom', 'sms']);
    expect(channelLadder(member({ wecomUserId: null, mobile: null }), all)).toEqual(['wechat']);
    expect(channelLadder(member(), { ...all, wecomConfigured: false })).toEqual(['wechat', 'sms']);
  });
  it('sends SMS only for urgent reminders on a configured SMS channel', () => {
    expect(channelLadder(member({ hasCredit: false }), { ...all, urgent: false })).toEqual(['wecom']);
    expect(channelLadder(member({ hasCredit: false }), { ...all, smsConfigured: false })).toEqual(['wecom']);
  });
  it('leaves in-app only when nothing else reaches the member', () => {
    expect(channelLadder(member({ openid: null, wecomUserId: null, mobile: null }), all)).toEqual([]);
  });
  it('escalates to the channel after the one that reached the member last time', () => {
    expect(nextLadder(member(), all, 'wechat')).toEqual(['wecom', 'sms']);
    expect(nextLadder(member(), all, 'wecom')).toEqual(['sms']);
    expect(nextLadder(member(), all, 'sms')).toEqual([]);
    expect(nextLadder(member(), all, 'inapp')).toEqual(['wechat', 'wecom', 'sms']);
    expect(nextLadder(member({ hasCredit: false }), { ...all, urgent: false }, 'wecom')).toEqual([]);
  });
});

describe('quiet hours (22:00–07:00 Asia/Shanghai, across midnight)', () => {
  const quiet = DEFAULT_REACH_SETTINGS;
  it('are not in force during the day', () => {
    expect(quietUntil(sh('2026-11-27', '07:00'), quiet)).toBeNull();
    expect(quietUntil(sh('2026-11-27', '21:59'), quiet)).toBeNull();
  });
  it('before midnight wait for the next morning (the UTC date is still the same day)', () => {
    expect(quietUntil(sh('2026-11-27', '22:00'), quiet)).toBe(sh('2026-11-28', '07:00'));
    expect(quietUntil(sh('2026-11-27', '23:59'), quiet)).toBe(sh('2026-11-28', '07:00'));
  });
  it('after midnight wait for this morning (the UTC date is still yesterday)', () => {
    // 00:30 Shanghai is 16:30 UTC the day before: a UTC-date bug would pick the wrong morning.
    expect(quietUntil(sh('2026-11-28', '00:30'), quiet)).toBe(sh('2026-11-28', '07:00'));
    expect(quietUntil(sh('2026-11-28', '06:59'), quiet)).toBe(sh('2026-11-28', '07:00'));
  });
  it('follow the committee settings, including a window inside one day and none at all', () => {
    const lunch = { quietStart: '12:00', quietEnd: '14:00' };
    expect(quietUntil(sh('2026-11-27', '13:00'), lunch)).toBe(sh('2026-11-27', '14:00'));
    expect(quietUntil(sh('2026-11-27', '23:00'), lunch)).toBeNull();
    expect(quietUntil(sh('2026-11-27', '23:00'), { quietStart: '00:00', quietEnd: '00:00' })).toBeNull();
  });
  it('hold back non-urgent reminders only', () => {
    const night = sh('2026-11-27', '23:10');
    expect(releaseTime(night, false, quiet)).toBe(sh('2026-11-28', '07:00'));
    expect(releaseTime(night, true, quiet)).toBe(night);
  });
});

describe('escalation schedule', () => {
  it('is one round unless the committee turned on a second', () => {
    const now = sh('2026-11-27', '10:00');
    expect(planRounds(now, false, DEFAULT_REACH_SETTINGS)).toEqual([{ n: 1, dueAt: now, deferred: false }]);
  });
  it('plans the second round N hours after the first', () => {
    const now = sh('2026-11-27', '10:00');
    expect(planRounds(now, false, { ...DEFAULT_REACH_SETTINGS, secondRoundAfterHours: 4 })).toEqual([
      { n: 1, dueAt: now, deferred: false },
      { n: 2, dueAt: now + 4 * HOUR, deferred: false },
    ]);
  });
  it('defers a second round that would fall in quiet hours to the morning, but not an urgent one', () => {
    const now = sh('2026-11-27', '20:00');
    const settings = { ...DEFAULT_REACH_SETTINGS, secondRoundAfterHours: 3 };
    expect(planRounds(now, false, settings)[1]).toEqual({ n: 2, dueAt: sh('2026-11-28', '07:00'), deferred: true });
    expect(planRounds(now, true, settings)[1]).toEqual({ n: 2, dueAt: now + 3 * HOUR, deferred: false });
  });
  it('starts counting the second round from a deferred first round', () => {
    const now = sh('2026-11-27', '23:30');
    const rounds = planRounds(now, false, { ...DEFAULT_REACH_SETTINGS, secondRoundAfterHours: 2 });
    expect(rounds).toEqual([
      { n: 1, dueAt: sh('2026-11-28', '07:00'), deferred: true },
      { n: 2, dueAt: sh('2026-11-28', '09:00'), deferred: false },
    ]);
  });
  it('never escalates a source that asks for no second round (chat mentions)', () => {
    expect(planRounds(sh('2026-11-27', '10:00'), false, { ...DEFAULT_REACH_SETTINGS, secondRoundAfterHours: 2 }, false)).toHaveLength(1);
  });
});

describe('reach report', () => {
  it('counts each channel, failures by reason in Chinese, and names those reached by nothing', () => {
    const entries: DeliveryEntry[] = [
      { memberId: 'a', name: '王芳', via: 'wechat', failed: [] },
      { memberId: 'b', name: '李娜', via: 'wecom', failed: [{ channel: 'wechat', reason: 'no_credit' }] },
      { memberId: 'c', name: '赵强', via: 'inapp', failed: [{ channel: 'wecom', reason: 'unknown_user' }, { channel: 'wechat', reason: 'not_bound' }] },
      { memberId: 'd', name: '陈静', via: 'inapp', failed: [] },
    ];
    const s = summariseRound(entries);
    expect(s.total).toBe(4);
    expect(s.reached).toEqual({ wechat: 1, wecom: 1, sms: 0, inapp: 2 });
    expect(s.failures).toEqual([
      { channel: 'wechat', reason: 'no_credit', label: '未授权微信提醒', count: 1 },
      { channel: 'wechat', reason: 'not_bound', label: '未绑定微信', count: 1 },
      { channel: 'wecom', reason: 'unknown_user', label: '企业微信查无此人', count: 1 },
    ]);
    expect(s.unreached.map((u) => [u.name, u.why])).toEqual([
      ['陈静', '没有可用的提醒渠道'],
      ['赵强', '企业微信查无此人；未绑定微信'],
    ]);
  });
  it('says why untried channels could not reach a member, leaving out channels the hospital lacks', () => {
    const none = member({ openid: 'o', hasCredit: false, wecomUserId: null, mobile: null });
    expect(skippedReasons(none, all, new Set())).toEqual([
      { channel: 'wechat', reason: 'no_credit' },
      { channel: 'wecom', reason: 'no_address' },
      { channel: 'sms', reason: 'no_address' },
    ]);
    expect(skippedReasons(none, { wecomConfigured: false, smsConfigured: false, urgent: false }, new Set())).toEqual([{ channel: 'wechat', reason: 'no_credit' }]);
  });
});
