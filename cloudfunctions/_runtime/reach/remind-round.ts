import { nextLadder, type ChannelAvailability, type ReachCandidate } from '../../../src/domain/reach/channel-choice';
import { skippedReasons, summariseRound, type DeliveryEntry, type ReachAttempt, type RoundSummary } from '../../../src/domain/reach/report';
import { planRounds } from '../../../src/domain/reach/schedule';
import type { ChannelName, ExternalChannel } from '../../../src/domain/reach/types';
import type { SubscriptionCredit } from '../../../src/domain/notice/types';
import type { Member } from '../../../src/domain/org/types';
import type { FunctionContext } from '../context';
import { DuplicateKeyError } from '../storage/port';
import type { ReachAddress, ReachChannels, ReachMessage } from './port';
import { readReachSettings } from './settings';
import {
  chunkId,
  countsOf,
  DELIVERY_CHUNK,
  reachDeliveries,
  reachReminders,
  reachRounds,
  roundId,
  type ReachSourceKind,
  type StoredReachReminder,
  type StoredReachRound,
} from './reminder-store';

/**
 * The one reminder engine (issue 11) that notices, lessons, chat mentions and meetings use. The caller
 * decides who is due a reminder and claims the right to send (its own cooldown); the engine decides how
 * each member is reached, when (quiet hours, a second round), spends WeChat credits, falls through to
 * the next channel on failure, and keeps the per-member outcomes for the reach report.
 */

/** What the engine needs beyond storage: the channel adapters and the committee's SMS budget. */
export interface ReachDeps {
  channels: ReachChannels;
  /** Reserves up to `count` SMS of this month's cap; resolves with how many may be sent. */
  reserveSms(count: number): Promise<number>;
}

/** Source-specific steps: who is still due a reminder when a later round is released, and the in-app mark. */
export interface ReachSourceHooks {
  /** The subset of `memberIds` that still need the reminder (e.g. still unread); all of them when absent. */
  stillPending?(ctx: FunctionContext, reminder: StoredReachReminder, memberIds: string[]): Promise<string[]>;
  /** Marks the in-app reminder for these members (e.g. the notice list's 书记提醒 mark). */
  markInApp?(ctx: FunctionContext, reminder: StoredReachReminder, memberIds: string[]): Promise<void>;
}

export interface StartReminder {
  /** Deterministic: the caller's claim key, so a retry or a second tap finds the first reminder. */
  reminderId: string;
  source: { kind: ReachSourceKind; id: string; branchId: string | null };
  by: string | null;
  memberIds: string[];
  message: ReachMessage;
  /** False for sources that never get a second round (chat mentions). */
  escalate?: boolean;
}

export interface ReminderStarted {
  reminderId: string;
  /** Round 1's outcome; null when quiet hours deferred it (then `deferredUntil` says when). */
  round1: RoundSummary | null;
  deferredUntil: number | null;
  /** When a second round is planned, null when none. */
  secondRoundAt: number | null;
  /** True when this call found the reminder already started (a double tap): nothing was sent again. */
  duplicate: boolean;
}

const CREDIT_KEY = 'notice_reminder';
const creditId = (memberId: string) => `${memberId}:${CREDIT_KEY}`;

/**
 * Records the reminder and its rounds, then sends round 1 now unless quiet hours defer it (non-urgent
 * between quietStart and quietEnd): then the scheduler releases it at the end of quiet hours.
 */
export async function startReminder(ctx: FunctionContext, deps: ReachDeps, input: StartReminder, hooks: ReachSourceHooks = {}): Promise<ReminderStarted> {
  const now = ctx.now();
  const settings = await readReachSettings(ctx);
  const rounds = planRounds(now, input.message.urgent, settings, input.escalate !== false);
  const reminder: StoredReachReminder = {
    _id: input.reminderId,
    sourceKind: input.source.kind,
    sourceId: input.source.id,
    branchId: input.source.branchId,
    by: input.by,
    urgent: input.message.urgent,
    message: { ...input.message },
    memberIds: [...input.memberIds],
    rounds: rounds.length,
    createdAt: now,
  };
  const second = rounds.find((r) => r.n === 2)?.dueAt ?? null;
  try {
    await reachReminders(ctx).insert(reminder);
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    return { reminderId: input.reminderId, round1: null, deferredUntil: null, secondRoundAt: second, duplicate: true };
  }
  await reachRounds(ctx).insertMany(
    rounds.map((r): StoredReachRound => ({
      _id: roundId(reminder._id, r.n),
      reminderId: reminder._id,
      branchId: reminder.branchId,
      n: r.n,
      dueAt: r.dueAt,
      deferred: r.deferred,
      status: 'pending',
      sentAt: null,
      counts: null,
    })),
  );
  const first = rounds[0];
  if (first.dueAt > now) return { reminderId: reminder._id, round1: null, deferredUntil: first.dueAt, secondRoundAt: second, duplicate: false };
  const round1 = await releaseRound(ctx, deps, reminder, 1, hooks, false);
  return { reminderId: reminder._id, round1, deferredUntil: null, secondRoundAt: second, duplicate: false };
}

