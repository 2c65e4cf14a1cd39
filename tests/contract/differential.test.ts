/**
 * Differential property test: the local (SQLite) adapter against `mingo`, an independent MongoDB
 * query engine, on random documents, filters, sorts, pages and updates (fast-check, fixed seed).
 * Each run inserts a fresh random collection and checks a batch of queries against it, so the
 * number of cases per family is runs × batch (printed at the end).
 *
 * Where the port refuses (see guards.ts) the test expects the refusal instead of mingo's answer:
 * - null / `$exists` through a dotted path (engines disagree once arrays are on the path);
 * - sorting on a field whose value in some matching document is an array or object;
 * - an update that would store an all-digit key or a non-finite number, or that mingo refuses.
 * mingo 7 deviates from MongoDB on two dotted-path shapes we know of, so the dotted-path family
 * does not generate them and storage.contract.ts pins MongoDB's answers by hand instead:
 * - it also walks arrays nested directly in arrays (`{'a.y.x': false}` matches `a: [[false]]`),
 *   which MongoDB never does;
 * - `$in` and ranges miss arrays reached through an array of several objects
 *   (`{'c.x': {$in: ['']}}` misses `c: [{x: [1]}, {x: ['']}]` though `{'c.x': ''}` matches it).
 * mingo also pads arrays with holes (undefined) where MongoDB pads with null; the test reads its
 * holes as null.
 * Updates: MongoDB refuses to create a field inside an array (non-index segment), a scalar or null,
 * `$inc` on a non-number and `$push` to a non-array; mingo sometimes ignores such a step silently.
 * The test expects the port to refuse those (`mongoRefuses`), as MongoDB and so CloudBase do.
 * Strings are ASCII: SQLite and MongoDB order strings by UTF-8 bytes, mingo by UTF-16 units, which
 * differ only above U+FFFF.
 * CloudBase documents nothing different from MongoDB for the operators covered here ("an array
 * field matches a scalar it contains", "'numbers.1' addresses an array element"), so MongoDB's
 * answer (mingo's) is expected throughout.
 */
import fc from 'fast-check';
import { Query, update as mingoUpdate } from 'mingo';
import { ALL_DOCUMENTS } from '../../cloudfunctions/_runtime/storage/guards';
import { StorageError, type Doc, type Filter, type Storage, type Update } from '../../cloudfunctions/_runtime/storage/port';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';

const SEED = 20261128;
/**
 * A copy made in this realm: jest runs tests in a vm context, and `structuredClone` hands back the
 * outer realm's objects, which mingo does not take for plain objects (it then skips a `$set`).
 */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const BATCH = 20;
const cases = new Map<string, number>();
const count = (family: string, n = 1) => cases.set(family, (cases.get(family) ?? 0) + n);

let storage: Storage;
beforeAll(() => {
  storage = openSqliteStorage(':memory:');
});
afterAll(async () => {
  await storage.close();
  // eslint-disable-next-line no-console
  console.log(`differential cases: ${JSON.stringify(Object.fromEntries(cases))}`);
});

// ---- generators --------------------------------------------------------------------------------

