import { readHead, reconnectDelay, type ChatSubscription, type Ring } from './realtime-types';

/**
 * The shape of CloudBase's mini program database that the doorbell needs:
 * `db.collection(c).doc(id).watch({ onChange, onError })` → a watcher with `close()`.
 * Kept this small so tests drive it with a fake `watch`.
 */
export interface WatchSnapshot {
  docs?: unknown[];
  docChanges?: Array<{ doc?: unknown; dataType?: string }>;
  type?: string;
}
export interface Watcher {
  close(): Promise<unknown> | unknown;
}
export interface WatchableDb {
  collection(name: string): { doc(id: string): { watch(opts: { onChange(s: WatchSnapshot): void; onError(e: unknown): void }): Watcher } };
}
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The newest head in a snapshot: the first one carries the whole document, later ones docChanges. */
function headOf(s: WatchSnapshot) {
  const changed = s.docChanges?.map((c) => c.doc).filter((d) => d !== undefined) ?? [];
  const candidates = [...changed, ...(s.docs ?? [])];
  for (const doc of candidates) {
    const head = readHead(doc);
    if (head) return head;
  }
  return null;
}

/**
 * Watches one branch head document. The SDK reconnects by itself a few times, then gives up with an
 * error (e.g. -402004 after a long screen-off, -402009 on iPhone): we then close that watcher, ring a
 * re-sync and open a fresh one after a growing delay. `resync()` (onShow, network back) always opens a
 * fresh watcher, because a watch that lived through a suspended app may be silently dead.
 */
export function watchHead(db: WatchableDb, collection: string, docId: string, onRing: (ring: Ring) => void, timers: Timers = realTimers): ChatSubscription {
  let watcher: Watcher | null = null;
  let closed = false;
  let failures = 0;
  let retry: unknown = null;
  /** Events from a replaced watcher are ignored (its close is asynchronous). */
  let generation = 0;

  const stop = () => {
    if (retry !== null) timers.clearTimeout(retry);
    retry = null;
    const old = watcher;
    watcher = null;
    generation += 1;
    if (old) void Promise.resolve(old.close()).catch(() => undefined);
  };

  const open = () => {
    if (closed) return;
    stop();
    const mine = generation;
    let first = true;
    try {
      watcher = db
        .collection(collection)
        .doc(docId)
        .watch({
          onChange: (snapshot) => {
            if (mine !== generation || closed) return;
            failures = 0;
            onRing({ reason: first ? 'connected' : 'change', head: headOf(snapshot) });
            first = false;
          },
          onError: () => {
            if (mine !== generation || closed) return;
            fail();
          },
        });
    } catch {
      fail();
    }
  };

  const fail = () => {
    stop();
    onRing({ reason: 'error', head: null });
    retry = timers.setTimeout(() => {
      retry = null;
      open();
    }, reconnectDelay(failures));
    failures += 1;
  };

  open();
  return {
    resync: () => {
      if (closed) return;
      onRing({ reason: 'resync', head: null });
      failures = 0;
      open();
    },
    close: () => {
      closed = true;
      stop();
    },
  };
}
