import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';

/** The deployable cloudfunctions/meetings/index.js: self-contained, exceljs evaluated lazily, answering through the bundled handler. */
const root = path.resolve(__dirname, '../../cloudfunctions');
const code = () => readFileSync(path.join(root, 'meetings', 'index.js'), 'utf8');
const requiresOf = () => [...code().matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);

describe('meetings bundle', () => {
  it('requires nothing but Node built-ins and the SDKs its package.json lists', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'meetings', 'package.json'), 'utf8'));
    const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)]);
    expect(requiresOf().filter((r) => !allowed.has(r))).toEqual([]);
    expect(requiresOf()).toEqual(expect.arrayContaining(['@cloudbase/node-sdk', 'wx-server-sdk']));
  });

  it('keeps the local host and the embedded database out of the cloud build', () => {
    expect(code()).not.toContain('libsql');
    expect(code()).not.toContain('text/event-stream');
  });

  it('declares the openapi it calls', () => {
    const config = JSON.parse(readFileSync(path.join(root, 'meetings', 'config.json'), 'utf8'));
    expect(config.permissions.openapi).toEqual(expect.arrayContaining(['subscribeMessage.send']));
  });

  it('answers through the bundled handler: schedule, code, check-in, ledger export', async () => {
    process.env.WZB_MEETING_SECRET = 'bundle-test-secret';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(path.join(root, 'meetings/index.js')) as { main: unknown; meetingsFunction: (e: unknown, c: unknown) => Promise<any> };
    expect(typeof bundle.main).toBe('function');
    const storage = openSqliteStorage(':memory:');
    let now = Date.parse('2026-11-22T01:00:00Z');
    await seedDemoHospital(storage, now);
    const ctx = (openid: string) => ({
      openid,
      storage,
      now: () => now,
      randomBytes: (n: number) => new Uint8Array(n).fill(7),
      demo: false,
      wechat: localWeChatGateway(),
      files: { urls: async (ids: string[]) => ids.map(() => null) },
    });
    const secretary = 'demo:m_H01002';
    const scheduled = await bundle.meetingsFunction(
      { action: 'schedule', data: { requestId: 'bundle-test-request-0001', type: 'theme_day', topic: '打包后的函数可以排会', startAt: now + 20 * 60_000, durationMin: 60, place: '示教室', attendees: { kind: 'branch' } } },
      ctx(secretary),
    );
    expect(scheduled).toMatchObject({ ok: true, data: { topic: '打包后的函数可以排会' } });
    const meetingId = scheduled.data.meetingId;
    const code = await bundle.meetingsFunction({ action: 'checkinCode', data: { meetingId } }, ctx(secretary));
    expect(code).toMatchObject({ ok: true, data: { meetingId } });
    expect(await bundle.meetingsFunction({ action: 'checkin', data: { meetingId, code: code.data.code } }, ctx('demo:m_H01003'))).toMatchObject({ ok: true, data: { method: 'code' } });
    now += 2 * 3600_000;
    const file = await bundle.meetingsFunction({ action: 'exportLedger', data: { year: 2026 } }, ctx(secretary));
    expect(file).toMatchObject({ ok: true });
    expect(Buffer.from(file.data.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
