/**
 * The local storage adapter: one SQLite table per collection (`id TEXT PRIMARY KEY, doc TEXT` with
 * the document as JSON, `_id` kept only in `id`), queried through the filter translation in
 * `sqlite-filter.ts` and updated in JS (`apply-update.ts`) inside a transaction. It exists so the
 * embedded local host gives the same answers as CloudBase; see port.ts for the rules both enforce.
 */
import Database from 'libsql';
import { applyUpdate, project } from './apply-update';
import { COLLECTIONS, type IndexSpec } from './collections';
import {
  assertCollectionName,
  assertDoc,
  assertFieldPath,
  assertFilter,
  assertId,
  assertIndexedUpdate,
  assertIndexedValues,
  assertInsertMany,
  assertSortableDocs,
  assertUpdate,
  assertWriteFilter,
  findAllInPages,
  indexedFields,
  resolveFindOptions,
} from './guards';
import { matchesFilter } from './match';
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
import { compileFilter, compileOrderBy, indexExpr, type SqlFragment, type SqlValue } from './sqlite-filter';
import { TxCoordinator } from './sqlite-tx';

type Db = Database.Database;
type Statement = Database.Statement;
type Row = [id: string, doc: string];

/** How many prepared statements to keep; filters differ in shape ($in lengths), so cap the cache. */
const STATEMENT_CACHE_SIZE = 300;
const BUSY_TIMEOUT_MS = 5000;

/** Opens (or creates) a SQLite database file; use ':memory:' for tests. */
export function openSqliteStorage(filePath: string): Storage {
  const db = new Database(filePath);
  // WAL lets readers (e.g. a second process inspecting the file) run alongside the writer;
  // busy_timeout makes a competing writer wait instead of failing at once.
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (filePath !== ':memory:') {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
  }
  return new SqliteStorage(db);
}

class SqliteStorage implements Storage {
  readonly tx: TxCoordinator;
  private readonly statements = new Map<string, Statement>();
  private readonly tables = new Set<string>();
  private closed = false;

  constructor(readonly db: Db) {
    // A rolled-back transaction may have rolled back a lazy CREATE TABLE too: forget what we made.
    this.tx = new TxCoordinator(db, () => this.tables.clear());
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    assertCollectionName(name);
    return new SqliteCollection<T>(this, name);
  }

  atomically<R>(work: () => Promise<R>): Promise<R> {
    return this.tx.atomically(work);
  }

  async close(): Promise<void> {
    await this.tx.run(() => {
      if (this.closed) return;
      this.closed = true;
      this.statements.clear();
      this.db.close();
    });
  }

  /** A cached prepared statement in raw (array rows) mode. */
  statement(sql: string): Statement {
    if (this.closed) throw new StorageError('storage is closed');
    let stmt = this.statements.get(sql);
    if (stmt) {
      // Re-insert to keep the Map in least-recently-used order.
      this.statements.delete(sql);
    } else {
      stmt = this.db.prepare(sql);
      if (stmt.reader) stmt.raw(true);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.statements.keys().next().value as string;
        this.statements.delete(oldest);
      }
    }
    this.statements.set(sql, stmt);
    return stmt;
  }

  /** Creates the collection's table and declared indexes on first use. */
  ensureTable(name: string): void {
    if (this.closed) throw new StorageError('storage is closed');
    if (this.tables.has(name)) return;
    const table = quote(name);
    const ddl = [`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`];
    indexedFields(name); // refuses a dotted index field before any DDL
    for (const spec of declaredIndexes(name)) {
      // Index paths are embedded in DDL like filter paths: hold them to the same rule.
      spec.fields.forEach((field) => assertFieldPath(field, `index on ${name}`));
      const label = spec.fields.join('_');
      const exprs = spec.fields.map(indexExpr);
      if (spec.unique) {
        // Mongo/CloudBase index a missing field as null and let only one document lack it; IFNULL
        // with a blob (json_extract never returns one) makes SQLite's distinct NULLs collide too.
        const uniqueExprs = exprs.map((e) => `IFNULL(${e}, x'')`);
        ddl.push(`CREATE UNIQUE INDEX IF NOT EXISTS ${quote(`${name}__u_${label}`)} ON ${table} (${uniqueExprs.join(', ')})`);
      }
      // The keyed index serves equality, a range on the next field and the order (the `_id`
      // tie-breaker included) in one scan: queries use exactly these json_extract expressions.
      ddl.push(`DROP INDEX IF EXISTS ${quote(`${name}__${label}`)}`);
      ddl.push(`CREATE INDEX IF NOT EXISTS ${quote(`${name}__k_${label}`)} ON ${table} (${[...exprs, 'id'].join(', ')})`);
      // Before keyed indexes, json_type indexes served an array branch indexed fields no longer have.
      for (const field of spec.fields) ddl.push(`DROP INDEX IF EXISTS ${quote(`${name}__type_${field}`)}`);
    }
    this.tx.sync(() => ddl.forEach((sql) => this.db.exec(sql)));
    this.tables.add(name);
  }

  uniqueIndexes(name: string): IndexSpec[] {
    return declaredIndexes(name).filter((spec) => spec.unique);
  }
}

