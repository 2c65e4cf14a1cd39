import type { RoundSummary, DeliveryEntry } from '../../../src/domain/reach/report';
import type { ChannelName } from '../../../src/domain/reach/types';
import type { FunctionContext } from '../context';
import type { ReachMessage } from './port';

/**
 * How a reminder that reaches people is stored (issue 11). One reminder document (who, what, which
 * source), one document per round (the scheduler claims it exactly once: `pending → sending` is a
 * conditional write), and the per-member outcomes in chunks of DELIVERY_CHUNK entries, so 5,000
 * members cost ten writes, not five thousand.
 */

/**
 * What a reminder is about; its `sourceId` is that thing's id. `branch`: the committee's nudge to a
 * branch's secretary about the meetings it still owes (sourceId: the branch id). Reminders stored
 * before `branch` existed carry kind `meeting` with sourceId `branch:<branchId>`; no reader looks a
 * meeting up by sourceId, so they stay readable as they are.
 */
export type ReachSourceKind = 'notice' | 'lesson' | 'mention' | 'meeting' | 'branch';

/** The message as stored (a plain object type, so it fits the storage port's documents). */
export type StoredMessage = { [K in keyof ReachMessage]: ReachMessage[K] };

export type StoredReachReminder = {
  /** The caller's claim key (e.g. the notice reminder batch id): a double tap collides here. */
  _id: string;
  sourceKind: ReachSourceKind;
  sourceId: string;
  branchId: string | null;
  by: string | null;
  urgent: boolean;
  message: StoredMessage;
  /** The members round 1 was asked for; later rounds remind those of them still pending. */
  memberIds: string[];
  rounds: number;
  createdAt: number;
};

export type RoundStatus = 'pending' | 'sending' | 'sent';

/** Counts kept on the round so lists and the committee's roll-up never read the delivery chunks. */
export type RoundCounts = {
  total: number;
  reached: Record<ChannelName, number>;
  failed: number;
  unreached: number;
};

export type StoredReachRound = {
  /** `<reminderId>#<n>`. */
  _id: string;
  reminderId: string;
  branchId: string | null;
  n: number;
  dueAt: number;
  /** True when quiet hours moved it to their end. */
  deferred: boolean;
  status: RoundStatus;
  sentAt: number | null;
  counts: RoundCounts | null;
};

export type StoredDeliveryChunk = {
  /** `<reminderId>#<n>#<chunk>`. */
  _id: string;
  reminderId: string;
  n: number;
  entries: DeliveryEntry[];
};

export const DELIVERY_CHUNK = 500;

export const roundId = (reminderId: string, n: number): string => `${reminderId}#${n}`;
export const chunkId = (reminderId: string, n: number, chunk: number): string => `${reminderId}#${n}#${chunk}`;

export const reachReminders = (ctx: FunctionContext) => ctx.storage.collection<StoredReachReminder>('reachReminders');
export const reachRounds = (ctx: FunctionContext) => ctx.storage.collection<StoredReachRound>('reachRounds');
export const reachDeliveries = (ctx: FunctionContext) => ctx.storage.collection<StoredDeliveryChunk>('reachDeliveries');

export function countsOf(summary: RoundSummary): RoundCounts {
  return {
    total: summary.total,
    reached: summary.reached,
    failed: summary.failures.reduce((n, f) => n + f.count, 0),
    unreached: summary.unreached.length,
  };
}
