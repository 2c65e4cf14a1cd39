import * as v from 'valibot';
import { requestId } from '../../src/domain/api/common';
import { newRequestId } from '../../src/utils/request-id';

describe('client request ids', () => {
  it('are accepted by the functions and do not repeat', () => {
    const ids = Array.from({ length: 2000 }, newRequestId);
    for (const id of ids) expect(v.safeParse(requestId, id).success).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fall back to Math.random where the runtime has no Web Crypto (the mini program)', () => {
    const original = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 200 }, newRequestId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true });
    }
  });

  it('refuses ids too short to be random, or with other characters', () => {
    expect(v.safeParse(requestId, 'abc').success).toBe(false);
    expect(v.safeParse(requestId, 'a'.repeat(65)).success).toBe(false);
    expect(v.safeParse(requestId, 'abcdefgh<script>x').success).toBe(false);
  });
});
