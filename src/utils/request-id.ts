const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LENGTH = 22;

/** Random bytes: Web Crypto where the runtime has it (H5), else Math.random (the mini program's JS engine). */
function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) return cryptoApi.getRandomValues(bytes);
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

/**
 * A client request id for one user intent: 22 URL-safe characters (132 random bits). The functions
 * create at most one thing per id, so a retry or a double tap that reuses it cannot duplicate.
 */
export function newRequestId(): string {
  let out = '';
  for (const b of randomBytes(LENGTH)) out += ALPHABET[b & 63];
  return out;
}
