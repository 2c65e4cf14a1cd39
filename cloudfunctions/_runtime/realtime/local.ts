import { AsyncLocalStorage } from 'node:async_hooks';
import type { Collection, Doc, Storage } from '../storage/port';
import type { Doorbell, DoorbellBus } from './port';

/** The collection holding branch heads (`_id` = branchId, kind 'head'); see cloudfunctions/chat. */
const HEADS = 'chatHeads';

/** An in-process doorbell bus: listeners per branch, so a ring reaches only that branch's listeners. */
export function localDoorbellBus(): DoorbellBus {
  const byBranch = new Map<string, Set<(bell: Doorbell) => void>>();
  let count = 0;
  return {
    ring(bell) {
      for (const listener of [...(byBranch.get(bell.branchId) ?? [])]) {
        try {
          listener(bell);
        } catch (err) {
          console.error('[doorbell] listener failed', err);
        }
      }
    },
    listen(branchId, listener) {
      let set = byBranch.get(branchId);
      if (!set) byBranch.set(branchId, (set = new Set()));
      set.add(listener);
      count++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        count--;
        set!.delete(listener);
        if (set!.size === 0) byBranch.delete(branchId);
      };
    },
    size: () => count,
  };
}

/**
 * Wraps a storage so every write to a head document rings that branch's doorbell with the head as
 * stored — after the surrounding `atomically` commits (a ring before the commit could send a client to
 * fetch a message that is not there yet, or that a rollback removes). Only `chatHeads` is watched; the
 * head is read back from the inner storage, so the ring is always the current state.
 */
export function ringingStorage(inner: Storage, bus: DoorbellBus): Storage {
  // Each request's transaction collects its own touched heads (concurrent requests do not delay each other).
  const tx = new AsyncLocalStorage<Set<string>>();

  const flush = async (ids: string[]) => {
    for (const id of ids) {
      const doc = await inner.collection(HEADS).get(id);
      if (doc && doc.kind === 'head' && typeof doc.seq === 'number' && typeof doc.rev === 'number') {
        bus.ring({ branchId: String(doc.branchId ?? id), seq: doc.seq, rev: doc.rev });
      }
    }
  };
  const touched = (id: unknown) => {
    if (typeof id !== 'string' || id.startsWith('cur_')) return; // cursors never ring
    const pending = tx.getStore();
    if (pending) pending.add(id);
    else void flush([id]).catch((err) => console.error('[doorbell] ring failed', err));
  };

  const wrap = <T extends Doc>(c: Collection<T>): Collection<T> => ({
    ...c,
    name: c.name,
    get: (id) => c.get(id),
    find: (f, o) => c.find(f, o),
    findAll: (f, p) => c.findAll(f, p),
    count: (f) => c.count(f),
    insertMany: (docs) => c.insertMany(docs).then((r) => (docs.forEach((d) => touched(d._id)), r)),
    insert: (doc) => c.insert(doc).then(() => touched(doc._id)),
    put: (doc) => c.put(doc).then(() => touched(doc._id)),
    update: (filter, update) => c.update(filter, update).then((n) => (n > 0 && touched(filter._id), n)),
    updateById: (id, update) => c.updateById(id, update).then((ok) => (ok && touched(id), ok)),
    remove: (filter) => c.remove(filter),
  });

  return {
    collection: <T extends Doc>(name: string) => (name === HEADS ? wrap(inner.collection<T>(name)) : inner.collection<T>(name)),
    atomically: async (work) => {
      if (tx.getStore()) return inner.atomically(work); // nested: the outermost one rings
      const pending = new Set<string>();
      try {
        return await tx.run(pending, () => inner.atomically(work));
      } finally {
        if (pending.size > 0) await flush([...pending]).catch((err) => console.error('[doorbell] ring failed', err));
      }
    },
    close: () => inner.close(),
  };
}
