import type { ErrorCode } from './errors';

/** The one response shape every function returns, on every transport. */
export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: ErrorCode; message: string; details?: unknown };
export type Envelope<T> = Ok<T> | Fail;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, details?: unknown): Fail =>
  details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
