import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The local host's identity: a signed token `<payload>.<hmac>` carrying an openid-like subject. The
 * secret lives in the data folder, so tokens survive restarts and cannot be forged by the browser.
 */
export interface SessionClaims {
  sub: string;
  iat: number;
  exp: number;
}

const b64url = (buf: Buffer) => buf.toString('base64url');
const sign = (payload: string, secret: string) => b64url(createHmac('sha256', secret).update(payload).digest());

export function issueSessionToken(subject: string, secret: string, now: number, ttlMs = 30 * 24 * 3600 * 1000): string {
  const claims: SessionClaims = { sub: subject, iat: now, exp: now + ttlMs };
  const payload = b64url(Buffer.from(JSON.stringify(claims)));
  return `${payload}.${sign(payload, secret)}`;
}

/** Returns the subject of a valid, unexpired token; null for anything else. */
export function verifySessionToken(token: string, secret: string, now: number): string | null {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp <= now) return null;
    return claims.sub;
  } catch {
    return null;
  }
}
