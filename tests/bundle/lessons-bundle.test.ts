import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';

/** The deployable cloudfunctions/lessons/index.js and the scheduler bundle that now releases lessons. */
const root = path.resolve(__dirname, '../../cloudfunctions');

const requiresOf = (name: string) => [...readFileSync(path.join(root, name, 'index.js'), 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const allowedFor = (name: string) => {
  const pkg = JSON.parse(readFileSync(path.join(root, name, 'package.json'), 'utf8'));
  return new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)]);
};

describe('lessons bundle', () => {
  it('requires nothing but Node built-ins and the SDKs its package.json lists', () => {
    const allowed = allowedFor('lessons');
    expect(requiresOf('lessons').filter((r) => !allowed.has(r))).toEqual([]);
    expect(requiresOf('lessons')).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', 'wx-server-sdk']));
  });

  it('the scheduler bundle requires only what it declares: it sends held reminder rounds and meeting reminders', () => {
    const allowed = allowedFor('scheduler');
    expect(requiresOf('scheduler').filter((r) => !allowed.has(r))).toEqual([]);
    expect(requiresOf('scheduler')).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', 'wx-server-sdk', 'tencentcloud-sdk-nodejs-sms']));
  });

  it('exports the CloudBase entry and answers `today` through the bundled handler', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(path.join(root, 'lessons/index.js')) as { main: unknown; lessonsFunction: (e: unknown, c: unknown) => Promise<any> };
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
    const res = await bundle.lessonsFunction({ action: 'today', data: {} }, ctx);
    expect(res).toMatchObject({ ok: true, data: { date: '2026-11-22', released: true, planned: false, lesson: null } });
    expect(await bundle.lessonsFunction({ action: 'nope', data: {} }, ctx)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });
});
