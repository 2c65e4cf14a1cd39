import type { ReachReportView, ReachRoundView } from '../../../src/domain/api/reach';
import { emptyReached, summariseRound } from '../../../src/domain/reach/report';
import type { FunctionContext } from '../context';
import { reachDeliveries, reachReminders, reachRounds } from './reminder-store';

/**
 * Reads one reminder's report: the reminder, its rounds (one query) and the delivery chunks (one query;
 * 5,000 members are ten chunks). Null when there is no such reminder (written before issue 11).
 */
export async function loadReachReport(ctx: FunctionContext, reminderId: string): Promise<ReachReportView | null> {
  const [reminder, rounds, chunks] = await Promise.all([
    reachReminders(ctx).get(reminderId),
    reachRounds(ctx).find({ reminderId }, { limit: 10 }),
    reachDeliveries(ctx).find({ reminderId }, { limit: 1000 }),
  ]);
  if (!reminder) return null;
  const views = rounds
    .sort((a, b) => a.n - b.n)
    .map((r): ReachRoundView => {
      const summary = summariseRound(chunks.filter((c) => c.n === r.n).flatMap((c) => c.entries));
      const base = { n: r.n, dueAt: r.dueAt, deferred: r.deferred, status: r.status, sentAt: r.sentAt };
      if (r.status !== 'sent') return { ...base, total: 0, reached: emptyReached(), failures: [], unreached: [] };
      return { ...base, ...summary };
    });
  return { reminderId, at: reminder.createdAt, urgent: reminder.urgent, rounds: views };
}

/** Member id → reached by an external channel in any sent round (true) or only in-app (false). */
export async function reachByMember(ctx: FunctionContext, reminderId: string): Promise<Map<string, boolean>> {
  const chunks = await reachDeliveries(ctx).find({ reminderId }, { limit: 1000 });
  const out = new Map<string, boolean>();
  for (const c of chunks) for (const e of c.entries) out.set(e.memberId, (out.get(e.memberId) ?? false) || e.via !== 'inapp');
  return out;
}