const str = fc.constantFrom('', 'a', 'b', 'B', 'ab', 'b1', 'z');
const num = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -1.5, 1e3));
const scalar = fc.oneof(num, str, fc.boolean(), fc.constant(null));
const leafObject = fc.record({ x: scalar, y: scalar }, { requiredKeys: [] });
/** Values whose dotted paths mingo walks as MongoDB does (see the header). */
const flatValue = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 2, arbitrary: leafObject },
  { weight: 2, arbitrary: fc.array(fc.oneof(leafObject, scalar), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.record({ x: fc.array(scalar, { maxLength: 3 }), y: leafObject }, { requiredKeys: [] }) },
);
/** Also arrays directly inside arrays, and arrays of objects holding arrays. */
const value = fc.oneof(
  { weight: 10, arbitrary: flatValue },
  { weight: 1, arbitrary: fc.array(fc.array(fc.oneof(leafObject, scalar), { maxLength: 2 }), { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.array(fc.record({ x: fc.array(fc.oneof(leafObject, scalar), { maxLength: 2 }), y: scalar }), { maxLength: 2 }) },
);
const docs = (field: fc.Arbitrary<unknown>) =>
  fc
    .array(fc.record({ a: field, b: field, c: field }, { requiredKeys: [] }), { minLength: 1, maxLength: 12 })
    .map((list) => list.map((d, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...d }) as Doc));

const topField = fc.constantFrom('a', 'b', 'c');
const dottedField = fc.constantFrom('a.x', 'b.y', 'a.0', 'a.1', 'c.x', 'a.0.x', 'b.1.y', 'a.y.x');
const operand = fc.oneof(num, str);
const eqOperand = fc.oneof(num, str, fc.boolean());

const comparison = (field: fc.Arbitrary<string>) =>
  fc.tuple(field, fc.constantFrom('$gt', '$gte', '$lt', '$lte'), operand).map(([f, op, v]) => ({ [f]: { [op]: v } }) as Filter);
const equality = (field: fc.Arbitrary<string>, nullable: boolean) =>
  fc.tuple(field, nullable ? scalar : eqOperand, fc.constantFrom('plain', '$eq', '$ne')).map(([f, v, form]) =>
    (form === 'plain' ? { [f]: v } : { [f]: { [form]: v } }) as Filter,
  );
const membership = (field: fc.Arbitrary<string>, nullable: boolean) =>
  fc
    .tuple(field, fc.constantFrom('$in', '$nin'), fc.array(nullable ? scalar : eqOperand, { maxLength: 4 }))
    .map(([f, op, list]) => ({ [f]: { [op]: list } }) as Filter);
const existence = (field: fc.Arbitrary<string>) => fc.tuple(field, fc.boolean()).map(([f, b]) => ({ [f]: { $exists: b } }) as Filter);

const anyLeaf = (field: fc.Arbitrary<string>) =>
  fc.oneof(comparison(field), equality(field, true), membership(field, true), existence(field));
const logical: fc.Arbitrary<Filter> = fc.letrec<{ f: Filter }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyLeaf(topField),
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map((list) => ({ $and: list })),
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map((list) => ({ $or: list })),
    fc.tuple(anyLeaf(topField), anyLeaf(topField)).map(([x, y]) => ({ ...y, ...x })),
  ),
})).f;

// ---- oracle helpers ----------------------------------------------------------------------------

const mingoIds = (all: Doc[], filter: Filter): string[] =>
  new Query(filter as Record<string, unknown>).find<Doc>(clone(all)).all().map((d) => String(d._id)).sort();

/** The port refuses null / $exists on a dotted path (see guards.ts). */
function refusedFilter(filter: Filter): boolean {
  return Object.entries(filter).some(([key, cond]) => {
    if (key === '$and' || key === '$or') return (cond as Filter[]).some(refusedFilter);
    if (!key.includes('.')) return false;
    if (cond === null) return true;
    if (typeof cond !== 'object') return false;
    return Object.entries(cond as Record<string, unknown>).some(
      ([op, v]) => op === '$exists' || v === null || (Array.isArray(v) && v.includes(null)),
    );
  });
}

async function fresh(name: string, list: Doc[]) {
  const c = storage.collection(name);
  await c.remove(ALL_DOCUMENTS);
  await c.insertMany(clone(list));
  return c;
}

const ids = (list: Doc[]) => list.map((d) => d._id);

async function checkFilters(family: string, list: Doc[], filters: Filter[], name = 'diff'): Promise<void> {
  const c = await fresh(name, list);
  for (const [i, filter] of filters.entries()) {
    count(family);
    if (refusedFilter(filter)) {
      await expect(c.find(filter)).rejects.toBeInstanceOf(StorageError);
      continue;
    }
    const expected = mingoIds(list, filter);
    expect({ filter, ids: ids(await c.find(filter, { limit: 1000 })).sort() }).toEqual({ filter, ids: expected });
    // count() shares find's WHERE clause; checking a quarter of the filters keeps the runtime modest.
    if (i % 4 === 0) expect({ filter, count: await c.count(filter) }).toEqual({ filter, count: expected.length });
  }
}

const run = <Ts extends unknown[]>(property: fc.IAsyncProperty<Ts>, numRuns: number) =>
  fc.assert(property, { seed: SEED, numRuns, endOnFailure: true });

jest.setTimeout(120_000);

