/**
 * The CloudBase adapter: passes port filters and updates to `@cloudbase/node-sdk`'s database.
 *
 * What we rely on (read from @cloudbase/database 1.4.x, the SDK's query layer):
 * - `where(q)` flattens nested plain objects into dotted paths but leaves `$`-keys untouched, so raw
 *   Mongo operators ($in, $or, $gt...) go over the wire exactly as `db.command` would send them, and
 *   `{ field: null }` is sent as-is (the server answers it as Mongo does: null or missing);
 * - the SDK silently drops `undefined` keys, hence the guards before every call;
 * - `get()` sends `limit: 100` unless told otherwise and caps at 1000;
 * - updates: `$set`, `$inc` pass as-is; `db.command.remove()` is sent as `$unset: { f: '' }` and
 *   `db.command.push([v])` as `$push: { f: { $each: [v] } }`, so we send those same forms;
 * - `doc(id).set(data)` refuses a `data._id`; `doc(id).get()` answers `{ data: [doc] }`;
 * - a duplicate key comes back as code DATABASE_DUPLICATE_WRITE (Mongo's E11000 underneath).
 * Transactions are single-document in CloudBase, so `atomically` simply runs the work.
 */
import {
  assertCollectionName,
  assertDoc,
  assertFilter,
  assertId,
  assertIndexedUpdate,
  assertIndexedValues,
  assertInsertMany,
  assertSortableDocs,
  assertUpdate,
  assertWriteFilter,
  findAllInPages,
  resolveFindOptions,
} from './guards';
import {
  DuplicateKeyError,
  StorageError,
  type Collection,
  type Doc,
  type DocValue,
  type Filter,
  type FindOptions,
  type Storage,
  type Update,
} from './port';

/** The slice of the SDK's query object we call (CollectionReference and Query both fit). */
export interface CloudbaseQueryLike {
  where(query: object): CloudbaseQueryLike;
  orderBy(fieldPath: string, direction: 'asc' | 'desc'): CloudbaseQueryLike;
  limit(limit: number): CloudbaseQueryLike;
  field(projection: object): CloudbaseQueryLike;
  get(): Promise<unknown>;
  count(): Promise<unknown>;
  update(data: object): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface CloudbaseDocumentLike {
  get(): Promise<unknown>;
  set(data: object): Promise<unknown>;
  update(data: object): Promise<unknown>;
}

export interface CloudbaseCollectionLike extends CloudbaseQueryLike {
  doc(id: string): CloudbaseDocumentLike;
  add(data: object): Promise<unknown>;
}

/** What `tcb.init({ env }).database()` returns, as far as this adapter is concerned. */
export interface CloudbaseDatabaseLike {
  collection(name: string): CloudbaseCollectionLike;
}

export function cloudbaseStorage(db: CloudbaseDatabaseLike): Storage {
  return {
    collection<T extends Doc = Doc>(name: string): Collection<T> {
      assertCollectionName(name);
      return new CloudbaseCollection<T>(db, name);
    },
    atomically<R>(work: () => Promise<R>): Promise<R> {
      return work();
    },
    async close(): Promise<void> {
      // The SDK app is shared per warm instance; nothing to release here.
    },
  };
}

interface SdkResult {
  code?: unknown;
  message?: unknown;
  data?: unknown;
  total?: unknown;
  updated?: unknown;
  deleted?: unknown;
}

/**
 * With `throwOnCode` off the SDK returns `{ code, message }` instead of throwing; treat both alike.
 */
function unwrap(result: unknown): SdkResult {
  const r = (result ?? {}) as SdkResult;
  if (r.code) throw sdkError(r);
  return r;
}

function sdkError(r: SdkResult): Error {
  const error = new StorageError(`CloudBase ${String(r.code)}: ${String(r.message ?? '')}`);
  return Object.assign(error, { code: r.code });
}

function isDuplicate(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown };
  const codes = [e.code, e.errCode].map(String);
  const text = `${String(e.message ?? '')} ${String(e.errMsg ?? '')}`;
  return codes.includes('DATABASE_DUPLICATE_WRITE') || codes.includes('11000') || /DATABASE_DUPLICATE_WRITE|E11000/.test(text);
}

/** Our update in the wire form `db.command` produces (see the header comment). */
export function toCloudbaseUpdate(update: Update): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  if (update.$set && Object.keys(update.$set).length) out.$set = structuredClone(update.$set);
  if (update.$inc && Object.keys(update.$inc).length) out.$inc = { ...update.$inc };
  if (update.$unset && Object.keys(update.$unset).length) {
    out.$unset = Object.fromEntries(Object.keys(update.$unset).map((path) => [path, '']));
  }
  if (update.$push && Object.keys(update.$push).length) {
    out.$push = Object.fromEntries(
      Object.entries(update.$push).map(([path, value]) => [path, { $each: [structuredClone(value)] }]),
    );
  }
  return out;
}