/** Indexes from collections.ts; undeclared collections (tests, new features) simply have none. */
function declaredIndexes(name: string): IndexSpec[] {
  return Object.prototype.hasOwnProperty.call(COLLECTIONS, name) ? (COLLECTIONS[name]?.indexes ?? []) : [];
}

const quote = (identifier: string): string => `"${identifier}"`;

const parse = (json: string): Record<string, DocValue> => JSON.parse(json) as Record<string, DocValue>;

function toDoc<T extends Doc>(row: Row): T {
  return { _id: row[0], ...(JSON.parse(row[1]) as Record<string, DocValue>) } as T;
}

function body(doc: Doc): string {
  const { _id: _ignored, ...rest } = doc;
  return JSON.stringify(rest);
}

class SqliteCollection<T extends Doc> implements Collection<T> {
  private readonly table: string;
  private readonly indexed: ReadonlySet<string>;

  constructor(
    private readonly storage: SqliteStorage,
    readonly name: string,
  ) {
    this.table = quote(name);
    this.indexed = indexedFields(name);
  }

  private compile(filter: Filter): SqlFragment {
    return compileFilter(filter, this.indexed);
  }

  /** Rows matching the filter: SQL alone when exact, else SQL's superset narrowed in JS. */
  /** The SELECT a find runs (without LIMIT when the filter must be finished in JS). */
  selectSql(filter: Filter, orderBy?: string, limit?: number): SqlFragment {
    const { sql, params, exact } = this.compile(filter);
    // A superset cannot be cut in SQL: the JS filter may drop rows before the limit.
    const bounded = exact && limit !== undefined;
    return {
      sql: `SELECT t.id, t.doc FROM ${this.table} AS t WHERE ${sql}${orderBy ? ` ORDER BY ${orderBy}` : ''}${bounded ? ' LIMIT ?' : ''}`,
      params: bounded ? [...params, limit] : params,
      exact,
    };
  }

