/**
 * Translates port filters and sort keys into SQLite over `t.doc` (a JSON text column) and `t.id`.
 *
 * Why it looks the way it does:
 * - Values are always bound parameters. Field paths are embedded as literals, but only after
 *   `assertFilter` matched them against FIELD_PATH (no quotes possible): a literal path is what lets
 *   SQLite use the expression indexes on `json_extract(doc, '$.field')`.
 * - `json_extract` turns JSON true/false into 1/0 and loses the difference between "1" and 1 only
 *   through affinity, so every comparison also checks `json_type` (Mongo never matches across types).
 *   The type check is written `+json_type(...)` so the planner keeps using the value index.
 * - Mongo matches `{ tags: 'x' }` when `tags` is an array containing 'x'; that branch goes through
 *   `json_each`, guarded by `json_type(...) = 'array'` (which has its own index, so OR-by-union still
 *   works for indexed fields).
 * - Negations wrap their positive form in IFNULL(..., 0): a missing field yields SQL NULL, and
 *   NOT NULL would wrongly drop documents Mongo keeps.
 */
import type { FieldOps, Filter, Scalar } from './port';

export type SqlValue = string | number | null;
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
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
    terms.push(typed(`${value} IN (${placeholders(g.strings.length)})`, `+${type} = 'text'`));
    params.push(...g.strings);
  }
  if (g.numbers.length) {
    terms.push(typed(`${value} IN (${placeholders(g.numbers.length)})`, `+${type} IN ${NUMBER_TYPES}`));
    params.push(...g.numbers);
  }
  if (g.hasTrue) terms.push(typed(`${value} = 1`, `+${type} = 'true'`));
  if (g.hasFalse) terms.push(typed(`${value} = 0`, `+${type} = 'false'`));
  return terms;
}

function membership(field: string, values: Scalar[], params: SqlValue[]): string {
  if (field === '_id') {
    // `_id` lives in its own column and is always a string: only strings can match.
    const strings = values.filter((v): v is string => typeof v === 'string');
    if (!strings.length) return '0';
    params.push(...strings);
    return `t.id IN (${placeholders(strings.length)})`;
  }
  const g = group(values);
  const { value, type } = fieldExprs(field);
  const terms = scalarIn(g, value, type, false, params);
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

const COMPARATORS = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

function comparison(field: string, op: keyof typeof COMPARATORS, operand: string | number, params: SqlValue[]): string {
  const sqlOp = COMPARATORS[op];
  if (field === '_id') {
    if (typeof operand !== 'string') return '0';
    params.push(operand);
    return `t.id ${sqlOp} ?`;
  }
  // Mongo compares only within a type bracket: numbers with numbers, strings with strings.
  const types = typeof operand === 'number' ? `IN ${NUMBER_TYPES}` : `= 'text'`;
  const { value, type } = fieldExprs(field);
  params.push(operand, operand);
  return (
    `((${value} ${sqlOp} ? AND +${type} ${types}) OR (${type} = 'array' AND EXISTS (` +
    `SELECT 1 FROM json_each(t.doc, ${jsonPath(field)}) AS je WHERE je.type ${types} AND je.value ${sqlOp} ?)))`
  );
}

function exists(field: string, present: boolean): string {
  if (field === '_id') return present ? '1' : '0';
  return `${fieldExprs(field).type} IS ${present ? 'NOT ' : ''}NULL`;
}

function fieldCondition(field: string, condition: Scalar | FieldOps, params: SqlValue[]): string {
  if (condition === null || typeof condition !== 'object') return membership(field, [condition], params);
  const terms: string[] = [];
  for (const [op, operand] of Object.entries(condition)) {
    switch (op) {
      case '$eq':
        terms.push(membership(field, [operand as Scalar], params));
        break;
      case '$in':
        terms.push(membership(field, operand as Scalar[], params));
        break;
      case '$ne':
        terms.push(`NOT IFNULL(${membership(field, [operand as Scalar], params)}, 0)`);
        break;
      case '$nin':
        terms.push(`NOT IFNULL(${membership(field, operand as Scalar[], params)}, 0)`);
        break;
      case '$exists':
        terms.push(exists(field, operand as boolean));
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        terms.push(comparison(field, op, operand as string | number, params));
        break;
      default:
        // Unreachable after assertFilter; kept so a new operator cannot be silently ignored.
        throw new Error(`unsupported operator ${op}`);
    }
  }
  return terms.length === 1 ? (terms[0] as string) : `(${terms.join(' AND ')})`;
}

function compile(filter: Filter, params: SqlValue[]): string {
  const terms: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') terms.push(`(${(value as Filter[]).map((f) => compile(f, params)).join(' AND ')})`);
    else if (key === '$or') terms.push(`(${(value as Filter[]).map((f) => compile(f, params)).join(' OR ')})`);
    else terms.push(fieldCondition(key, value as Scalar | FieldOps, params));
  }
  return terms.length ? terms.join(' AND ') : '1';
}

/** A WHERE clause (without the keyword) for a filter already checked by `assertFilter`. */
export function compileFilter(filter: Filter): SqlFragment {
  const params: SqlValue[] = [];
  const sql = compile(filter, params);
  return { sql, params };
}

/**
 * ORDER BY terms. Mongo orders across types (missing/null < numbers < strings < objects < arrays <
 * booleans); a type rank first reproduces that, then the value itself.
 */
export function compileOrderBy(orderBy: Array<[string, 'asc' | 'desc']>): string {
  return orderBy
    .map(([field, direction]) => {
      const dir = direction === 'desc' ? 'DESC' : 'ASC';
      if (field === '_id') return `t.id ${dir}`;
      const { value, type } = fieldExprs(field);
      const rank =
        `CASE ${type} WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 WHEN 'object' THEN 3 ` +
        `WHEN 'array' THEN 4 WHEN 'false' THEN 5 WHEN 'true' THEN 5 ELSE 0 END`;
      return `${rank} ${dir}, ${value} ${dir}`;
    })
    .join(', ');
}

/** Index expressions for declared indexes (column `doc`, no alias, as CREATE INDEX requires). */
export function indexExpr(field: string): string {
  return fieldExprs(field, 'doc').value;
}

export function typeIndexExpr(field: string): string {
  return fieldExprs(field, 'doc').type;
}
