import type { Collection, Doc, Storage } from './port';

/**
 * A read-only view of a storage for one request that reads each document or query once: a second
 * `get` of the same id, or the same `find` / `count`, answers from the first. For actions that compose
 * several others (org `home`), so each part can identify the caller and read the branch on its own
 * while storage sees one read. Writes are refused: a cache that outlived a write would lie.
 */
export function readOnce(inner: Storage): Storage {
  const memo = new Map<string, Promise<unknown>>();
  const once = <R>(key: string, read: () => Promise<R>): Promise<R> => {
    if (!memo.has(key)) memo.set(key, read());
    // A copy each time: one part changing what it read must not change what another part sees.
    return (memo.get(key) as Promise<R>).then((v) => structuredClone(v));
  };
  const refuse = (name: string) => () => Promise.reject(new Error(`readOnce(${name}): writes are not allowed`));
  const wrap = <T extends Doc>(c: Collection<T>): Collection<T> => ({
    name: c.name,
    get: (id) => once(`${c.name} get ${id}`, () => c.get(id)),
    find: (f, o) => once(`${c.name} find ${JSON.stringify([f, o ?? null])}`, () => c.find(f, o)),
    findAll: (f, size) => once(`${c.name} findAll ${JSON.stringify([f, size ?? null])}`, () => c.findAll(f, size)),
    count: (f) => once(`${c.name} count ${JSON.stringify(f)}`, () => c.count(f)),
    insert: refuse(c.name),
    insertMany: refuse(c.name),
    put: refuse(c.name),
    update: refuse(c.name),
    updateById: refuse(c.name),
    remove: refuse(c.name),
  });
  return {
    collection: <T extends Doc>(name: string) => wrap(inner.collection<T>(name)),
    atomically: (work) => work(),
    close: () => Promise.resolve(),
  };
}
