import * as v from 'valibot';
import { AppError } from '../shared/errors';

/** Shared field schemas: limits live here once, for client forms and function input alike. */
export const id = v.pipe(v.string('缺少编号'), v.minLength(1, '缺少编号'), v.maxLength(64, '编号过长'));
export const shortName = (label: string, max = 30) =>
  v.pipe(v.string(`请填写${label}`), v.trim(), v.minLength(1, `请填写${label}`), v.maxLength(max, `${label}不能超过 ${max} 个字`));
export const employeeNo = v.pipe(
  v.string('请填写工号'),
  v.trim(),
  v.regex(/^[A-Za-z0-9-]{2,20}$/, '工号格式不正确（2–20 位字母、数字或连字符）'),
);
/**
 * A client request id: generated once per user intent (when a form opens) and reused on retries and
 * double taps, so the function creates at most one thing for it (cloudfunctions/_runtime/idempotency.ts).
 * 16–64 URL-safe characters: clients send 128 random bits (newRequestId in src/utils/request-id.ts).
 */
export const requestId = v.pipe(v.string('缺少请求编号，请刷新页面后重试'), v.regex(/^[A-Za-z0-9_-]{16,64}$/, '请求编号格式不正确，请刷新页面后重试'));
/** Paging by key: the last item's sort key from the previous page. */
export const cursor = v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200))));

/** Every action's payload is a strict object: unknown keys are refused, not ignored. */
export const payload = v.strictObject;

/** Validates a payload against its schema; throws BAD_REQUEST with the first issue's message. */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input ?? {});
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new AppError('BAD_REQUEST', messageFor(schema, issue) || '请求格式不正确', { path });
}

/**
 * Object-level issues (a missing or an unknown key) carry valibot's English text; give them the
 * Chinese message of the field's own schema, or name the unknown field.
 */
function messageFor(schema: v.GenericSchema, issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema' || !issue.path?.length) return issue.message;
  const key = String(issue.path[issue.path.length - 1].key);
  const entries = (schema as unknown as { entries?: Record<string, v.GenericSchema> }).entries;
  if (issue.expected === 'never') return `不支持的字段「${key}」`;
  const field = entries?.[key];
  if (field && issue.received === 'undefined') {
    const missing = v.safeParse(field, undefined);
    if (!missing.success) return missing.issues[0].message;
  }
  return issue.message;
}
