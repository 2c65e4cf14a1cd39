import { randomBytes } from 'node:crypto';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import type { FunctionHandler } from '../../cloudfunctions/_runtime/handler';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import type { Envelope } from '../../src/domain/shared/envelope';

/** A fake clock the tests move by hand. */
export class FakeClock {
  constructor(public t = Date.UTC(2026, 10, 22, 1, 0, 0)) {}
  now = () => this.t;
  advance(ms: number) {
    this.t += ms;
  }
}

export interface FunctionWorld {
  storage: Storage;
  clock: FakeClock;
  /** Calls a function as the holder of `openid` (null = no identity). */
  call<T = unknown>(fn: FunctionHandler, openid: string | null, action: string, data?: unknown): Promise<Envelope<T>>;
  /** Like call, but unwraps ok data and fails the test on an error envelope. */
  ok<T = any>(fn: FunctionHandler, openid: string | null, action: string, data?: unknown): Promise<T>;
}

/** A fresh in-memory database, optionally seeded with the demo hospital (the same seed `npm start` uses). */
export async function makeWorld(options: { seed?: boolean } = {}): Promise<FunctionWorld> {
  const storage = openSqliteStorage(':memory:');
  const clock = new FakeClock();
  if (options.seed !== false) await seedDemoHospital(storage, clock.now());
  const ctxFor = (openid: string | null): FunctionContext => ({
    openid,
    storage,
    now: clock.now,
    randomBytes: (n) => randomBytes(n),
    demo: true,
  });
  const call = <T>(fn: FunctionHandler, openid: string | null, action: string, data: unknown = {}) =>
    fn({ action, data }, ctxFor(openid)) as Promise<Envelope<T>>;
  const ok = async <T>(fn: FunctionHandler, openid: string | null, action: string, data: unknown = {}) => {
    const res = await call<T>(fn, openid, action, data);
    if (!res.ok) throw new Error(`${action} failed: ${res.code} ${res.message}`);
    return res.data;
  };
  return { storage, clock, call, ok };
}

/** Demo identities: the seed binds members as `demo:<memberId>`. */
export const ADMIN = 'demo:m_H01001';
export const openidOf = (memberId: string) => `demo:${memberId}`;
