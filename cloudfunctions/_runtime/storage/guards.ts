/**
 * Input checks shared by every storage adapter. They run before anything reaches a database so both
 * adapters refuse exactly the same inputs: CloudBase's SDK silently drops `undefined` keys (turning
 * `where({ _id: undefined }).update()` into a whole-collection write), so we refuse them up front.
 */
import {
  StorageError,
  type DocValue,
  type Filter,
  type FindOptions,
  type Scalar,
  type Update,
} from './port';

/** A field path: identifiers joined by dots (digits allowed after the first segment). */
export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
export const DEFAULT_PAGE_SIZE = 500;

const FIELD_OPS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists']);
const UPDATE_OPS = new Set(['$set', '$unset', '$inc', '$push']);

/** Plain object from any realm (structuredClone and test sandboxes hand out other realms' objects). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

export function assertFieldPath(path: string, where: string): void {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) {
    throw new StorageError(`${where}: invalid field path ${JSON.stringify(path)}`);
  }
}

export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^sqlite_/i.test(name)) {
    throw new StorageError(`invalid collection name ${JSON.stringify(name)}`);
  }
}

/**
 * Walks a value and refuses anything JSON (and CloudBase) would silently change or drop:
 * `undefined`, non-finite numbers, functions, class instances (Date included: the port speaks JSON).
 */
