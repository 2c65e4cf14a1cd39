import type { FunctionContext } from './context';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random, URL-safe ids with a readable prefix (`b_…` branch, `g_…` group) for logs and support. */
export function newId(ctx: Pick<FunctionContext, 'randomBytes'>, prefix: string, length = 12): string {
  const bytes = ctx.randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

/** Members have a deterministic id from the employee number, so re-imports and retries converge. */
export const memberIdFor = (employeeNo: string): string => `m_${employeeNo}`;
