/**
 * Input checks shared by every storage adapter. They run before anything reaches a database so both
 * adapters refuse exactly the same inputs: CloudBase's SDK silently drops `undefined` keys (turning
 * `where({ _id: undefined }).update()` into a whole-collection write), so we refuse them up front.
 */
import { COLLECTIONS } from './collections';
import {
  StorageError,
  type Doc,
  type DocValue,
  type FieldOps,
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
      // Mongo reserves `$` prefixes and reads dots as paths: such keys cannot round-trip. An all-digit
      // key would make `a.1` mean both "element 1" and "field '1' of each element" (engines differ).
      if (checkKeys && (key === '' || key.includes('.') || key.startsWith('$') || /^[0-9]+$/.test(key))) {
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
      if (isScalar(value)) {
        if (value === null) assertNullablePath(key, where);
        continue;
      }
      if (!isPlainObject(value)) {
        throw new StorageError(`${where}: ${key} must be a scalar or an operator object`);
      }
      assertFieldOps(key, value, where);
    }
  };
  check(filter);
}

/**
 * Null, missing and `$exists` through a dotted path are where MongoDB, its documentation and other
 * engines disagree once an array sits on the path (`{'a.b': null}` on `a: [{b: 1}, {c: 1}]`, on
 * `a: [1]`, on `a: []`). Rather than pick an answer that may differ from CloudBase, both adapters
 * refuse such filters: put the condition on a top-level field instead.
 */
function assertNullablePath(field: string, where: string): void {
  if (field.includes('.')) {
    throw new StorageError(`${where}: null / $exists conditions need a top-level field, not ${field}`);
  }
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
    const mentionsNull = Array.isArray(operand) ? operand.includes(null) : operand === null;
    if (op === '$exists' || mentionsNull) assertNullablePath(field, where);
  }
}

/**
 * The one way to mean "every document" in `update` / `remove` (grep for it: it should be rare).
 * Compared by identity, so a filter that merely looks the same is still refused.
 */
export const ALL_DOCUMENTS: Filter = Object.freeze({ _id: Object.freeze({ $exists: true }) }) as Filter;

/** A condition that pins a field to listed values: equality or `$in` on non-null scalars. */
function pinsField(condition: unknown): boolean {
  if (isScalar(condition)) return condition !== null;
  const ops = condition as FieldOps;
  if (ops.$eq !== undefined && ops.$eq !== null) return true;
  return Array.isArray(ops.$in) && !ops.$in.includes(null);
}

/**
 * True when the filter pins some field to listed values on every path through it: a top-level
 * equality or `$in`, a selective `$and` member, or an `$or` whose every branch is selective.
 * `$exists`, `$ne`, `$nin`, ranges and null equality alone can select the whole collection.
 */
export function isSelective(filter: Filter): boolean {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && (value as Filter[]).some(isSelective)) return true;
    if (key === '$or' && (value as Filter[]).every(isSelective)) return true;
    if (key !== '$and' && key !== '$or' && pinsField(value)) return true;
  }
  return false;
}