describe('local adapter vs mingo (MongoDB semantics)', () => {
  const batch = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: BATCH, maxLength: BATCH });

  it('comparison: $gt/$gte/$lt/$lte, equality and $eq/$ne on scalars and arrays', () =>
    run(fc.asyncProperty(docs(value), batch(fc.oneof(comparison(topField), equality(topField, true))), (list, fs) => checkFilters('comparison', list, fs)), 80));

  it('$in / $nin, with null and mixed types', () =>
    run(fc.asyncProperty(docs(value), batch(membership(topField, true)), (list, fs) => checkFilters('in-nin', list, fs)), 70));

  it('$exists', () => run(fc.asyncProperty(docs(value), batch(existence(topField)), (list, fs) => checkFilters('exists', list, fs)), 60));

  it('$and / $or, nested and combined with implicit AND', () =>
    run(fc.asyncProperty(docs(value), batch(logical), (list, fs) => checkFilters('and-or', list, fs)), 60));

  it('nested objects and arrays of scalars and of objects through dotted and index paths', () =>
    run(
      fc.asyncProperty(
        docs(flatValue),
        batch(fc.oneof(comparison(dottedField), equality(dottedField, true), membership(dottedField, true), existence(dottedField))),
        (list, fs) => checkFilters('dotted-paths', list, fs),
      ),
      90,
    ));

  it('declared index fields (scalars only) give the same answers', () => {
    const indexedValue = fc.oneof(num, str, fc.constant(null));
    const indexedDocs = fc
      .array(fc.record({ branchId: indexedValue, status: indexedValue, createdAt: indexedValue, authorId: indexedValue }, { requiredKeys: [] }), {
        minLength: 1,
        maxLength: 12,
      })
      .map((list) => list.map((d, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...d }) as Doc));
    const field = fc.constantFrom('branchId', 'status', 'createdAt', 'authorId');
    const leaf = fc.oneof(comparison(field), equality(field, true), membership(field, true), existence(field));
    const filter = fc.oneof(leaf, fc.array(leaf, { minLength: 1, maxLength: 3 }).map((l) => ({ $or: l })), fc.tuple(leaf, leaf).map(([x, y]) => ({ ...y, ...x })));
    return run(fc.asyncProperty(indexedDocs, batch(filter), (list, fs) => checkFilters('indexed', list, fs, 'notices')), 65);
  });

  it('sort and limit, refusing arrays and objects among the matches', () =>
    run(
      fc.asyncProperty(
        docs(fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: value })),
        batch(
          fc.record({
            filter: fc.oneof(fc.constant({} as Filter), anyLeaf(topField).filter((f) => !refusedFilter(f))),
            orderBy: fc.uniqueArray(fc.tuple(topField, fc.constantFrom<'asc' | 'desc'>('asc', 'desc')), { minLength: 1, maxLength: 2, selector: ([f]) => f }),
            limit: fc.integer({ min: 1, max: 14 }),
          }),
        ),
        async (list, queries) => {
          const c = await fresh('diff', list);
          for (const { filter, orderBy, limit } of queries) {
            count('sort-limit');
            const matches = new Query(filter as Record<string, unknown>).find<Doc>(clone(list)).all();
            const unsortable = matches.some((d) => orderBy.some(([f]) => typeof d[f] === 'object' && d[f] !== null));
            if (unsortable) {
              await expect(c.find(filter, { orderBy, limit })).rejects.toBeInstanceOf(StorageError);
              continue;
            }
            const last = orderBy[orderBy.length - 1]![1];
            const spec = Object.fromEntries([...orderBy.map(([f, d]) => [f, d === 'asc' ? 1 : -1]), ['_id', last === 'asc' ? 1 : -1]]);
            const expected = new Query(filter as Record<string, unknown>).find<Doc>(clone(list)).sort(spec).limit(limit).all().map((d) => String(d._id));
            expect({ filter, orderBy, limit, ids: ids(await c.find(filter, { orderBy, limit })) }).toEqual({ filter, orderBy, limit, ids: expected });
          }
        },
      ),
      65,
    ));

  it('paging by key on a declared index: pages concatenate to the full order', () => {
    const indexedDocs = fc
      .array(fc.record({ branchId: fc.constantFrom('b1', 'b2'), createdAt: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 30 })
      .map((list) => list.map((d, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...d }) as Doc));
    return run(
      fc.asyncProperty(indexedDocs, fc.integer({ min: 1, max: 5 }), fc.constantFrom<'asc' | 'desc'>('asc', 'desc'), async (list, size, dir) => {
        const c = await fresh('notices', list);
        const base: Filter = { branchId: 'b1' };
        const sign = dir === 'asc' ? 1 : -1;
        const [before, beforeId] = dir === 'asc' ? (['$gt', '$gt'] as const) : (['$lt', '$lt'] as const);
        const seen: string[] = [];
        let cursor: Doc | undefined;
        for (let guard = 0; guard < 40; guard++) {
          count('paging');
          const filter: Filter = cursor
            ? { ...base, $or: [{ createdAt: { [before]: cursor.createdAt as number } }, { createdAt: cursor.createdAt as number, _id: { [beforeId]: cursor._id } }] }
            : base;
          const page = await c.find(filter, { orderBy: [['createdAt', dir]], limit: size });
          seen.push(...ids(page));
          if (page.length < size) break;
          cursor = page[page.length - 1];
        }
        const expected = new Query(base as Record<string, unknown>)
          .find<Doc>(clone(list))
          .sort({ createdAt: sign, _id: sign })
          .all()
          .map((d) => String(d._id));
        expect(seen).toEqual(expected);
      }),
      700,
    );
  });

  it('updates: $set/$unset/$inc/$push on top-level, dotted and index paths', () => {
    const path = fc.constantFrom('a', 'b', 'a.x', 'a.0', 'a.2', 'a.1.x', 'b.y', 'c.0');
    const incBy = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(1.7e308));
    const updateArb = fc
      .uniqueArray(
        fc.oneof(
          fc.tuple(fc.constant('$set' as const), path, fc.oneof(scalar, leafObject, fc.array(scalar, { maxLength: 2 }))),
          fc.tuple(fc.constant('$unset' as const), path, fc.constant('' as const)),
          fc.tuple(fc.constant('$inc' as const), path, incBy),
          fc.tuple(fc.constant('$push' as const), path, scalar),
        ),
        { minLength: 1, maxLength: 3, selector: ([, p]) => p },
      )
      // The port (like MongoDB) refuses two operators on the same or nested paths; keep those apart.
      .filter((steps) => steps.every(([, p]) => steps.every(([, q]) => p === q || !q.startsWith(`${p}.`))))
      .map((steps) => {
        const u: Record<string, Record<string, unknown>> = {};
        for (const [op, p, v] of steps) (u[op] ??= {})[p] = v;
        return u as Update;
      });
    const numberDoc = fc.record({ a: fc.oneof(value, fc.constant(1.7e308)), b: value, c: value }, { requiredKeys: [] });
    return run(
      fc.asyncProperty(
        fc.array(numberDoc, { minLength: 1, maxLength: 4 }).map((l) => l.map((d, i) => ({ _id: `d${i}`, ...d }) as Doc)),
        batch(fc.tuple(fc.nat(3), updateArb)),
        async (list, updates) => {
          const c = await fresh('diff', list);
          const model = clone(list);
          for (const [pick, u] of updates) {
            count('updates');
            const i = pick % model.length;
            const before = clone(model[i]!);
            const after = clone(before);
            let mingoRefused = false;
            try {
              mingoUpdate(after, clone(u) as never);
              holesToNull(after);
            } catch {
              mingoRefused = true;
            }
            if (mingoRefused || !storable(after) || mongoRefuses(before, u)) {
              await expect(c.updateById(before._id, u)).rejects.toBeInstanceOf(StorageError);
              expect(await c.get(before._id)).toEqual(before);
              continue;
            }
            const local = await c.updateById(before._id, u).catch((e: unknown) => e);
            expect({ u, before, after: local instanceof Error ? local.message : await c.get(before._id) }).toEqual({ u, before, after });
            model[i] = after;
          }
        },
      ),
      65,
    );
  });
});