export function assertStorable(value: unknown, where: string, checkKeys = true): void {
  const walk = (v: unknown, at: string): void => {
    if (v === undefined) throw new StorageError(`${where}: undefined value at ${at || '(root)'}`);
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new StorageError(`${where}: non-finite number at ${at}`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${at}[${i}]`));
      return;
    }
    if (!isPlainObject(v)) throw new StorageError(`${where}: unsupported value at ${at || '(root)'}`);
    for (const [key, item] of Object.entries(v)) {
      // Mongo reserves `$` prefixes and reads dots as paths: such keys cannot round-trip.
      if (checkKeys && (key === '' || key.includes('.') || key.startsWith('$'))) {
        throw new StorageError(`${where}: invalid key ${JSON.stringify(key)} at ${at || '(root)'}`);
      }
      walk(item, at ? `${at}.${key}` : key);
    }
  };
  walk(value, '');
}

export function assertDoc(doc: unknown, where: string): void {
  if (!isPlainObject(doc)) throw new StorageError(`${where}: document must be a plain object`);
  if (typeof doc._id !== 'string' || doc._id === '') {
    throw new StorageError(`${where}: document needs a non-empty string _id`);
  }
  assertStorable(doc, where);
}

export function assertId(id: unknown, where: string): asserts id is string {
  if (typeof id !== 'string' || id === '') throw new StorageError(`${where}: id must be a non-empty string`);
}

/** Checks a filter's shape: known operators, scalar operands, valid paths, no undefined anywhere. */
export function assertFilter(filter: unknown, where: string): asserts filter is Filter {
  // The deep walk first, so an `undefined` anywhere is reported as such (keys may start with `$`).
  assertStorable(filter, where, false);
  const check = (f: unknown): void => {
    if (!isPlainObject(f)) throw new StorageError(`${where}: a filter must be a plain object`);
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' || key === '$or') {
        if (!Array.isArray(value) || value.length === 0) {
          throw new StorageError(`${where}: ${key} needs a non-empty array of filters`);
        }
        value.forEach(check);
        continue;
      }
      assertFieldPath(key, where);
      if (isScalar(value)) continue;
      if (!isPlainObject(value)) {
        throw new StorageError(`${where}: ${key} must be a scalar or an operator object`);
      }
      assertFieldOps(key, value, where);
    }
  };
  check(filter);
}

function assertFieldOps(field: string, ops: Record<string, unknown>, where: string): void {
  const entries = Object.entries(ops);
  if (entries.length === 0) throw new StorageError(`${where}: empty operator object on ${field}`);
  for (const [op, operand] of entries) {
    if (!FIELD_OPS.has(op)) throw new StorageError(`${where}: unsupported operator ${op} on ${field}`);
    const ok =
      op === '$in' || op === '$nin'
        ? Array.isArray(operand) && operand.every(isScalar)
        : op === '$exists'
          ? typeof operand === 'boolean'
          : op === '$eq' || op === '$ne'
            ? isScalar(operand)
            : typeof operand === 'string' || (typeof operand === 'number' && Number.isFinite(operand));
    if (!ok) throw new StorageError(`${where}: bad operand for ${op} on ${field}`);
  }
}

/** True when the filter restricts at least one field on every path (so it cannot match everything). */
export function filterConstrains(filter: Filter): boolean {
  let constrains = false;
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') constrains ||= (value as Filter[]).some(filterConstrains);
    else if (key === '$or') constrains ||= (value as Filter[]).every(filterConstrains);
    else constrains = true;
  }
  return constrains;
}

/** For writes: a valid filter that cannot select the whole collection. */
export function assertWriteFilter(filter: unknown, where: string): asserts filter is Filter {
  assertFilter(filter, where);
  if (!filterConstrains(filter)) {
    throw new StorageError(`${where}: refusing an empty filter (it would touch the whole collection)`);
  }
}

/** Checks an update: known operators, valid paths, no `_id`, no overlapping paths, storable values. */
export function assertUpdate(update: unknown, where: string): asserts update is Update {
  if (!isPlainObject(update)) throw new StorageError(`${where}: update must be a plain object`);
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!UPDATE_OPS.has(op)) throw new StorageError(`${where}: unsupported update operator ${op}`);
    if (!isPlainObject(fields)) throw new StorageError(`${where}: ${op} needs an object`);
    for (const [path, value] of Object.entries(fields)) {
      assertFieldPath(path, where);
      if (path === '_id' || path.startsWith('_id.')) throw new StorageError(`${where}: cannot change _id`);
      if (value === undefined) throw new StorageError(`${where}: undefined value at ${op}.${path}`);
      if (op === '$unset' && value !== true && value !== '') {
        throw new StorageError(`${where}: $unset takes true or '' (${path})`);
      }
      if (op === '$inc' && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new StorageError(`${where}: $inc needs a finite number (${path})`);
      }
      assertStorable(value as DocValue, `${where} ${op}.${path}`);
      paths.push(path);
    }
  }
  if (paths.length === 0) throw new StorageError(`${where}: update changes nothing`);
  // Mongo refuses two operators on the same or nested paths; refuse it everywhere.
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as string;
    const cur = sorted[i] as string;
    if (cur === prev || cur.startsWith(`${prev}.`)) {
      throw new StorageError(`${where}: conflicting update paths ${prev} and ${cur}`);
    }
  }
}

/** Resolves `limit`: default 100, at most 1000 (both CloudBase's own numbers). */
export function resolveLimit(limit: number | undefined, where: string): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new StorageError(`${where}: limit must be a positive integer`);
  if (limit > MAX_LIMIT) throw new StorageError(`${where}: limit ${limit} is above ${MAX_LIMIT}; page by key`);
  return limit;
}

/** Validates find options and returns the sort keys with `_id` appended as the final tie-breaker. */
export function resolveFindOptions(
  options: FindOptions | undefined,
  where: string,
): { orderBy: Array<[string, 'asc' | 'desc']>; limit: number; fields?: string[] } {
  // Options may carry undefined (optional properties): unlike filters they cannot widen a write.
  if (options !== undefined && !isPlainObject(options as unknown)) throw new StorageError(`${where}: options must be an object`);
  if (options?.orderBy !== undefined && !Array.isArray(options.orderBy)) throw new StorageError(`${where}: bad orderBy`);
  const orderBy: Array<[string, 'asc' | 'desc']> = [];
  for (const entry of options?.orderBy ?? []) {
    if (!Array.isArray(entry)) throw new StorageError(`${where}: bad orderBy entry`);
    const [field, direction] = entry;
    assertFieldPath(field, where);
    if (direction !== 'asc' && direction !== 'desc') throw new StorageError(`${where}: bad sort direction`);
    orderBy.push([field, direction]);
  }
  if (!orderBy.some(([field]) => field === '_id')) orderBy.push(['_id', 'asc']);
  const fields = options?.fields;
  if (fields !== undefined) {
    if (!Array.isArray(fields) || fields.length === 0) throw new StorageError(`${where}: fields must be non-empty`);
    fields.forEach((f) => assertFieldPath(f, where));
  }
  return { orderBy, limit: resolveLimit(options?.limit, where), ...(fields ? { fields } : {}) };
}

export function resolvePageSize(pageSize: number | undefined, where: string): number {
  return resolveLimit(pageSize ?? DEFAULT_PAGE_SIZE, where);
}

/** Adds `_id > after` to a filter, for paging by key. */
export function afterId(filter: Filter, after: string | undefined): Filter {
  if (after === undefined) return filter;
  const page: Filter = { _id: { $gt: after } };
  return Object.keys(filter).length === 0 ? page : { $and: [filter, page] };
}
