/**
 * Order comes from the server's per-branch sequence number; the phone's clock orders nothing. A
 * client timeline merges pages and sync results by seq: a later copy (higher rev) of the same seq
 * replaces the earlier one, so a ring too many never shows a duplicate and a recall shows everywhere.
 */
export interface Sequenced {
  seq: number;
  rev: number;
}

/** Merges `incoming` into `timeline` (both any order): one entry per seq, the highest rev wins, ascending by seq. */
export function mergeBySeq<T extends Sequenced>(timeline: readonly T[], incoming: readonly T[]): T[] {
  const bySeq = new Map<number, T>();
  for (const m of [...timeline, ...incoming]) {
    const have = bySeq.get(m.seq);
    if (!have || m.rev >= have.rev) bySeq.set(m.seq, m);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The next seq and rev after a new message; the head's conditional increment writes exactly these. */
export const nextHead = (head: { seq: number; rev: number }): { seq: number; rev: number } => ({ seq: head.seq + 1, rev: head.rev + 1 });

/** Seqs missing between the lowest and highest held (a gap the client fills with `list`). */
export function gaps(seqs: readonly number[]): Array<[from: number, to: number]> {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (let i = 1; i < sorted.length; i++) if (sorted[i] > sorted[i - 1] + 1) out.push([sorted[i - 1] + 1, sorted[i] - 1]);
  return out;
}

/**
 * How far a client may safely advance its change cursor after a sync. Revs come from the head; the
 * message carrying a rev is written after the head (no multi-document transaction in the cloud), so a
 * missing rev may still be in flight. Advance through contiguous revs; jump a gap only once the change
 * after it is settled (older than `settleMs`: the write that raised the head has finished or died); and
 * take the head's rev once the head itself is settled.
 */
export function syncedRevision(
  afterRev: number,
  changes: ReadonlyArray<{ rev: number; at: number }>,
  head: { rev: number; updatedAt: number },
  now: number,
  settleMs: number,
  complete: boolean,
): number {
  let synced = afterRev;
  for (const c of [...changes].sort((a, b) => a.rev - b.rev)) {
    if (c.rev <= synced) continue;
    if (c.rev === synced + 1 || now - c.at > settleMs) synced = c.rev;
    else return synced;
  }
  if (complete && head.rev > synced && now - head.updatedAt > settleMs) return head.rev;
  return synced;
}
