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
  throw new AppError('BAD_REQUEST', issue.message || '请求格式不正确', { path });
}
