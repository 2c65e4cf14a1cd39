import * as v from 'valibot';

/** Checks a form against the same schema the function uses; returns the first message or null. */
export function firstIssue<S extends v.GenericSchema>(schema: S, input: unknown): string | null {
  const result = v.safeParse(schema, input);
  return result.success ? null : result.issues[0]?.message ?? '请检查填写内容';
}
