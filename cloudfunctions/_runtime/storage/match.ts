/**
 * Mongo's filter semantics evaluated on one document in memory. The local adapter compiles
 * top-level fields to SQL (exact and index-friendly) but dotted paths can cross arrays
 * (`{'items.memberId': 'm1'}` on `items: [{memberId: 'm1'}]`, `{'numbers.1': 20}`), which SQL's
 * JSON paths cannot follow; filters with such paths are evaluated here on the SQL pre-selection.
 * Expects a filter checked by `assertFilter` (null / `$exists` only on top-level fields).
 */
import { isPlainObject, isScalar } from './guards';
import type { FieldOps, Filter, Scalar } from './port';

const isIndex = (segment: string): boolean => /^(0|[1-9][0-9]*)$/.test(segment);

/**
 * The values a path reaches, as Mongo walks it: through objects by key; through an array both by
 * index (a numeric segment) and into each object element (one level per segment, as Mongo does).
 */
export function resolvePath(value: unknown, segments: readonly string[]): unknown[] {
  if (segments.length === 0) return value === undefined ? [] : [value];
  const [segment, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    if (isIndex(segment) && Number(segment) < value.length) out.push(...resolvePath(value[Number(segment)], rest));
    for (const element of value) if (isPlainObject(element)) out.push(...resolvePath(element, segments));
    return out;
  }
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, segment)) return resolvePath(value[segment], rest);
  return [];
}

/** Strings compare by code point (as SQLite's BINARY collation and Mongo do), not UTF-16 unit. */
function compareStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A scalar reached by the path, or one element of an array reached by it (one level). */
function anyScalar(values: unknown[], test: (v: Scalar) => boolean): boolean {
  return values.some((v) =>
    Array.isArray(v) ? v.some((e) => isScalar(e) && test(e)) : isScalar(v) && test(v),
  );
}

function compare(op: '$gt' | '$gte' | '$lt' | '$lte', operand: string | number) {
  return (v: Scalar): boolean => {
    // Mongo compares within a type bracket only.
    if (typeof v !== typeof operand) return false;
    const c = typeof v === 'string' ? compareStrings(v, operand as string) : (v as number) - (operand as number);
    return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
  };
}

function inList(values: unknown[], list: Scalar[]): boolean {
  // `{ f: null }` also matches a missing field (top-level only, see guards).
  if (list.includes(null) && values.length === 0) return true;
  return anyScalar(values, (v) => list.includes(v));
}

function fieldMatches(doc: Record<string, unknown>, path: string, condition: Scalar | FieldOps): boolean {
  const values = resolvePath(doc, path.split('.'));
  const ops: FieldOps = isScalar(condition) ? { $eq: condition } : condition;
  for (const [op, operand] of Object.entries(ops)) {
    let ok: boolean;
    switch (op) {
      case '$eq':
        ok = inList(values, [operand as Scalar]);
        break;
      case '$ne':
        ok = !inList(values, [operand as Scalar]);
        break;
      case '$in':
        ok = inList(values, operand as Scalar[]);
        break;
      case '$nin':
        ok = !inList(values, operand as Scalar[]);
        break;
      case '$exists':
        ok = (values.length > 0) === operand;
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        ok = anyScalar(values, compare(op, operand as string | number));
        break;
      default:
        throw new Error(`unsupported operator ${op}`);
    }
    if (!ok) return false;
  }
  return true;
}

/** True when the document matches the filter, with Mongo's semantics. */
export function matchesFilter(doc: Record<string, unknown>, filter: Filter): boolean {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') {
      if (!(value as Filter[]).every((f) => matchesFilter(doc, f))) return false;
    } else if (key === '$or') {
      if (!(value as Filter[]).some((f) => matchesFilter(doc, f))) return false;
    } else if (!fieldMatches(doc, key, value as Scalar | FieldOps)) {
      return false;
    }
  }
  return true;
}

/** True when some path in the filter has more than one segment (and so may cross an array). */
export function hasDottedPath(filter: Filter): boolean {
  return Object.entries(filter).some(([key, value]) =>
    key === '$and' || key === '$or' ? (value as Filter[]).some(hasDottedPath) : key.includes('.'),
  );
}
