/**
 * Applies a Mongo-style update to a plain document in memory, with Mongo's rules (dotted `$set`
 * creates nested objects, `$inc` treats a missing field as 0, `$push` creates the array, setting
 * past the end of an array pads it with null, and fields are updated in path order whatever the
 * operator: names lexicographically, array indexes numerically, as MongoDB 5+ documents). The local
 * adapter uses it inside a transaction; keeping it pure makes the rules easy to test and reason about.
 * Expects an update already checked by `assertUpdate` (known operators, no overlapping paths).
 * Refuses (StorageError) what would not round-trip: an all-digit field name, a non-finite number.
 */
import { StorageError, type DocValue, type Update } from './port';
import { isPlainObject } from './guards';

type Container = Record<string, DocValue> | DocValue[];
interface Slot {
  container: Container;
  key: string;
}

const isIndex = (segment: string): boolean => /^(0|[1-9][0-9]*)$/.test(segment);

/** Finds the container holding the last segment; with `create`, makes missing objects on the way. */
function locate(doc: Record<string, DocValue>, path: string, create: boolean): Slot | null {
  const segments = path.split('.');
  let container: Container = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i] as string;
    let next = read({ container, key: segment });
    if (next === undefined) {
      if (!create) return null;
      next = {};
      write({ container, key: segment }, next, path);
    }
    if (next === null || typeof next !== 'object') {
      if (!create) return null;
      // Mongo: "Cannot create field ... in element {...}" when a scalar is in the way.
      throw new StorageError(`cannot create ${path}: ${segments.slice(0, i + 1).join('.')} is not an object`);
    }
    container = next;
  }
  return { container, key: segments[segments.length - 1] as string };
}

function read(slot: Slot): DocValue | undefined {
  const { container, key } = slot;
  if (Array.isArray(container)) return isIndex(key) ? container[Number(key)] : undefined;
  return Object.prototype.hasOwnProperty.call(container, key) ? container[key] : undefined;
}

function write(slot: Slot, value: DocValue, path: string): void {
  const { container, key } = slot;
  if (Array.isArray(container)) {
    if (!isIndex(key)) throw new StorageError(`cannot set ${path}: ${key} is not an array index`);
    const index = Number(key);
    // Mongo pads with null when setting past the end of an array.
    while (container.length < index) container.push(null);
    container[index] = value;
    return;
  }
  // Documents may not have all-digit keys (see assertStorable); Mongo would create one here.
  if (/^[0-9]+$/.test(key)) throw new StorageError(`cannot set ${path}: ${key} is not an array here`);
  container[key] = value;
}

/** Mongo's field order: segment by segment, indexes numerically, names by code unit. */
function comparePaths(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] as string, y[i] as string];
    if (p === q) continue;
    if (isIndex(p) && isIndex(q)) return Number(p) - Number(q);
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

type Op = keyof Update;

function applyOne(doc: Record<string, DocValue>, op: Op, path: string, value: DocValue): void {
  if (op === '$set') {
    write(locate(doc, path, true) as Slot, structuredClone(value), path);
  } else if (op === '$unset') {
    const slot = locate(doc, path, false);
    if (!slot || read(slot) === undefined) return;
    // Mongo's $unset on an array element leaves a null hole rather than shifting the array.
    if (Array.isArray(slot.container)) slot.container[Number(slot.key)] = null;
    else delete slot.container[slot.key];
  } else if (op === '$inc') {
    const slot = locate(doc, path, true) as Slot;
    const current = read(slot);
    const by = value as number;
    if (current !== undefined && typeof current !== 'number') throw new StorageError(`cannot $inc ${path}: it is not a number`);
    const next = (current ?? 0) + by;
    // JSON (and so both adapters' storage) cannot keep Infinity: it would come back as null.
    if (!Number.isFinite(next)) throw new StorageError(`cannot $inc ${path}: the result overflows`);
    write(slot, next, path);
  } else {
    const slot = locate(doc, path, true) as Slot;
    const current = read(slot);
    if (current === undefined) write(slot, [structuredClone(value)], path);
    else if (Array.isArray(current)) current.push(structuredClone(value));
    else throw new StorageError(`cannot $push to ${path}: it is not an array`);
  }
}

/** Returns the updated document (the input is modified in place and returned). */
export function applyUpdate(doc: Record<string, DocValue>, update: Update): Record<string, DocValue> {
  const steps = (Object.keys(update) as Op[]).flatMap((op) =>
    Object.entries(update[op] ?? {}).map(([path, value]) => ({ op, path, value: value as DocValue })),
  );
  steps.sort((a, b) => comparePaths(a.path, b.path));
  for (const { op, path, value } of steps) applyOne(doc, op, path, value);
  return doc;
}

interface Projection {
  [key: string]: Projection | true;
}

/**
 * Mongo's inclusion projection below the top level: an object keeps the listed keys (becoming `{}`
 * when none is there), an array projects each object or array element and drops scalars.
 */
function pick(value: unknown, tree: Projection): unknown {
  if (Array.isArray(value)) {
    return value.flatMap((element) => (isPlainObject(element) || Array.isArray(element) ? [pick(element, tree)] : []));
  }
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(tree)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const picked = sub === true ? value[key] : pick(value[key], sub);
    if (picked !== undefined) out[key] = picked;
  }
  return out;
}

/** Picks the listed (possibly dotted) fields plus `_id`, as a Mongo projection does. */
export function project<T extends Record<string, unknown>>(doc: T, fields: string[]): T {
  const tree: Projection = {};
  for (const path of fields) {
    const segments = path.split('.');
    let node = tree;
    segments.slice(0, -1).forEach((segment) => {
      node[segment] = node[segment] === undefined ? {} : node[segment];
      node = node[segment] as Projection;
    });
    node[segments[segments.length - 1] as string] = true;
  }
  return { ...(pick(doc, tree) as Record<string, unknown>), _id: doc._id } as unknown as T;
}