function holesToNull(v: unknown): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === undefined) v[i] = null;
      else holesToNull(v[i]);
    }
  } else if (v !== null && typeof v === 'object') {
    Object.values(v).forEach(holesToNull);
  }
}

const isIndex = (s: string) => /^(0|[1-9][0-9]*)$/.test(s);

/**
 * MongoDB's "Cannot create field" and type errors: a set / inc / push path whose parent is an array
 * (by a name), a scalar or null; `$inc` on an existing non-number; `$push` to an existing non-array.
 */
function mongoRefuses(doc: Doc, u: Update): boolean {
  return Object.entries(u).some(([op, fields]) =>
    op === '$unset'
      ? false
      : Object.keys(fields as object).some((path) => {
          let cur: unknown = doc;
          for (const segment of path.split('.')) {
            if (cur === undefined) return false;
            if (Array.isArray(cur)) {
              if (!isIndex(segment)) return true;
              cur = cur[Number(segment)];
            } else if (cur !== null && typeof cur === 'object') {
              cur = (cur as Record<string, unknown>)[segment];
            } else {
              return true;
            }
          }
          if (cur === undefined) return false;
          return (op === '$inc' && typeof cur !== 'number') || (op === '$push' && !Array.isArray(cur));
        }),
  );
}

/** What the port can store: finite numbers, no all-digit keys (JSON and the guards). */
function storable(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(storable);
  if (v !== null && typeof v === 'object') return Object.entries(v).every(([k, x]) => !/^[0-9]+$/.test(k) && storable(x));
  return true;
}