  /** SQLite's EXPLAIN QUERY PLAN lines for `find(filter, options)` (tests and the bench read them). */
  async explainFind(filter: Filter, options?: FindOptions): Promise<string[]> {
    assertFilter(filter, `${this.name}.explain`);
    const { orderBy, limit } = resolveFindOptions(options, `${this.name}.explain`);
    const { sql, params } = this.selectSql(filter, compileOrderBy(orderBy, this.indexed), limit);
    return this.run(() =>
      (this.storage.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((row) => row.detail),
    );
  }

  private matching(filter: Filter, orderBy?: string, limit?: number): Row[] {
    const { sql, params, exact } = this.selectSql(filter, orderBy, limit);
    const rows = this.all(sql, params);
    const matched = exact ? rows : rows.filter(([id, json]) => matchesFilter({ _id: id, ...parse(json) }, filter));
    return limit === undefined ? matched : matched.slice(0, limit);
  }

  async get(id: string): Promise<T | null> {
    assertId(id, `${this.name}.get`);
    return this.run(() => {
      const rows = this.all(`SELECT id, doc FROM ${this.table} WHERE id = ?`, [id]);
      return rows[0] ? toDoc<T>(rows[0]) : null;
    });
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    const where = `${this.name}.find`;
    assertFilter(filter, where);
    const { orderBy, limit, fields } = resolveFindOptions(options, where);
    const rows = await this.run(() => this.matching(filter, compileOrderBy(orderBy, this.indexed), limit));
    const docs = rows.map((row) => toDoc<T>(row));
    assertSortableDocs(docs, orderBy, where);
    return fields ? docs.map((doc) => project(doc, fields)) : docs;
  }

  findAll(filter: Filter, pageSize?: number): Promise<T[]> {
    return findAllInPages((f, options) => this.find(f, options), filter, pageSize, `${this.name}.findAll`);
  }

  async count(filter: Filter): Promise<number> {
    assertFilter(filter, `${this.name}.count`);
    const { sql, params, exact } = this.compile(filter);
    if (!exact) return this.run(() => this.matching(filter).length);
    const rows = await this.run(
      () => this.storage.statement(`SELECT COUNT(*) FROM ${this.table} AS t WHERE ${sql}`).all(params) as Array<[number]>,
    );
    return rows[0]?.[0] ?? 0;
  }

  async insert(doc: T): Promise<void> {
    assertDoc(doc, `${this.name}.insert`);
    assertIndexedValues(this.name, doc, `${this.name}.insert`);
    return this.run(() => this.insertOne(doc));
  }

  async insertMany(docs: T[]): Promise<{ inserted: number; duplicates: string[] }> {
    assertInsertMany(this.name, docs);
    const duplicates: string[] = [];
    let inserted = 0;
    // A failed INSERT only aborts its own statement, so one transaction can carry on past it.
    await this.run(() =>
      this.storage.tx.sync(() => {
        for (const doc of docs) {
          try {
            this.insertOne(doc);
            inserted++;
          } catch (error) {
            if (!(error instanceof DuplicateKeyError)) throw error;
            duplicates.push(doc._id);
          }
        }
      }),
    );
    return { inserted, duplicates };
  }

  async put(doc: T): Promise<void> {
    assertDoc(doc, `${this.name}.put`);
    assertIndexedValues(this.name, doc, `${this.name}.put`);
    const json = body(doc);
    return this.run(() =>
      this.write(
        `INSERT INTO ${this.table} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`,
        [doc._id, json],
        doc._id,
        json,
      ),
    );
  }

  async update(filter: Filter, update: Update): Promise<number> {
    assertWriteFilter(filter, `${this.name}.update`);
    assertUpdate(update, `${this.name}.update`);
    assertIndexedUpdate(this.name, update, `${this.name}.update`);
    return this.run(() => this.updateMatching(filter, update));
  }

  async updateById(id: string, update: Update): Promise<boolean> {
    assertId(id, `${this.name}.updateById`);
    assertUpdate(update, `${this.name}.updateById`);
    assertIndexedUpdate(this.name, update, `${this.name}.updateById`);
    return this.run(() => this.updateMatching({ _id: id }, update) > 0);
  }

  async remove(filter: Filter): Promise<number> {
    assertWriteFilter(filter, `${this.name}.remove`);
    const { sql, params, exact } = this.compile(filter);
    if (exact) {
      return this.run(
        () =>
          this.storage
            .statement(`DELETE FROM ${this.table} WHERE id IN (SELECT t.id FROM ${this.table} AS t WHERE ${sql})`)
            .run(params).changes,
      );
    }
    return this.run(() =>
      this.storage.tx.sync(() => {
        const del = this.storage.statement(`DELETE FROM ${this.table} WHERE id = ?`);
        return this.matching(filter).reduce((n, [id]) => n + del.run([id]).changes, 0);
      }),
    );
  }

  /** Runs `fn` once other callers' transactions are done, with the table in place. */
  private run<R>(fn: () => R): Promise<R> {
    return this.storage.tx.run(() => {
      this.storage.ensureTable(this.name);
      return fn();
    });
  }

  private all(sql: string, params: SqlValue[]): Row[] {
    return this.storage.statement(sql).all(params) as Row[];
  }

  private insertOne(doc: T): void {
    const json = body(doc);
    this.write(`INSERT INTO ${this.table} (id, doc) VALUES (?, ?)`, [doc._id, json], doc._id, json);
  }

  /** Runs a write, turning SQLite constraint failures into DuplicateKeyError. */
  private write(sql: string, params: SqlValue[], id: string, json: string): void {
    try {
      this.storage.statement(sql).run(params);
    } catch (error) {
      throw this.duplicateOr(error, id, json);
    }
  }

  /** Applies the update in JS to every match, writing back only documents that changed (as Mongo counts). */
  private updateMatching(filter: Filter, update: Update): number {
    return this.storage.tx.sync(() => {
      const rows = this.matching(filter);
      let changed = 0;
      for (const [id, json] of rows) {
        const next = JSON.stringify(applyUpdate(parse(json), update));
        if (next === json) continue;
        this.write(`UPDATE ${this.table} SET doc = ? WHERE id = ?`, [next, id], id, next);
        changed++;
      }
      return changed;
    });
  }

  private duplicateOr(error: unknown, id: string, json: string): unknown {
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
    const message = String((error as Error).message);
    const spec = this.storage
      .uniqueIndexes(this.name)
      .find((s) => message.includes(`'${this.name}__u_${s.fields.join('_').replace(/\./g, '_')}'`));
    if (!spec) return new DuplicateKeyError(this.name, id);
    // Name the unique key and its value, e.g. `employeeNo=E001`, for messages such as import reports.
    const doc = JSON.parse(json) as Record<string, unknown>;
    const key = spec.fields.map((f) => `${f}=${String(readPath(doc, f))}`).join(',');
    return new DuplicateKeyError(this.name, key);
  }
}

/** EXPLAIN QUERY PLAN for a find on a local (SQLite) collection; refuses any other adapter's. */
export function explainFind(collection: Collection, filter: Filter, options?: FindOptions): Promise<string[]> {
  if (!(collection instanceof SqliteCollection)) throw new StorageError('explainFind needs a SQLite collection');
  return collection.explainFind(filter, options);
}

function readPath(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc;
  for (const segment of path.split('.')) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value;
}
