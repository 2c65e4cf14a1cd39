import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';

/** The deployable cloudfunctions/chat/index.js: self-contained, no local-only code, the realtime bus left out. */
const root = path.resolve(__dirname, '../../cloudfunctions');
const code = () => readFileSync(path.join(root, 'chat', 'index.js'), 'utf8');
const requiresOf = () => [...code().matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);

describe('chat bundle', () => {
  it('requires nothing but Node built-ins and the SDKs its package.json lists', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'chat', 'package.json'), 'utf8'));
    const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)]);
    expect(requiresOf().filter((r) => !allowed.has(r))).toEqual([]);
    expect(requiresOf()).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', 'wx-server-sdk']));
  });

  it('leaves the local doorbell bus and SSE stream out of the cloud build', () => {
    expect(code()).not.toContain('[doorbell]');
    expect(code()).not.toContain('text/event-stream');
  });

  it('declares the openapi it calls', () => {
    const config = JSON.parse(readFileSync(path.join(root, 'chat', 'config.json'), 'utf8'));
    expect(config.permissions.openapi).toEqual(expect.arrayContaining(['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send']));
  });

  it('answers through the bundled handler', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(path.join(root, 'chat/index.js')) as { main: unknown; chatFunction: (e: unknown, c: unknown) => Promise<any> };
    expect(typeof bundle.main).toBe('function');
    const storage = openSqliteStorage(':memory:');
    const now = Date.parse('2026-11-22T01:00:00Z');
    await seedDemoHospital(storage, now);
    const ctx = {
      openid: 'demo:m_H01002',
      storage,
      now: () => now,
      randomBytes: (n: number) => new Uint8Array(n).fill(7),
      demo: false,
      wechat: localWeChatGateway(),
      files: { urls: async (ids: string[]) => ids.map(() => null) },
    };
    const sent = await bundle.chatFunction({ action: 'send', data: { clientMsgId: 'cbundletest000000001', text: '打包后的函数可以发消息' } }, ctx);
    expect(sent).toMatchObject({ ok: true, data: { message: { seq: 1 }, duplicate: false } });
    expect(await bundle.chatFunction({ action: 'badge', data: {} }, ctx)).toMatchObject({ ok: true, data: { seq: 1 } });
  });
});
