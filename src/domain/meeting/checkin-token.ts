import { MEETING_LIMITS } from './limits';

/**
 * Rotating check-in tokens. The officer's screen shows a QR of `mt1.<meetingId>.<window>.<sig>`
 * and a 6-digit code; both change every 30 s (one window). `sig` and the code are HMACs, under a
 * server secret, of the meeting id and the window number, so they are bound to the meeting and
 * cannot be made without the secret. A scan is accepted in the current or the previous window
 * (a member who scanned just before a rotation is not refused), never later.
 *
 * The HMAC itself is injected (`Mac`): the domain stays pure; the function passes node:crypto's
 * HMAC-SHA256 keyed with its secret.
 */
export type Mac = (message: string) => Uint8Array;

const PREFIX = 'mt1';
const SIG_BYTES = 12;

export const windowOf = (now: number, windowMs: number = MEETING_LIMITS.tokenWindowMs): number => Math.floor(now / windowMs);

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += B64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

const signature = (mac: Mac, meetingId: string, window: number): string => base64url(mac(`${PREFIX}|token|${meetingId}|${window}`).slice(0, SIG_BYTES));

/** The 6-digit code of a window: 32 bits of its own HMAC, modulo 10⁶ (bias below 0.03 %). */
export function codeFor(mac: Mac, meetingId: string, window: number): string {
  const b = mac(`${PREFIX}|code|${meetingId}|${window}`);
  const n = ((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3];
  return String(n % 1_000_000).padStart(6, '0');
}

export function tokenFor(mac: Mac, meetingId: string, window: number): string {
  return `${PREFIX}.${meetingId}.${window}.${signature(mac, meetingId, window)}`;
}

export interface CurrentCode {
  token: string;
  code: string;
  window: number;
  secondsLeft: number;
}

export function currentCode(mac: Mac, meetingId: string, now: number, windowMs: number = MEETING_LIMITS.tokenWindowMs): CurrentCode {
  const window = windowOf(now, windowMs);
  return { token: tokenFor(mac, meetingId, window), code: codeFor(mac, meetingId, window), window, secondsLeft: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) };
}

/** Equal strings in time independent of where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type TokenVerdict = { ok: true; meetingId: string; window: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const isFresh = (window: number, current: number): boolean => window === current || window === current - 1;

/** Checks a scanned token: well formed, signed by us, and from the current or previous window. */
export function verifyToken(mac: Mac, token: string, now: number, windowMs: number = MEETING_LIMITS.tokenWindowMs): TokenVerdict {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX || !/^\d{1,15}$/.test(parts[2]) || parts[1].length === 0) return { ok: false, reason: 'malformed' };
  const [, meetingId, windowText, sig] = parts;
  const window = Number(windowText);
  if (!sameText(sig, signature(mac, meetingId, window))) return { ok: false, reason: 'forged' };
  const current = windowOf(now, windowMs);
  // A signed token from the future cannot come from our screen: treat it as forged, not expired.
  if (window > current) return { ok: false, reason: 'forged' };
  if (!isFresh(window, current)) return { ok: false, reason: 'expired' };
  return { ok: true, meetingId, window };
}

/** Checks a typed 6-digit code against the meeting's current and previous window. */
export function verifyCode(mac: Mac, meetingId: string, code: string, now: number, windowMs: number = MEETING_LIMITS.tokenWindowMs): boolean {
  const current = windowOf(now, windowMs);
  return [current, current - 1].some((w) => sameText(code, codeFor(mac, meetingId, w)));
}
