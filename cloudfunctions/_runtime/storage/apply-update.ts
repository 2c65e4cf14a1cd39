/**
 * Applies a Mongo-style update to a plain document in memory, with Mongo's rules (dotted `$set`
 * creates nested objects, `$inc` treats a missing field as 0, `$push` creates the array). The local
 * adapter uses it inside a transaction; keeping it pure makes the rules easy to test and reason about.
 * Expects an update already checked by `assertUpdate` (known operators, no overlapping paths).
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
  container[key] = value;
}

/** Returns the updated document (the input is modified in place and returned). */
export function applyUpdate(doc: Record<string, DocValue>, update: Update): Record<string, DocValue> {
  for (const [path, value] of Object.entries(update.$set ?? {})) {
    write(locate(doc, path, true) as Slot, structuredClone(value), path);
  }
  for (const path of Object.keys(update.$unset ?? {})) {
    const slot = locate(doc, path, false);
    if (!slot || read(slot) === undefined) continue;
    // Mongo's $unset on an array element leaves a null hole rather than shifting the array.
    if (Array.isArray(slot.container)) slot.container[Number(slot.key)] = null;
    else delete slot.container[slot.key];
  }
  for (const [path, by] of Object.entries(update.$inc ?? {})) {
    const slot = locate(doc, path, true) as Slot;
    const current = read(slot);
    if (current === undefined) write(slot, by, path);
    else if (typeof current === 'number') write(slot, current + by, path);
    else throw new StorageError(`cannot $inc ${path}: it is not a number`);
  }
  for (const [path, value] of Object.entries(update.$push ?? {})) {
    const slot = locate(doc, path, true) as Slot;
    const current = read(slot);
    if (current === undefined) write(slot, [structuredClone(value)], path);
    else if (Array.isArray(current)) current.push(structuredClone(value));
    else throw new StorageError(`cannot $push to ${path}: it is not an array`);
  }
  return doc;
}

/** Picks the listed (possibly dotted) fields plus `_id`, as a Mongo projection does. */
export function project<T extends Record<string, unknown>>(doc: T, fields: string[]): T {
  const out: Record<string, unknown> = { _id: doc._id };
  for (const path of fields) {
    const segments = path.split('.');
    let src: unknown = doc;
    for (const segment of segments) {
      src = isPlainObject(src) ? src[segment] : undefined;
      if (src === undefined) break;
    }
    if (src === undefined) continue;
    let dst = out;
    for (const segment of segments.slice(0, -1)) {
      if (!isPlainObject(dst[segment])) dst[segment] = {};
      dst = dst[segment] as Record<string, unknown>;
    }
    dst[segments[segments.length - 1] as string] = src;
  }
  return out as T;
}