/**
 * Sends round `n` once: the round document flips `pending → sending` by a conditional write, so a timer
 * firing twice, two ticks racing or a retry send each message once; the loser gets null.
 * `recheck` asks the source who is still pending (deferred and later rounds); round 1 sent at once
 * goes to the members the caller just chose.
 */
export async function releaseRound(
  ctx: FunctionContext,
  deps: ReachDeps,
  reminder: StoredReachReminder,
  n: number,
  hooks: ReachSourceHooks,
  recheck = true,
): Promise<RoundSummary | null> {
  const now = ctx.now();
  const claimed = await reachRounds(ctx).update({ _id: roundId(reminder._id, n), status: 'pending' }, { $set: { status: 'sending', sentAt: now } });
  if (claimed === 0) return null;
  let memberIds = reminder.memberIds;
  if (recheck && hooks.stillPending) memberIds = await hooks.stillPending(ctx, reminder, memberIds);
  const lastVia = n > 1 ? await lastReachedBy(ctx, reminder._id, n - 1) : new Map<string, ChannelName>();
  const entries = memberIds.length === 0 ? [] : await sendToMembers(ctx, deps, reminder, memberIds, lastVia);
  if (hooks.markInApp && memberIds.length > 0) await hooks.markInApp(ctx, reminder, memberIds);
  const chunks = Array.from({ length: Math.ceil(entries.length / DELIVERY_CHUNK) }, (_, i) => ({
    _id: chunkId(reminder._id, n, i),
    reminderId: reminder._id,
    n,
    entries: entries.slice(i * DELIVERY_CHUNK, (i + 1) * DELIVERY_CHUNK),
  }));
  if (chunks.length > 0) await reachDeliveries(ctx).insertMany(chunks);
  const summary = summariseRound(entries);
  await reachRounds(ctx).updateById(roundId(reminder._id, n), { $set: { status: 'sent', counts: countsOf(summary) } });
  return summary;
}

/** Every round whose time has come, each released once; for the scheduler tick. */
export async function releaseDueRounds(
  ctx: FunctionContext,
  deps: ReachDeps,
  hooksFor: (kind: ReachSourceKind) => ReachSourceHooks,
): Promise<{ released: string[] }> {
  const due = await reachRounds(ctx).find({ status: 'pending', dueAt: { $lte: ctx.now() } }, { orderBy: [['dueAt', 'asc']], limit: 50 });
  const released: string[] = [];
  for (const round of due) {
    const reminder = await reachReminders(ctx).get(round.reminderId);
    if (!reminder) continue;
    const summary = await releaseRound(ctx, deps, reminder, round.n, hooksFor(reminder.sourceKind));
    if (summary) released.push(round._id);
  }
  return { released };
}

async function lastReachedBy(ctx: FunctionContext, reminderId: string, n: number): Promise<Map<string, ChannelName>> {
  const chunks = await reachDeliveries(ctx).find({ reminderId, n }, { limit: 1000 });
  return new Map(chunks.flatMap((c) => c.entries.map((e) => [e.memberId, e.via] as const)));
}

const inChunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

interface Target {
  member: Member;
  candidate: ReachCandidate;
  address: ReachAddress;
  ladder: ExternalChannel[];
  failed: ReachAttempt[];
  via: ChannelName | null;
}

