import type * as v from 'valibot';
import { FIELD_LABELS } from './field-labels';

/**
 * Chinese messages for validation issues whose schema gave none (valibot's defaults are English); a
 * schema's own Chinese message still wins. Every message names the field, by its Chinese label where
 * known (FIELD_LABELS), else by its path.
 */
export function fieldName(path: v.BaseIssue<unknown>['path']): string {
  const keys = (path ?? []).map((item) => item.key);
  if (!keys.length) return '请求内容';
  const last = [...keys].reverse().find((k) => typeof k === 'string' && Object.prototype.hasOwnProperty.call(FIELD_LABELS, k));
  const index = typeof keys[keys.length - 1] === 'number' ? `第 ${Number(keys[keys.length - 1]) + 1} 项` : '';
  if (typeof last === 'string') return `${FIELD_LABELS[last]}${index}`;
  return `字段「${keys.map((k) => printable(k)).join('.')}」`;
}

/**
 * Shared field schemas whose own message cannot name the field (`id` serves every *Id field): the
 * message is rebuilt around the field's name ("缺少通知编号").
 */
const GENERIC: Record<string, (field: string) => string> = {
  缺少编号: (field) => `缺少${field}编号`,
  编号过长: (field) => `${field}编号过长`,
};

export function namingField(message: string, issue: v.BaseIssue<unknown>): string {
  const rebuild = Object.prototype.hasOwnProperty.call(GENERIC, message) ? GENERIC[message] : undefined;
  return rebuild && issue.path?.length ? rebuild(fieldName(issue.path)) : message;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  strict_object: '对象',
  loose_object: '对象',
  record: '对象',
  picklist: '可选值之一',
  literal: '指定值',
  null: '空值',
};

export function issueMessage(issue: v.BaseIssue<unknown>): string {
  const field = fieldName(issue.path);
  const req = (issue as { requirement?: unknown }).requirement;
  const n = typeof req === 'number' ? req : null;
  const isText = typeof issue.input === 'string';
  if (issue.kind === 'schema') {
    if (issue.expected === 'never') return `不支持的字段${field.startsWith('字段') ? field.slice(2) : `「${lastKey(issue)}」`}`;
    if (issue.received === 'undefined') return `请填写${field}`;
    const expected = TYPE_NAMES[issue.type];
    return expected ? `${field}格式不正确，应为${expected}` : `${field}格式不正确`;
  }
  switch (issue.type) {
    case 'min_length':
    case 'non_empty':
      return n !== null && n > 1 ? `${field}至少 ${n} ${isText ? '个字' : '项'}` : `请填写${field}`;
    case 'max_length':
      return `${field}不能超过 ${n ?? ''} ${isText ? '个字' : '项'}`;
    case 'min_value':
      return `${field}不能小于 ${String(req)}`;
    case 'max_value':
      return `${field}不能大于 ${String(req)}`;
    case 'integer':
      return `${field}应为整数`;
    case 'finite':
      return `${field}应为有限数字`;
    default:
      return `${field}格式不正确`;
  }
}

const lastKey = (issue: v.BaseIssue<unknown>) => printable(issue.path?.[issue.path.length - 1]?.key);

/** Keys come from the request: keep them short and printable inside the message. */
function printable(key: unknown): string {
  const s = Array.from(String(key), (ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? '?' : ch)).join('');
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/** True for plain-object schemas (and those wrapped in optional / nullable / pipe), which refuse arrays. */
type AnySchema = { type?: string; entries?: Record<string, AnySchema>; wrapped?: AnySchema; item?: AnySchema; value?: AnySchema; options?: AnySchema[]; key?: unknown };
const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest', 'record']);

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * valibot's object and record schemas accept an array (it is an object to `typeof`): `data: []` would
 * pass as `{}`; and a record silently drops `__proto__` / `constructor` / `prototype` keys. Finds the
 * first place where the input holds an array where the schema expects an object, or such a key in a record.
 */
export interface ShapeProblem {
  path: Array<string | number>;
  message: string;
}

const asIssuePath = (keys: Array<string | number>) => keys.map((key) => ({ key })) as unknown as v.BaseIssue<unknown>['path'];

export function shapeProblem(schema: AnySchema, input: unknown): ShapeProblem | null {
  const found = arrayForObject(schema, input, []);
  if (!found) return null;
  const last = found[found.length - 1];
  return typeof last === 'string' && PROTOTYPE_KEYS.has(last)
    ? { path: found, message: `不支持的字段「${last}」` }
    : { path: found, message: `${fieldName(asIssuePath(found))}格式不正确，应为对象` };
}

function arrayForObject(schema: AnySchema, input: unknown, path: Array<string | number>): Array<string | number> | null {
  const s = unwrap(schema);
  if (!s || input === null || input === undefined || typeof input !== 'object') return null;
  if (OBJECT_TYPES.has(s.type ?? '')) {
    if (Array.isArray(input)) return path;
    const record = input as Record<string, unknown>;
    if (s.type === 'record' && s.value) {
      for (const key of Object.keys(record)) {
        if (PROTOTYPE_KEYS.has(key)) return [...path, key];
        const found = arrayForObject(s.value, record[key], [...path, key]);
        if (found) return found;
      }
    }
    for (const [key, entry] of Object.entries(s.entries ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const found = arrayForObject(entry, record[key], [...path, key]);
      if (found) return found;
    }
    return null;
  }
  if (s.type === 'array' && s.item && Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const found = arrayForObject(s.item, input[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if ((s.type === 'union' || s.type === 'variant') && s.options?.length && Array.isArray(input)) {
    return s.options.every((o) => OBJECT_TYPES.has(unwrap(o)?.type ?? '')) ? path : null;
  }
  if (s.type === 'variant' && s.options && typeof s.key === 'string') {
    const tag = (input as Record<string, unknown>)[s.key];
    const option = s.options.find((o) => (unwrap(o)?.entries?.[s.key as string] as { literal?: unknown } | undefined)?.literal === tag);
    return option ? arrayForObject(option, input, path) : null;
  }
  return null;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let s = schema;
  while (s && s.wrapped && !OBJECT_TYPES.has(s.type ?? '')) s = s.wrapped;
  return s;
}
