/**
 * The client message id rule: the phone makes one id per message when it is composed, keeps it with
 * the draft in the outbox (written to storage before the first request) and sends it with every retry.
 * The server stores a branch's message once per id (unique key branch + id), so retries and double
 * taps return the first result. 16–64 characters of [A-Za-z0-9_-]; at least 12 random characters make
 * a collision between two phones negligible.
 */
export const CLIENT_MSG_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `c` + base-36 milliseconds + 12 random base-36 characters, e.g. `cmi3k2f8a1x0p9q2z7w4r6t`. */
export function newClientMsgId(now: number, randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(12);
  let tail = '';
  for (const b of bytes) tail += ALPHABET[b % ALPHABET.length];
  return `c${now.toString(36)}${tail}`;
}

export const isClientMsgId = (value: unknown): value is string => typeof value === 'string' && CLIENT_MSG_ID_PATTERN.test(value);