/** A private copy for the SDK, whose serialiser edits objects in place (it deletes undefined keys). */
const wire = (filter: Filter): Filter => structuredClone(filter);

const toNumber = (value: unknown, what: string): number => {
  if (typeof value !== 'number') throw new StorageError(`CloudBase answered without a numeric ${what}`);
  return value;
};

class CloudbaseCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly db: CloudbaseDatabaseLike,
    readonly name: string,
  ) {}

  private get ref(): CloudbaseCollectionLike {
    return this.db.collection(this.name);
  }

  async get(id: string): Promise<T | null> {
    assertId(id, `${this.name}.get`);
    const { data } = unwrap(await this.ref.doc(id).get());
    const docs = Array.isArray(data) ? data : data ? [data] : [];
    return (docs[0] as T | undefined) ?? null;
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    const where = `${this.name}.find`;
    assertFilter(filter, where);
    const { orderBy, limit, fields } = resolveFindOptions(options, where);
    let query = this.ref.where(wire(filter));
    for (const [field, direction] of orderBy) query = query.orderBy(field, direction);
    query = query.limit(limit);
    if (fields) query = query.field(Object.fromEntries(fields.map((f) => [f, true])));
    const { data } = unwrap(await query.get());
    const docs = (Array.isArray(data) ? data : []) as T[];
    // The same refusal as the local adapter, so a sort that works locally works here too.
    assertSortableDocs(docs, orderBy, where);
    return docs;
  }

  findAll(filter: Filter, pageSize?: number): Promise<T[]> {
    return findAllInPages((f, options) => this.find(f, options), filter, pageSize, `${this.name}.findAll`);
  }

  async count(filter: Filter): Promise<number> {
    assertFilter(filter, `${this.name}.count`);
    return toNumber(unwrap(await this.ref.where(wire(filter)).count()).total, 'total');
  }

  async insert(doc: T): Promise<void> {
    assertDoc(doc, `${this.name}.insert`);
    assertIndexedValues(this.name, doc, `${this.name}.insert`);
    try {
      unwrap(await this.ref.add(structuredClone(doc)));
    } catch (error) {
      // CloudBase does not say which index collided; the _id names the document either way.
      if (isDuplicate(error)) throw new DuplicateKeyError(this.name, doc._id);
      throw error;
    }
  }

  async insertMany(docs: T[]): Promise<{ inserted: number; duplicates: string[] }> {
    assertInsertMany(this.name, docs);
    // One add per document: a batch add stops at the first duplicate and hides which ones landed.
    const duplicates: string[] = [];
    let inserted = 0;
    for (const doc of docs) {
      try {
        await this.insert(doc);
        inserted++;
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        duplicates.push(doc._id);
      }
    }
    return { inserted, duplicates };
  }

  async put(doc: T): Promise<void> {
    assertDoc(doc, `${this.name}.put`);
    assertIndexedValues(this.name, doc, `${this.name}.put`);
    const { _id: id, ...rest } = structuredClone(doc) as Record<string, DocValue> & { _id: string };
    try {
      unwrap(await this.ref.doc(id).set(rest));
    } catch (error) {
      if (isDuplicate(error)) throw new DuplicateKeyError(this.name, id);
      throw error;
    }
  }

  async update(filter: Filter, update: Update): Promise<number> {
    assertWriteFilter(filter, `${this.name}.update`);
    assertUpdate(update, `${this.name}.update`);
    assertIndexedUpdate(this.name, update, `${this.name}.update`);
    const key = typeof filter._id === 'string' ? filter._id : undefined;
    return this.write(key, () => this.ref.where(wire(filter)).update(toCloudbaseUpdate(update)));
  }

  async updateById(id: string, update: Update): Promise<boolean> {
    assertId(id, `${this.name}.updateById`);
    assertUpdate(update, `${this.name}.updateById`);
    assertIndexedUpdate(this.name, update, `${this.name}.updateById`);
    return (await this.write(id, () => this.ref.doc(id).update(toCloudbaseUpdate(update)))) > 0;
  }

  async remove(filter: Filter): Promise<number> {
    assertWriteFilter(filter, `${this.name}.remove`);
    return toNumber(unwrap(await this.ref.where(wire(filter)).remove()).deleted, 'deleted');
  }

  /** Runs an update call, mapping a unique-index collision to DuplicateKeyError. */
  private async write(key: string | undefined, call: () => Promise<unknown>): Promise<number> {
    try {
      return toNumber(unwrap(await call()).updated, 'updated');
    } catch (error) {
      if (isDuplicate(error)) throw new DuplicateKeyError(this.name, typeof key === 'string' ? key : '(update)');
      throw error;
    }
  }
}
