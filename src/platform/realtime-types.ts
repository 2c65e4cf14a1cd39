/**
 * The chat doorbell, on either platform (realtime.ts: the local host's Server-Sent Events;
 * realtime.weapp.ts: a CloudBase `watch()` on the branch's small head document). A ring carries no
 * message content, only where the branch's sequence stands; the page then fetches `seq > cursor`
 * through the chat function. Every (re)connection and error also rings, with `head: null`: something
 * may have been missed, so the page re-syncs. Fetching after a ring is always safe (the timeline
 * merges by sequence number), so a ring too many costs one call and never shows a duplicate.
 */
export interface BranchHead {
  /** The latest message sequence number in the branch. */
  seq: number;
  /** Bumped by anything that changes a message without a new one (recall, removal, pin). */
  rev: number;
}

export type RingReason = 'change' | 'connected' | 'resync' | 'error';

export interface Ring {
  reason: RingReason;
  head: BranchHead | null;
}

export interface ChatSubscription {
  /** Re-sync now (the page was shown again, the network came back): reconnects when needed and rings. */
  resync(): void;
  /** Stop listening; no ring after this. */
  close(): void;
}

/** Delays between reconnection attempts after an error, in ms; the last one repeats. */
export const RECONNECT_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

export const reconnectDelay = (attempt: number): number => RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];

/** A head document or SSE payload read defensively: anything malformed is a plain re-sync. */
export function readHead(value: unknown): BranchHead | null {
  if (!value || typeof value !== 'object') return null;
  const { seq, rev } = value as { seq?: unknown; rev?: unknown };
  if (typeof seq !== 'number' || !Number.isFinite(seq)) return null;
  return { seq, rev: typeof rev === 'number' && Number.isFinite(rev) ? rev : 0 };
}
