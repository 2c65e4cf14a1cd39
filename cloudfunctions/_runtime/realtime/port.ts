/**
 * The realtime port: a doorbell per branch, rung whenever the branch's chat head changes. It carries
 * no message content ({branchId, seq, rev}); listeners fetch through the chat function.
 *
 * In the cloud nothing implements this: clients `watch()` the head document in CloudBase directly.
 * The local host implements it in-process (./local.ts) and serves it as Server-Sent Events. Function
 * code never imports it; the local host wraps the storage so head writes ring (ringingStorage).
 */
export interface Doorbell {
  branchId: string;
  seq: number;
  rev: number;
}

export interface DoorbellBus {
  ring(bell: Doorbell): void;
  /** Calls `listener` for every ring of `branchId` until the returned function is called. */
  listen(branchId: string, listener: (bell: Doorbell) => void): () => void;
  /** Open listeners (for the bench and for tests that check cleanup). */
  size(): number;
}
