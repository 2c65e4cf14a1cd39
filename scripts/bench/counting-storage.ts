import type { Collection, Doc, Storage } from '../../cloudfunctions/_runtime/storage/port';

/**
 * Wraps a storage to count round trips as CloudBase would bill them: each get/find/count is one read;
 * findAll is one read per page (CloudBase returns at most 1,000 documents per request).
 */
export function countingStorage(inner: Storage): { storage: Storage; reads: () => number; writes: () => number; reset: () => void } {
  let reads = 0;
  let writes = 0;
  const wrap = <T extends Doc>(c: Collection<T>): Collection<T> => ({
    name: c.name,
    get: (id) => (reads++, c.get(id)),
    find: (f, o) => (reads++, c.find(f, o)),
    count: (f) => (reads++, c.count(f)),
    findAll: async (f, pageSize = 500) => {
      const rows = await c.findAll(f, pageSize);
      reads += Math.floor(rows.length / pageSize) + 1;
      return rows;
    },
    insert: (d) => (writes++, c.insert(d)),
    insertMany: (d) => ((writes += d.length), c.insertMany(d)),
    put: (d) => (writes++, c.put(d)),
    update: (f, u) => (writes++, c.update(f, u)),
    updateById: (id, u) => (writes++, c.updateById(id, u)),
    remove: (f) => (writes++, c.remove(f)),
  });
  const storage: Storage = {
    collection: <T extends Doc>(name: string) => wrap(inner.collection<T>(name)),
    atomically: (work) => inner.atomically(work),
    close: () => inner.close(),
  };
  return { storage, reads: () => reads, writes: () => writes, reset: () => ((reads = 0), (writes = 0)) };
}