/** For writes: a valid filter that pins some field (or ALL_DOCUMENTS, said explicitly). */
export function assertWriteFilter(filter: unknown, where: string): asserts filter is Filter {
  if (filter === ALL_DOCUMENTS) return;
  assertFilter(filter, where);
  if (!isSelective(filter)) {
    throw new StorageError(
      `${where}: a write needs equality or $in on some field (in every $or branch); pass ALL_DOCUMENTS to mean every document`,
    );
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
  // The tie-breaker runs the same way as the last key, so one index scan serves the whole order.
  if (!orderBy.some(([field]) => field === '_id')) orderBy.push(['_id', orderBy[orderBy.length - 1]?.[1] ?? 'asc']);
  const fields = options?.fields;
  if (fields !== undefined) {
    if (!Array.isArray(fields) || fields.length === 0) throw new StorageError(`${where}: fields must be non-empty`);
    fields.forEach((f) => {
      assertFieldPath(f, where);
      // Engines differ on `a.1` in a projection (an index, or a field name in each element).
      if (f.split('.').some((segment) => /^[0-9]+$/.test(segment))) {
        throw new StorageError(`${where}: projection path ${f} has an array index`);
      }
    });
    // Mongo refuses `a` with `a.b` ("path collision"); so do we, in both adapters.
    const sorted = [...fields].sort();
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as string;
      if (sorted[i] === prev || (sorted[i] as string).startsWith(`${prev}.`)) {
        throw new StorageError(`${where}: projection paths ${prev} and ${sorted[i] as string} collide`);
      }
    }
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

/** Every match, read page by page in `_id` order: the findAll of both adapters, over their own find. */
export async function findAllInPages<T extends Doc>(
  find: (filter: Filter, options: FindOptions) => Promise<T[]>,
  filter: Filter,
  pageSize: number | undefined,
  where: string,
): Promise<T[]> {
  assertFilter(filter, where);
  const limit = resolvePageSize(pageSize, where);
  const out: T[] = [];
  let last: string | undefined;
  for (;;) {
    const page = await find(afterId(filter, last), { orderBy: [['_id', 'asc']], limit });
    out.push(...page);
    if (page.length < limit) return out;
    last = (page[page.length - 1] as T)._id;
  }
}

/**
 * Sorting on an array or object value (or through an array on a dotted path) follows BSON rules
 * (arrays by their smallest / largest element, objects field by field) that the local adapter does
 * not reproduce: both adapters refuse when a page they return holds such a value. The local adapter
 * also orders such documents first, so if any document in the match has one, the page shows it.
 */
export function assertSortableDocs(docs: ReadonlyArray<Record<string, unknown>>, orderBy: ReadonlyArray<[string, string]>, where: string): void {
  for (const [field] of orderBy) {
    if (field === '_id') continue;
    for (const doc of docs) {
      let value: unknown = doc;
      for (const segment of field.split('.')) {
        if (Array.isArray(value)) throw unsortable(where, field);
        value = isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, segment) ? value[segment] : undefined;
      }
      if (Array.isArray(value) || isPlainObject(value)) throw unsortable(where, field);
    }
  }
}

const unsortable = (where: string, field: string): StorageError =>
  new StorageError(`${where}: cannot sort on ${field}: a matching document holds an array or object there`);

const indexedCache = new Map<string, ReadonlySet<string>>();

/**
 * Fields of a collection's declared indexes (collections.ts). They hold only strings, numbers or
 * null (or are missing), which is what lets the local adapter compile filters and sorts on them to
 * plain index lookups and scans with Mongo's exact answers; both adapters enforce it on every write.
 */
export function indexedFields(collection: string): ReadonlySet<string> {
  let fields = indexedCache.get(collection);
  if (!fields) {
    const specs = Object.prototype.hasOwnProperty.call(COLLECTIONS, collection) ? (COLLECTIONS[collection]?.indexes ?? []) : [];
    fields = new Set(specs.flatMap((spec) => spec.fields));
    for (const field of fields) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new StorageError(`index on ${collection}: ${field} must be a top-level field`);
    }
    indexedCache.set(collection, fields);
  }
  return fields;
}

const isIndexable = (value: unknown): boolean =>
  value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** A document's indexed fields hold only strings, numbers or null. */
export function assertIndexedValues(collection: string, doc: Record<string, unknown>, where: string): void {
  for (const field of indexedFields(collection)) {
    if (Object.prototype.hasOwnProperty.call(doc, field) && !isIndexable(doc[field])) {
      throw new StorageError(`${where}: indexed field ${field} must hold a string, a number or null`);
    }
  }
}

/** An update keeps indexed fields to strings, numbers or null (no `$push`, nothing set inside them). */
/** insertMany's checks, on every document before any is written, so a bad one cannot leave half a batch behind. */
export function assertInsertMany(collection: string, docs: unknown): void {
  if (!Array.isArray(docs)) throw new StorageError(`${collection}.insertMany: docs must be an array`);
  docs.forEach((doc: Record<string, unknown>, i) => {
    assertDoc(doc, `${collection}.insertMany[${i}]`);
    assertIndexedValues(collection, doc, `${collection}.insertMany[${i}]`);
  });
}

export function assertIndexedUpdate(collection: string, update: Update, where: string): void {
  const indexed = indexedFields(collection);
  if (indexed.size === 0) return;
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, value] of Object.entries(fields as Record<string, unknown>)) {
      const top = path.split('.')[0] as string;
      if (!indexed.has(top) || op === '$unset' || (op === '$inc' && path === top)) continue;
      if (op === '$set' && path === top && isIndexable(value)) continue;
      throw new StorageError(`${where}: indexed field ${top} must hold a string, a number or null (${op} ${path})`);
    }
  }
}
