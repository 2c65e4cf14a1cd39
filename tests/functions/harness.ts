import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { localFileStore, type LocalFileStore } from '../../cloudfunctions/_runtime/files/local';
import type { FunctionHandler } from '../../cloudfunctions/_runtime/handler';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';
import { localWeChatGateway, type LocalWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { memoryReachChannels, type MemoryReachChannels, type MemoryReachOptions } from '../../cloudfunctions/_runtime/reach/memory';
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
  /** The local WeChat fake every call sees: flags FLAGGED_TEST_WORDS, keeps sent reminders in `outbox()`. */
  wechat: LocalWeChatGateway;
  /** A file store in a fresh temp folder (created on first save): `files.save(bytes, 'image/png')`. */
  files: LocalFileStore;
  /**
   * The reminder channels every call sees (`ctx.channels`): a recording in-memory set, WeChat only unless
   * `makeWorld({ channels: { configured: { wecom: true, sms: true } } })`; `channels.sent` lists every send.
   */
  channels: MemoryReachChannels;
  /** Calls a function as the holder of `openid` (null = no identity). */
  call<T = unknown>(fn: FunctionHandler, openid: string | null, action: string, data?: unknown): Promise<Envelope<T>>;
  /** Like call, but unwraps ok data and fails the test on an error envelope. */
  ok<T = any>(fn: FunctionHandler, openid: string | null, action: string, data?: unknown): Promise<T>;
}

/** A fresh in-memory database, optionally seeded with the demo hospital (the same seed `npm start` uses). */
export async function makeWorld(options: { seed?: boolean; channels?: MemoryReachOptions } = {}): Promise<FunctionWorld> {
  const storage = openSqliteStorage(':memory:');
  const clock = new FakeClock();
  const wechat = localWeChatGateway();
  const channels = memoryReachChannels(options.channels);
  const files = localFileStore(path.join(tmpdir(), `wzb-files-${randomBytes(6).toString('hex')}`));
  if (options.seed !== false) await seedDemoHospital(storage, clock.now());
  const ctxFor = (openid: string | null): FunctionContext => ({
    openid,
    storage,
    now: clock.now,
    randomBytes: (n) => randomBytes(n),
    demo: true,
    wechat,
    files,
    channels,
  });
  const call = <T>(fn: FunctionHandler, openid: string | null, action: string, data: unknown = {}) =>
    fn({ action, data }, ctxFor(openid)) as Promise<Envelope<T>>;
  const ok = async <T>(fn: FunctionHandler, openid: string | null, action: string, data: unknown = {}) => {
    const res = await call<T>(fn, openid, action, data);
    if (!res.ok) throw new Error(`${action} failed: ${res.code} ${res.message}`);
    return res.data;
  };
  return { storage, clock, wechat, files, channels, call, ok };
}

/** A fresh client request id (what a form generates when it opens): each call is a new intent. */
export const requestId = (): string => `rq_${randomBytes(12).toString('hex')}`;

/** Demo identities: the seed binds members as `demo:<memberId>`. */
export const ADMIN = 'demo:m_H01001';
export const openidOf = (memberId: string) => `demo:${memberId}`;
