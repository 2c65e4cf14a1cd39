/**
 * Translates port filters and sort keys into SQLite over `t.doc` (a JSON text column) and `t.id`.
 *
 * Why it looks the way it does:
 * - Values are always bound parameters. Field paths are embedded as literals, but only after
 *   `assertFilter` matched them against FIELD_PATH (no quotes possible): a literal path is what lets
 *   SQLite use the expression indexes on `json_extract(doc, '$.field')`.
 * - Indexed fields (declared in collections.ts) hold only strings, numbers or null (the guards
 *   refuse anything else on write). There, SQLite's own order (NULL < numbers < text) is Mongo's,
 *   so equality, ranges and ORDER BY compile to the bare index expression and one composite index
 *   serves filter and order together (tests/contract/sqlite-plan.test.ts checks the plans).
 * - Elsewhere a field may hold anything: `json_extract` turns JSON true/false into 1/0, so every
 *   comparison also checks `json_type` (Mongo never matches across types); `{ tags: 'x' }` matches
 *   an array containing 'x' through `json_each`; sorting ranks types in Mongo's order and puts
 *   arrays and objects first so the adapter can see them and refuse (see assertSortableDocs).
 * - Negations wrap their positive form in IFNULL(..., 0): a missing field yields SQL NULL, and
 *   NOT NULL would wrongly drop documents Mongo keeps.
 * - Dotted paths may cross arrays, which SQLite's JSON paths cannot follow: filters with them are
 *   compiled only partly (the top-level conjuncts without one, a superset) and finished in JS
 *   (`match.ts`), with `exact: false`.
 */
import { hasDottedPath } from './match';
import type { FieldOps, Filter, Scalar } from './port';

export type SqlValue = string | number | null;
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
  /** False when the SQL selects a superset that `matchesFilter` must narrow. */
  exact: boolean;
}

const NUMBER_TYPES = `('integer','real')`;

/** The JSON path literal for a validated field path. */
export const jsonPath = (field: string): string => `'$.${field}'`;