/** Loads members and credits in chunks, sends channel by channel (best first), falls through on failure. */
async function sendToMembers(
  ctx: FunctionContext,
  deps: ReachDeps,
  reminder: StoredReachReminder,
  memberIds: string[],
  lastVia: Map<string, ChannelName>,
): Promise<DeliveryEntry[]> {
  const members: Member[] = [];
  const holders = new Set<string>();
  for (const part of inChunks(memberIds)) {
    members.push(...(await ctx.storage.collection<Member>('members').find({ _id: { $in: part } }, { limit: 1000 })));
    const credits = await ctx.storage
      .collection<SubscriptionCredit>('subscriptionCredits')
      .find({ _id: { $in: part.map(creditId) }, credits: { $gt: 0 } }, { limit: 1000, fields: ['memberId'] });
    for (const c of credits) holders.add(c.memberId);
  }
  const availability: ChannelAvailability = {
    wecomConfigured: deps.channels.wecom.configured,
    smsConfigured: deps.channels.sms.configured,
    urgent: reminder.urgent,
  };
  const byId = new Map(members.map((m) => [m._id, m]));
  const targets: Target[] = memberIds.flatMap((id) => {
    const member = byId.get(id);
    if (!member) return [];
    const wecomUserId = typeof member.wecomUserId === 'string' && member.wecomUserId ? member.wecomUserId : null;
    const candidate: ReachCandidate = { memberId: id, openid: member.openid, hasCredit: holders.has(id), wecomUserId, mobile: member.phone || null };
    const address: ReachAddress = { memberId: id, name: member.name, openid: member.openid, wecomUserId, mobile: member.phone || null };
    const ladder = nextLadder(candidate, availability, lastVia.get(id) ?? null);
    return [{ member, candidate, address, ladder, failed: [], via: null }];
  });

  const message = reminder.message as ReachMessage;
  for (const channel of ['wechat', 'wecom', 'sms'] as const) {
    let batch = targets.filter((t) => t.via === null && t.ladder[0] === channel);
    if (batch.length === 0) continue;
    if (channel === 'sms') {
      const allowed = await deps.reserveSms(batch.length);
      for (const t of batch.slice(allowed)) fail(t, { channel, reason: 'quota_exceeded' });
      batch = batch.slice(0, allowed);
      if (batch.length === 0) continue;
    }
    const outcomes = await deps.channels[channel].send(message, batch.map((t) => t.address));
    batch.forEach((t, i) => {
      const o = outcomes[i];
      if (o && o.delivered) t.via = channel;
      else fail(t, { channel, reason: o && !o.delivered ? o.reason : 'failed' });
      if (o && o.delivered && o.wecomUserId && o.wecomUserId !== t.candidate.wecomUserId) t.candidate.wecomUserId = o.wecomUserId;
    });
    if (channel === 'wechat') await settleCredits(ctx, batch, outcomes.map((o) => (o.delivered ? 'spent' : o.reason === 'no_credit' ? 'none' : 'kept')));
    if (channel === 'wecom') await rememberWeComAccounts(ctx, batch);
  }

  return targets.map((t) => {
    const via: ChannelName = t.via ?? 'inapp';
    // Only the unreached carry the “why not” of channels never tried: that is what the secretary reads.
    const tried = new Set(t.failed.map((f) => f.channel));
    const failed = via === 'inapp' ? [...t.failed, ...skippedReasons(t.candidate, availability, tried)] : t.failed;
    return { memberId: t.member._id, name: t.member.name, via, failed };
  });
}

function fail(t: Target, attempt: ReachAttempt): void {
  t.failed.push(attempt);
  t.ladder = t.ladder.filter((ch) => ch !== attempt.channel);
}

/** One write per chunk: spent credits decrease by one, WeChat's “no credit” (43101) resets to zero. */
async function settleCredits(ctx: FunctionContext, batch: Target[], result: Array<'spent' | 'none' | 'kept'>): Promise<void> {
  const credits = ctx.storage.collection<SubscriptionCredit>('subscriptionCredits');
  const spent = batch.filter((_, i) => result[i] === 'spent').map((t) => creditId(t.member._id));
  const none = batch.filter((_, i) => result[i] === 'none').map((t) => creditId(t.member._id));
  for (const part of inChunks(spent)) await credits.update({ _id: { $in: part } }, { $inc: { credits: -1 } });
  for (const part of inChunks(none)) await credits.update({ _id: { $in: part } }, { $set: { credits: 0 } });
}

/** A WeCom account found by mobile is remembered on the member, so the next reminder skips the lookup. */
async function rememberWeComAccounts(ctx: FunctionContext, batch: Target[]): Promise<void> {
  for (const t of batch) {
    if (t.via === 'wecom' && t.candidate.wecomUserId && t.candidate.wecomUserId !== t.address.wecomUserId) {
      await ctx.storage.collection<Member>('members').updateById(t.member._id, { $set: { wecomUserId: t.candidate.wecomUserId } });
    }
  }
}
