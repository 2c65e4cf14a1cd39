import type { MemberView, OrgInput, OrgOutput, ReachSettingsView } from '../../../src/domain/api/org';
import type { SubscriptionCredit } from '../../../src/domain/notice/types';
import { canManageBranch, isCommitteeAdmin } from '../../../src/domain/org/policies';
import type { Member } from '../../../src/domain/org/types';
import type { DeliveryOutcome } from '../../../src/domain/reach/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { idForRequest } from '../../_runtime/idempotency';
import type { ReachAddress, ReachMessage } from '../../_runtime/reach/port';
import { readReachSettings, reachSettingsDocs } from '../../_runtime/reach/settings';
import { reserveSmsBudget, smsBudget } from '../../_runtime/reach/sms-budget';
import { DuplicateKeyError } from '../../_runtime/storage/port';
import { committeeName, getMemberOrThrow, toMemberView } from './views';

/**
 * Reminder channels for the committee admin (issue 11): which channels this deployment has (from its
 * environment, masked), the hospital's reach settings, the SMS budget, and a test send to oneself.
 * Members read their own reach for 我的.
 */

const members = (ctx: FunctionContext) => ctx.storage.collection<Member>('members');

async function settingsView(ctx: FunctionContext): Promise<ReachSettingsView> {
  const [settings, sms] = await Promise.all([readReachSettings(ctx), smsBudget(ctx)]);
  const { smsMonthlyCap, quietStart, quietEnd, secondRoundAfterHours, updatedAt } = settings;
  return { channels: ctx.channels.status(), settings: { smsMonthlyCap, quietStart, quietEnd, secondRoundAfterHours, updatedAt }, sms };
}

async function requireCommitteeAdmin(ctx: FunctionContext) {
  const caller = await requireActor(ctx);
  authorise(isCommitteeAdmin(caller.actor));
  return caller;
}

export async function reachSettings(_input: OrgInput<'reach.settings'>, ctx: FunctionContext): Promise<ReachSettingsView> {
  await requireCommitteeAdmin(ctx);
  return settingsView(ctx);
}

/** Saving the same values twice is harmless: the document is replaced whole. */
export async function saveReachSettings(input: OrgInput<'reach.saveSettings'>, ctx: FunctionContext): Promise<ReachSettingsView> {
  const { actor } = await requireCommitteeAdmin(ctx);
  await reachSettingsDocs(ctx).put({
    _id: 'hospital',
    smsMonthlyCap: input.smsMonthlyCap,
    quietStart: input.quietStart,
    quietEnd: input.quietEnd,
    secondRoundAfterHours: input.secondRoundAfterHours,
    updatedAt: ctx.now(),
    updatedBy: actor.memberId,
  });
  return settingsView(ctx);
}

/** `11月28日 09:00` in Asia/Shanghai (UTC+8 all year). */
function shanghaiTime(at: number): string {
  const d = new Date(at + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

type TestSend = { _id: string; memberId: string; channel: string; outcome: DeliveryOutcome | null; at: number };

const creditId = (memberId: string) => `${memberId}:notice_reminder`;

/**
 * One test message to the caller through one channel, with the real outcome. Like a real reminder it
 * spends what it uses: a WeChat credit (none held → `no_credit`, nothing sent) and one SMS of this
 * month's budget (none left → `quota_exceeded`). A WeCom account found by mobile is remembered. The
 * request id is claimed before sending, so a double tap sends once.
 */
export async function reachTestSend(input: OrgInput<'reach.testSend'>, ctx: FunctionContext): Promise<OrgOutput['reach.testSend']> {
  const { member } = await requireCommitteeAdmin(ctx);
  const sends = ctx.storage.collection<TestSend>('reachTestSends');
  const id = idForRequest('rt', 'reach.testSend', member._id, input.requestId);
  try {
    await sends.insert({ _id: id, memberId: member._id, channel: input.channel, outcome: null, at: ctx.now() });
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    const first = await sends.get(id);
    return { channel: input.channel, outcome: first?.outcome ?? null };
  }

  const to: ReachAddress = { memberId: member._id, name: member.name, openid: member.openid, wecomUserId: member.wecomUserId ?? null, mobile: member.phone };
  const message: ReachMessage = {
    kind: 'test',
    urgent: true,
    title: '提醒通道测试',
    from: await committeeName(ctx.storage),
    time: shanghaiTime(ctx.now()),
    tip: '收到本消息，说明此通道可以送达您',
    page: 'pages/me/index',
  };
  const outcome = await sendTest(ctx, input.channel, message, to);
  await sends.updateById(id, { $set: { outcome } });
  return { channel: input.channel, outcome };
}

async function sendTest(ctx: FunctionContext, channel: OrgInput<'reach.testSend'>['channel'], message: ReachMessage, to: ReachAddress): Promise<DeliveryOutcome> {
  const refuse = (reason: 'no_credit' | 'quota_exceeded'): DeliveryOutcome => ({ memberId: to.memberId, delivered: false, reason, retryable: false });
  if (channel === 'wechat') {
    const credits = ctx.storage.collection<SubscriptionCredit>('subscriptionCredits');
    const held = (await credits.get(creditId(to.memberId)))?.credits ?? 0;
    if (to.openid && ctx.channels.wechat.configured && held <= 0) return refuse('no_credit');
    const [outcome] = await ctx.channels.wechat.send(message, [to]);
    if (outcome.delivered) await credits.update({ _id: creditId(to.memberId), credits: { $gt: 0 } }, { $inc: { credits: -1 }, $set: { updatedAt: ctx.now() } });
    else if (outcome.reason === 'no_credit') await credits.update({ _id: creditId(to.memberId) }, { $set: { credits: 0, updatedAt: ctx.now() } });
    return outcome;
  }
  if (channel === 'sms' && ctx.channels.sms.configured && to.mobile && (await reserveSmsBudget(ctx, 1)) === 0) return refuse('quota_exceeded');
  const [outcome] = await ctx.channels[channel].send(message, [to]);
  if (channel === 'wecom' && outcome.delivered && outcome.wecomUserId) {
    await members(ctx).updateById(to.memberId, { $set: { wecomUserId: outcome.wecomUserId, updatedAt: ctx.now() } });
  }
  return outcome;
}

/** 我的: how reminders can reach the caller. */
export async function myReach(_input: OrgInput<'reach.mine'>, ctx: FunctionContext): Promise<OrgOutput['reach.mine']> {
  const { member } = await requireActor(ctx);
  const credit = await ctx.storage.collection<SubscriptionCredit>('subscriptionCredits').get(creditId(member._id));
  const wecom = !ctx.channels.wecom.configured ? 'not_configured' : member.wecomUserId ? 'linked' : member.phone ? 'by_mobile' : 'none';
  const sms = !ctx.channels.sms.configured ? 'not_configured' : member.phone ? 'urgent_only' : 'no_mobile';
  return { wechatCredits: member.openid ? Math.max(0, credit?.credits ?? 0) : 0, wecom, sms };
}

/** The member page's 企业微信账号: officers of the member's branch and the committee admin. */
export async function setMemberWecom(input: OrgInput<'member.setWecom'>, ctx: FunctionContext): Promise<MemberView> {
  const { actor } = await requireActor(ctx);
  const member = await getMemberOrThrow(ctx.storage, input.memberId);
  authorise(member.branchId ? canManageBranch(actor, member.branchId) : isCommitteeAdmin(actor));
  await members(ctx).updateById(member._id, { $set: { wecomUserId: input.wecomUserId, updatedAt: ctx.now() } });
  return toMemberView({ ...member, wecomUserId: input.wecomUserId });
}
