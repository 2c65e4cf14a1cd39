/**
 * The storage port: Mongo-style JSON filters and updates, the dialect CloudBase's document database
 * speaks. The CloudBase adapter passes them through; the local adapter (SQLite via libsql) gives the
 * same answers. Both adapters are checked by one contract suite (tests/contract).
 *
 * Rules every adapter enforces (see ENGINEERING.md for why):
 * - a filter or update containing an `undefined` value is refused (CloudBase would silently drop the
 *   key and widen the write to the whole collection);
 * - `update` and `remove` need a selective filter (equality or `$in` on some field, in every `$or`
 *   branch); `ALL_DOCUMENTS` (guards.ts) is the one explicit way to mean every document;
 * - `find` caps `limit` at 1000 and pages by key (a range on the order key, `_id` breaking ties in
 *   the same direction), never by skip; on a declared index (equality on its leading fields, a range
 *   and the order on the next) the local adapter answers from one index scan;
 * - declared index fields hold only strings, numbers or null;
 * - answers are MongoDB's (dotted paths through arrays, `'numbers.1'` as an array index); where the
 *   engines disagree (null / `$exists` through a dotted path, sorting on arrays or objects, an
 *   index in a projection path) both adapters refuse with a StorageError instead of guessing;
 * - uniqueness comes from deterministic `_id`s (insert of an existing `_id` throws DuplicateKeyError)
 *   and from the unique indexes declared in `collections.ts`.
 */

export type Scalar = string | number | boolean | null;
export type DocValue = Scalar | DocValue[] | { [key: string]: DocValue };
export interface Doc {
  _id: string;
  [key: string]: DocValue | undefined;
}

/** Comparison operators allowed on one field. */
export interface FieldOps {
  $eq?: Scalar;
  $ne?: Scalar;
  $gt?: string | number;
  $gte?: string | number;
  $lt?: string | number;
  $lte?: string | number;
  $in?: Scalar[];
  $nin?: Scalar[];
  $exists?: boolean;
}

/**
 * A filter: `{ field: value }` is equality (`{ field: null }` also matches a missing field, as in
 * Mongo/CloudBase); `{ field: { $op: v } }`; dotted paths reach into nested objects; `$and` / `$or`
 * combine sub-filters. Equality on an array field matches when the array contains the value.
 */
export type Filter = {
  $and?: Filter[];
  $or?: Filter[];
} & { [field: string]: Scalar | FieldOps | Filter[] | undefined };

export interface Update {
  $set?: Record<string, DocValue>;
  $unset?: Record<string, true | ''>;
  $inc?: Record<string, number>;
  /** Appends to an array field (created if missing). */
  $push?: Record<string, DocValue>;
}

export type SortDirection = 'asc' | 'desc';

export interface FindOptions {
  /** Sort keys, applied in order; `_id` is appended as the final tie-breaker, in the last key's direction. */
  orderBy?: Array<[field: string, direction: SortDirection]>;
  /** At most 1000; defaults to 100 (as CloudBase). */
  limit?: number;
  /** Only fields listed are returned (plus `_id`). */
  fields?: string[];
}

export interface Collection<T extends Doc = Doc> {
  readonly name: string;
  get(id: string): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  /** Every match, paged internally by `_id` in chunks of `pageSize` (default 500). */
  findAll(filter: Filter, pageSize?: number): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** Throws DuplicateKeyError if `_id` or a declared unique key already exists. */
  insert(doc: T): Promise<void>;
  /** Inserts many; each is independent: returns ids that already existed instead of throwing. */
  insertMany(docs: T[]): Promise<{ inserted: number; duplicates: string[] }>;
  /** Replaces or creates the whole document with this `_id`. */
  put(doc: T): Promise<void>;
  /** Returns the number of documents changed. */
  update(filter: Filter, update: Update): Promise<number>;
  updateById(id: string, update: Update): Promise<boolean>;
  remove(filter: Filter): Promise<number>;
}

export interface Storage {
  collection<T extends Doc = Doc>(name: string): Collection<T>;
  /**
   * Runs `work` atomically where the adapter can (local SQLite: one transaction). CloudBase has only
   * single-document transactions, so there `work` runs as-is: callers must make multi-document writes
   * idempotent and validate everything before the first write.
   */
  atomically<R>(work: () => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

export class DuplicateKeyError extends StorageError {
  constructor(
    readonly collectionName: string,
    readonly key: string,
  ) {
    super(`duplicate key in ${collectionName}: ${key}`);
    this.name = 'DuplicateKeyError';
  }
}
