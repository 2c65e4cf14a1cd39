import { shanghaiMonth } from '../../../src/domain/reach/month';
import type { FunctionContext } from '../context';
import { DuplicateKeyError } from '../storage/port';
import { readReachSettings } from './settings';

/** One document per Asia/Shanghai month, `_id` = `YYYY-MM`: SMS messages reserved so far. */
export type SmsUsage = {
  _id: string;
  used: number;
  updatedAt: number;
};

/** Compare-and-set attempts before giving up under heavy contention (each loser re-reads and retries). */
const MAX_ATTEMPTS = 20;

const usageDocs = (ctx: Pick<FunctionContext, 'storage'>) => ctx.storage.collection<SmsUsage>('smsUsage');

/** This month's usage against the committee's cap, for the settings page. */
export async function smsBudget(ctx: Pick<FunctionContext, 'storage' | 'now'>): Promise<{ month: string; cap: number; used: number; left: number }> {
  const month = shanghaiMonth(ctx.now());
  const [settings, usage] = await Promise.all([readReachSettings(ctx), usageDocs(ctx).get(month)]);
  const used = usage?.used ?? 0;
  return { month, cap: settings.smsMonthlyCap, used, left: Math.max(0, settings.smsMonthlyCap - used) };
}

/**
 * Reserves up to `count` SMS messages of this month's budget and returns how many were granted (0 when
 * the cap is reached or 0). The flow calls it before sending and sends at most that many.
 *
 * The usage counter moves by compare-and-set (`update({_id, used: seen}, {$inc})`), a single-document
 * conditional write that both CloudBase and SQLite apply atomically, so concurrent reminders never
 * reserve past the cap together: one of two racing writers changes 0 documents and tries again with the
 * new value. Reserved but unsent messages are not handed back (a failed send still costs an attempt,
 * and under-spending is the safe side of a budget).
 */
export async function reserveSmsBudget(ctx: Pick<FunctionContext, 'storage' | 'now'>, count: number): Promise<number> {
  if (!Number.isInteger(count) || count <= 0) return 0;
  const month = shanghaiMonth(ctx.now());
  const { smsMonthlyCap: cap } = await readReachSettings(ctx);
  if (cap <= 0) return 0;
  const docs = usageDocs(ctx);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await docs.get(month);
    if (!current) {
      try {
        await docs.insert({ _id: month, used: 0, updatedAt: ctx.now() });
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
      continue;
    }
    const granted = Math.min(count, cap - current.used);
    if (granted <= 0) return 0;
    if ((await docs.update({ _id: month, used: current.used }, { $inc: { used: granted }, $set: { updatedAt: ctx.now() } })) === 1) return granted;
  }
  return 0;
}
