import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../../cloudfunctions/_local/functions';
import { seedDemoHospital } from '../../../cloudfunctions/_local/seed/demo-hospital';
import { seedDemoLessons } from '../../../cloudfunctions/_local/seed/demo-lessons';
import { seedDemoHistory } from '../../../cloudfunctions/_local/seed/demo-history';
import { createLocalHost } from '../../../cloudfunctions/_local/server';
import { localFileStore } from '../../../cloudfunctions/_runtime/files/local';
import { localMediaStore } from '../../../cloudfunctions/_runtime/files/local-media';
import { localDoorbellBus, ringingStorage } from '../../../cloudfunctions/_runtime/realtime/local';
import { openSqliteStorage } from '../../../cloudfunctions/_runtime/storage/sqlite';
import type { Storage } from '../../../cloudfunctions/_runtime/storage/port';
import type { ReachChannels } from '../../../cloudfunctions/_runtime/reach/port';
import { localWeChatGateway, type LocalWeChatGateway } from '../../../cloudfunctions/_runtime/wechat/local';
import { reachChannelsFromEnv } from '../../../cloudfunctions/_runtime/reach/channels';
import type { Env } from '../../../cloudfunctions/_runtime/reach/config';

export interface TestHost {
  url: string;
  storage: Storage;
  /** Reminders the functions sent, in the local gateway's outbox. */
  wechat: LocalWeChatGateway;
  clock: HostClock;
  close(): Promise<void>;
}

/** The same host `npm start` runs, in-process, on a free port, with a fresh seeded database file. */
/**
 * The host's clock: real time plus an offset a test may move (`clock.set(instant)`,
 * `clock.advance(ms)`), so date-bound behaviour (the 07:00 release, reading time) runs the same at
 * any hour CI starts.
 */
export class HostClock {
  private offset = 0;
  now = (): number => Date.now() + this.offset;
  set(instant: number): void {
    this.offset = instant - Date.now();
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

/**
 * `history`: also seed the demo's month of study and notices (seed/demo-history.ts), as `npm start` does.
 * `reachEnv`: the WZB_WECOM_* / WZB_SMS_* variables the host would read (e.g. pointing at a loopback fake).
 * `channels`: a ready channel set instead (e.g. a recording set with WeCom), overriding `reachEnv`.
 */
export async function startHost(clock = new HostClock(), options: { history?: boolean; reachEnv?: Env; channels?: ReachChannels } = {}): Promise<TestHost> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-e2e-'));
  // As `npm start` does: chat head writes ring the doorbell served at /api/chat/stream.
  const doorbells = localDoorbellBus();
  const storage = ringingStorage(openSqliteStorage(path.join(dir, 'weizhibu.db')), doorbells);
  await seedDemoHospital(storage, clock.now());
  await seedDemoLessons(storage, localMediaStore(path.join(dir, 'files')), clock.now());
  if (options.history) await seedDemoHistory(storage, clock.now());
  const wechat = localWeChatGateway();
  const server = createLocalHost({
    storage,
    functions: LOCAL_FUNCTIONS,
    sessionSecret: randomBytes(16).toString('hex'),
    // WZB_H5_DIR: serve another H5 build (the benchmark compares builds this way).
    h5Dir: path.resolve(__dirname, '../../..', process.env.WZB_H5_DIR ?? 'dist/h5'),
    demo: true,
    files: localFileStore(path.join(dir, 'files')),
    media: localMediaStore(path.join(dir, 'files')),
    wechat,
    channels: options.channels ?? reachChannelsFromEnv(options.reachEnv ?? {}, { wechat, wechatMode: 'local' }),
    doorbells,
    now: clock.now,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    storage,
    wechat,
    clock,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await storage.close();
    },
  };
}
