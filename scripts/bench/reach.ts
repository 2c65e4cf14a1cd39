import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { failed } from '../../cloudfunctions/_runtime/reach/outcome';
import { memoryReachChannels } from '../../cloudfunctions/_runtime/reach/memory';
import { reachDepsOf } from '../../cloudfunctions/_runtime/reach/deps';
import { releaseDueRounds, startReminder, type StartReminder } from '../../cloudfunctions/_runtime/reach/remind-round';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import type { SubscriptionCredit } from '../../src/domain/notice/types';
import type { Member } from '../../src/domain/org/types';
import type { ExternalChannel } from '../../src/domain/reach/types';
import { countingStorage } from './counting-storage';

/**
 * `npm run bench -- reach`: one reminder to 5,000 members spread over the channels, through the
 * reminder engine on SQLite (file) with the recording in-memory channel set (no network: adapter costs
 * are measured by their own contract tests against loopback fakes). Members: 40 % WeChat credit, 10 % a
 * stale credit (WeChat answers 43101, they fall through to WeCom), 25 % a WeCom account, 10 % only a
 * mobile (WeCom finds half of them by mobile, the other half answer 60111 and fall through to SMS), 15 %
 * nothing. Urgent, SMS cap 200 (so some hit the cap). Then the same reminder
 * fired twice (a double tap) and a quiet-hour round released by two timer ticks racing, plus a third.
 */
const N = Number(process.env.WZB_BENCH_REACH_MEMBERS ?? 5000);

function kindOf(i: number): 'credit' | 'stale' | 'wecom' | 'mobile' | 'none' {
  const r = i % 20;
  return r < 8 ? 'credit' : r < 10 ? 'stale' : r < 15 ? 'wecom' : r < 17 ? 'mobile' : 'none';
}

export async function benchReach() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-reach-'));
  const counted = countingStorage(openSqliteStorage(path.join(dir, 'reach.db')));
  const { storage } = counted;
  let now = Date.parse('2026-11-27T10:00:00+08:00');
  const stale = new Set<string>();
  const notInWecom = new Set<string>();
  const channels = memoryReachChannels({
    configured: { wechat: true, wecom: true, sms: true },
    respond: (ch, to) =>
      ch === 'wechat' && stale.has(to.memberId) ? failed(to, 'no_credit', 43101) : ch === 'wecom' && notInWecom.has(to.memberId) ? failed(to, 'unknown_user', 60111) : undefined,
  });
  const ctx: FunctionContext = { openid: null, storage, now: () => now, randomBytes: (n) => randomBytes(n), demo: false, wechat: localWeChatGateway(), files: localFileStore(path.join(dir, 'files')), channels };

  const members: Member[] = [];
  const credits: SubscriptionCredit[] = [];
  for (let i = 0; i < N; i++) {
    const id = `m_R${String(i).padStart(5, '0')}`;
    const k = kindOf(i);
    members.push({
      _id: id, name: `压测${i}`, employeeNo: `R${i}`, department: '压测', branchId: `b_R${i % 100}`, partyGroupId: null, role: 'member',
      phone: k === 'none' ? null : `139${String(10000000 + i).slice(-8)}`,
      openid: k === 'credit' || k === 'stale' ? `o_R${i}` : null,
      boundAt: null, status: 'active', createdAt: 0, updatedAt: 0,
      wecomUserId: k === 'wecom' || k === 'stale' ? `wc${i}` : null,
    });
    if (k === 'credit' || k === 'stale') credits.push({ _id: `${id}:notice_reminder`, memberId: id, templateKey: 'notice_reminder', credits: 1, updatedAt: 0 });
    if (k === 'stale') stale.add(id);
    if (k === 'mobile' && i % 40 >= 20) notInWecom.add(id);
  }
  for (let i = 0; i < members.length; i += 500) await storage.collection<Member>('members').insertMany(members.slice(i, i + 500));
  for (let i = 0; i < credits.length; i += 500) await storage.collection<SubscriptionCredit>('subscriptionCredits').insertMany(credits.slice(i, i + 500));
  await storage.collection('reachSettings').put({ _id: 'hospital', smsMonthlyCap: 200, quietStart: '22:00', quietEnd: '07:00', secondRoundAfterHours: null, updatedAt: 0, updatedBy: null });

  const reminder = (id: string, urgent: boolean): StartReminder => ({
    reminderId: id,
    source: { kind: 'notice', id: 'n_bench', branchId: null },
    by: null,
    memberIds: members.map((m) => m._id),
    message: { kind: 'notice', urgent, title: '压测通知', from: '院党委', time: '2026-11-27 10:00', tip: '请及时阅读', page: 'pages/notice-detail/index?noticeId=n_bench' },
  });
  const perChannel = () =>
    Object.fromEntries((['wechat', 'wecom', 'sms'] as ExternalChannel[]).map((ch) => [ch, { calls: channels.sent.filter((s) => s.channel === ch).length, recipients: channels.sent.filter((s) => s.channel === ch).reduce((n, s) => n + s.to.length, 0) }]));

  // 1. One urgent reminder to everyone, now.
  counted.reset();
  channels.clear();
  const t0 = performance.now();
  const first = await startReminder(ctx, reachDepsOf(ctx), reminder('rm_bench_1', true));
  const ms = performance.now() - t0;
  const oneReminder = { members: N, ms: Math.round(ms), reads: counted.reads(), writes: counted.writes(), portCalls: perChannel(), reached: first.round1?.reached, unreached: first.round1?.unreached.length };

  // 2. The same reminder again, twice at once (a double tap): nothing more is sent.
  channels.clear();
  counted.reset();
  const taps = await Promise.all([startReminder(ctx, reachDepsOf(ctx), reminder('rm_bench_1', true)), startReminder(ctx, reachDepsOf(ctx), reminder('rm_bench_1', true))]);
  const doubleTap = { duplicates: taps.filter((t) => t.duplicate).length, messagesSent: channels.sent.reduce((n, s) => n + s.to.length, 0), reads: counted.reads(), writes: counted.writes() };

  // 3. A non-urgent reminder at 23:30 waits for 07:00; two timer ticks race, a third follows.
  now = Date.parse('2026-11-27T23:30:00+08:00');
  channels.clear();
  const deferred = await startReminder(ctx, reachDepsOf(ctx), reminder('rm_bench_night', false));
  now = Date.parse('2026-11-28T07:00:00+08:00');
  counted.reset();
  const t1 = performance.now();
  const ticks = await Promise.all([releaseDueRounds(ctx, reachDepsOf(ctx), () => ({})), releaseDueRounds(ctx, reachDepsOf(ctx), () => ({}))]);
  const third = await releaseDueRounds(ctx, reachDepsOf(ctx), () => ({}));
  const delivered = (['wechat', 'wecom', 'sms'] as ExternalChannel[]).flatMap((ch) => channels.deliveredTo(ch));
  const timerTwice = {
    sentAtNight: deferred.round1 === null,
    released: [...ticks.flatMap((t) => t.released), ...third.released].length,
    ms: Math.round(performance.now() - t1),
    messagesDelivered: delivered.length,
    distinctMembers: new Set(delivered).size,
    portCalls: perChannel(),
    reads: counted.reads(),
    writes: counted.writes(),
  };
  await storage.close();
  return { storage: 'SQLite file, counted as CloudBase bills (insertMany = one write per document)', channels: 'recording in-memory channels (memoryReachChannels)', oneReminder, doubleTap, timerTwice };
}
