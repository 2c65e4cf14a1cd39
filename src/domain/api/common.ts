import * as v from 'valibot';
import { AppError } from '../shared/errors';
import { issueMessage, namingField, shapeProblem } from './issue-message';

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

/** Validates a payload against its schema; throws BAD_REQUEST with the first issue's Chinese message. */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const data = input ?? {};
  const shape = shapeProblem(schema, data);
  if (shape) throw new AppError('BAD_REQUEST', shape.message, { path: shape.path.join('.') });
  const result = v.safeParse(schema, data, PARSE_CONFIG);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new AppError('BAD_REQUEST', namingField(messageFor(schema, issue), issue) || '请求格式不正确', { path });
}

/**
 * Issues without a message of their own are marked and given a Chinese one naming the field
 * (issue-message.ts) once the issue is complete: its path is only known after valibot returns.
 */
const NO_MESSAGE = '\u0000';
const PARSE_CONFIG = { message: NO_MESSAGE, abortEarly: true } as const;
const ownOrChinese = (issue: v.BaseIssue<unknown>) => (issue.message === NO_MESSAGE ? issueMessage(issue) : issue.message);

/** A missing key: the field's own schema knows the best message ("请填写标题"). */
function messageFor(schema: v.GenericSchema, issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema' || !issue.path?.length || issue.received !== 'undefined' || issue.expected === 'never') return ownOrChinese(issue);
  const key = String(issue.path[issue.path.length - 1].key);
  const entries = (schema as unknown as { entries?: Record<string, v.GenericSchema> }).entries;
  const field = entries && Object.prototype.hasOwnProperty.call(entries, key) ? entries[key] : undefined;
  if (field) {
    const missing = v.safeParse(field, undefined, PARSE_CONFIG);
    if (!missing.success && missing.issues[0].message !== NO_MESSAGE) return missing.issues[0].message;
  }
  return ownOrChinese(issue);
}
