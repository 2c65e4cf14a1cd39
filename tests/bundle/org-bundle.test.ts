import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { xlsxFromRows } from '../functions/xlsx-fixtures';

/**
 * What CloudBase deploys is cloudfunctions/<name>/index.js alone plus its package.json dependencies.
 * These tests load that file, not the sources.
 */
const bundlePath = path.resolve(__dirname, '../../cloudfunctions/org/index.js');

describe('org bundle', () => {
  it('requires nothing but Node built-ins and the CloudBase SDK declared in its package.json', () => {
    const code = readFileSync(bundlePath, 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../cloudfunctions/org/package.json'), 'utf8'));
    const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)]);
    expect(required.filter((r) => !allowed.has(r))).toEqual([]);
    expect(required).toContain('@cloudbase/node-sdk');
  });

  it('loads wx-server-sdk lazily, for the invite mini program code only, and lists it in its package.json', () => {
    // The SDK is required inside the loader (_runtime/wechat/sdk), never at the top of the bundle.
    expect(readFileSync(bundlePath, 'utf8')).toMatch(/require\(["']wx-server-sdk["']\)/);
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../cloudfunctions/org/package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toContain('wx-server-sdk');
  });

  it('loads the SMS SDK lazily, for reach test sends only, and lists it in its package.json', () => {
    const code = readFileSync(bundlePath, 'utf8');
    expect(code).toMatch(/require\(["']tencentcloud-sdk-nodejs-sms["']\)/);
    // Inside the loader function, not at the top level: a cold start that sends no SMS never loads it.
    expect(code).not.toMatch(/^(var|const|let) [\w$]+ = require\(["']tencentcloud-sdk-nodejs-sms["']\)/m);
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../cloudfunctions/org/package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toContain('tencentcloud-sdk-nodejs-sms');
  });

  it('exports the CloudBase entry and answers a real request through the bundled handler', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(bundlePath) as { main: unknown; orgFunction: (e: unknown, c: unknown) => Promise<any> };
    expect(typeof bundle.main).toBe('function');
    const storage = openSqliteStorage(':memory:');
    await seedDemoHospital(storage, Date.now());
    const ctx = {
      openid: 'demo:m_H01001',
      storage,
      now: () => Date.now(),
      randomBytes: (n: number) => new Uint8Array(n).fill(7),
      demo: false,
      wechat: localWeChatGateway(),
      files: { urls: async (ids: string[]) => ids.map(() => null) },
    };
    const res = await bundle.orgFunction({ action: 'branches.list', data: {} }, ctx);
    expect(res.ok).toBe(true);
    expect(res.data.branches).toHaveLength(14);
    expect(await bundle.orgFunction({ action: 'nope', data: {} }, ctx)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    // The spreadsheet library is loaded lazily inside the bundle: an xlsx roster still reads.
    const xlsx = await xlsxFromRows([['姓名', '工号', '科室', '支部'], ['包测一', 'BND001', '骨科', '骨科党支部']]);
    const roster = await bundle.orgFunction({ action: 'roster.validate', data: { fileName: 'r.xlsx', contentBase64: xlsx } }, ctx);
    expect(roster).toMatchObject({ ok: true, data: { valid: true, creates: 1 } });
  });
});