/** The expressions reading a field: its SQL value and its JSON type (NULL when missing). */
function fieldExprs(field: string, doc = 't.doc'): { value: string; type: string } {
  return {
    value: `json_extract(${doc}, ${jsonPath(field)})`,
    type: `json_type(${doc}, ${jsonPath(field)})`,
  };
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const inList = (expr: string, n: number): string => (n === 1 ? `${expr} = ?` : `${expr} IN (${placeholders(n)})`);

interface Grouped {
  strings: string[];
  numbers: number[];
  hasTrue: boolean;
  hasFalse: boolean;
  hasNull: boolean;
}

function group(values: Scalar[]): Grouped {
  const g: Grouped = { strings: [], numbers: [], hasTrue: false, hasFalse: false, hasNull: false };
  for (const v of values) {
    if (v === null) g.hasNull = true;
    else if (v === true) g.hasTrue = true;
    else if (v === false) g.hasFalse = true;
    else if (typeof v === 'string') g.strings.push(v);
    else g.numbers.push(v);
  }
  return g;
}

/**
 * "The value (or, for arrays, any element) is one of `values`" — equality, `$eq` and `$in`.
 * `value`/`type` are the SQL expressions of the scalar; for array elements they are je.value/je.type.
 */
function scalarIn(g: Grouped, value: string, type: string, typeFirst: boolean, params: SqlValue[]): string[] {
  const terms: string[] = [];
  const typed = (valueSql: string, typeSql: string): string =>
    typeFirst ? `(${typeSql} AND ${valueSql})` : `(${valueSql} AND ${typeSql})`;
  if (g.strings.length) {
    terms.push(typed(inList(value, g.strings.length), `+${type} = 'text'`));
    params.push(...g.strings);
  }
  if (g.numbers.length) {
    terms.push(typed(inList(value, g.numbers.length), `+${type} IN ${NUMBER_TYPES}`));
    params.push(...g.numbers);
  }
  if (g.hasTrue) terms.push(typed(`${value} = 1`, `+${type} = 'true'`));
  if (g.hasFalse) terms.push(typed(`${value} = 0`, `+${type} = 'false'`));
  return terms;
}

class Compiler {
  readonly params: SqlValue[] = [];

  constructor(private readonly indexed: ReadonlySet<string>) {}

  membership(field: string, values: Scalar[]): string {
    const params = this.params;
    if (field === '_id') {
      // `_id` lives in its own column and is always a string: only strings can match.
      const strings = values.filter((v): v is string => typeof v === 'string');
      if (!strings.length) return '0';
      params.push(...strings);
      return inList('t.id', strings.length);
    }
    const g = group(values);
    const { value, type } = fieldExprs(field);
    const terms = scalarIn(g, value, type, false, params);
    if (this.indexed.has(field)) {
      // Indexed fields hold no arrays; json_extract is NULL for both null and missing.
      if (g.hasNull) terms.push(`${value} IS NULL`);
      return terms.length ? (terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`) : '0';
    }
    // Mongo: `{ f: null }` matches a missing field as well as an explicit null.
    if (g.hasNull) terms.push(`(${type} IS NULL OR ${type} = 'null')`);
    const elementTerms = scalarIn(g, 'je.value', 'je.type', true, params);
    if (g.hasNull) elementTerms.push(`je.type = 'null'`);
    if (elementTerms.length) {
      terms.push(
        `(${type} = 'array' AND EXISTS (SELECT 1 FROM json_each(t.doc, ${jsonPath(field)}) AS je WHERE ${elementTerms.join(' OR ')}))`,
      );
    }
    return terms.length ? `(${terms.join(' OR ')})` : '0';
  }

  comparison(field: string, op: keyof typeof COMPARATORS, operand: string | number): string {
    const sqlOp = COMPARATORS[op];
    if (field === '_id') {
      if (typeof operand !== 'string') return '0';
      this.params.push(operand);
      return `t.id ${sqlOp} ?`;
    }
    // Mongo compares only within a type bracket: numbers with numbers, strings with strings.
    const types = typeof operand === 'number' ? `IN ${NUMBER_TYPES}` : `= 'text'`;
    const { value, type } = fieldExprs(field);
    this.params.push(operand);
    const scalar = `(${value} ${sqlOp} ? AND +${type} ${types})`;
    if (this.indexed.has(field)) return scalar;
    this.params.push(operand);
    return (
      `(${scalar} OR (${type} = 'array' AND EXISTS (` +
      `SELECT 1 FROM json_each(t.doc, ${jsonPath(field)}) AS je WHERE je.type ${types} AND je.value ${sqlOp} ?)))`
    );
  }

  fieldCondition(field: string, condition: Scalar | FieldOps): string {
    if (condition === null || typeof condition !== 'object') return this.membership(field, [condition]);
    const terms: string[] = [];
    for (const [op, operand] of Object.entries(condition)) {
      switch (op) {
        case '$eq':
          terms.push(this.membership(field, [operand as Scalar]));
          break;
        case '$in':
          terms.push(this.membership(field, operand as Scalar[]));
          break;
        case '$ne':
          terms.push(`NOT IFNULL(${this.membership(field, [operand as Scalar])}, 0)`);
          break;
        case '$nin':
          terms.push(`NOT IFNULL(${this.membership(field, operand as Scalar[])}, 0)`);
          break;
        case '$exists':
          terms.push(exists(field, operand as boolean));
          break;
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte':
          terms.push(this.comparison(field, op, operand as string | number));
          break;
        default:
          // Unreachable after assertFilter; kept so a new operator cannot be silently ignored.
          throw new Error(`unsupported operator ${op}`);
      }
    }
    return terms.length === 1 ? (terms[0] as string) : `(${terms.join(' AND ')})`;
  }

  compile(filter: Filter): string {
    const terms: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and') terms.push(`(${(value as Filter[]).map((f) => this.compile(f)).join(' AND ')})`);
      else if (key === '$or') terms.push(`(${(value as Filter[]).map((f) => this.compile(f)).join(' OR ')})`);
      else terms.push(this.fieldCondition(key, value as Scalar | FieldOps));
    }
    return terms.length ? terms.join(' AND ') : '1';
  }
}

const COMPARATORS = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

function exists(field: string, present: boolean): string {
  if (field === '_id') return present ? '1' : '0';
  return `${fieldExprs(field).type} IS ${present ? 'NOT ' : ''}NULL`;
}

/** The filter's top-level conjuncts (through nested `$and`), each a one-key filter. */
function conjuncts(filter: Filter): Filter[] {
  return Object.entries(filter).flatMap(([key, value]) =>
    key === '$and' ? (value as Filter[]).flatMap(conjuncts) : [{ [key]: value } as Filter],
  );
}

/**
 * A WHERE clause (without the keyword) for a filter already checked by `assertFilter`. `indexed`
 * are the collection's declared index fields (see `indexedFields`).
 */
export function compileFilter(filter: Filter, indexed: ReadonlySet<string> = new Set()): SqlFragment {
  const compiler = new Compiler(indexed);
  if (!hasDottedPath(filter)) return { sql: compiler.compile(filter), params: compiler.params, exact: true };
  const plain = conjuncts(filter).filter((part) => !hasDottedPath(part));
  const sql = plain.length ? plain.map((part) => compiler.compile(part)).join(' AND ') : '1';
  return { sql, params: compiler.params, exact: false };
}

/** True (1) when a path holds an array or object, or crosses an array: values we refuse to sort. */
function unsortable(field: string): string {
  const segments = field.split('.');
  const terms = segments
    .slice(0, -1)
    .map((_, i) => `${fieldExprs(segments.slice(0, i + 1).join('.')).type} = 'array'`);
  terms.push(`${fieldExprs(field).type} IN ('array','object')`);
  // json_type is NULL on a missing path; NULL would sort after 0 under DESC.
  return `IFNULL(${terms.join(' OR ')}, 0)`;
}

/**
 * ORDER BY terms. On indexed fields, the bare index expression (SQLite's order is Mongo's there).
 * Elsewhere, unsortable values first (so the adapter sees them and refuses), then a type rank in
 * Mongo's order (missing/null < numbers < strings < booleans), then the value itself.
 */
export function compileOrderBy(orderBy: Array<[string, 'asc' | 'desc']>, indexed: ReadonlySet<string> = new Set()): string {
  // Unsortable values of any key come before everything, so no page can hide one.
  const loose = orderBy.filter(([field]) => field !== '_id' && !indexed.has(field));
  const first = loose.length ? [`(${loose.map(([field]) => unsortable(field)).join(' OR ')}) DESC`] : [];
  const keys = orderBy.map(([field, direction]) => {
    const dir = direction === 'desc' ? 'DESC' : 'ASC';
    if (field === '_id') return `t.id ${dir}`;
    const { value, type } = fieldExprs(field);
    if (indexed.has(field)) return `${value} ${dir}`;
    const rank = `CASE ${type} WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 WHEN 'false' THEN 5 WHEN 'true' THEN 5 ELSE 0 END`;
    return `${rank} ${dir}, ${value} ${dir}`;
  });
  return [...first, ...keys].join(', ');
}

/** Index expressions for declared indexes (column `doc`, no alias, as CREATE INDEX requires). */
export function indexExpr(field: string): string {
  return fieldExprs(field, 'doc').value;
}
