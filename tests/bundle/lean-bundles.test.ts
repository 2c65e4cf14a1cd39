import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { functionNames, LAZY_EXTERNALS, requiredPackages } from '../../scripts/function-bundle';

/**
 * Issue 10: a function's everyday actions load ≤ 300 KB of our code. Heavy libraries that only rare
 * actions use (exceljs, pinyin-pro) stay outside the bundle files, are required only when such an
 * action runs, and are listed in the function's package.json so CloudBase installs them.
 */
const root = path.resolve(__dirname, '../../cloudfunctions');
const bundleOf = (name: string) => path.join(root, name, 'index.js');
const BUDGET_BYTES = 300 * 1024;

/** The heavy packages present in require.cache after a fresh process requires the SDK and the bundle. */
function heavyLoadedByRequire(name: string): string[] {
  const script = `require('@cloudbase/node-sdk');require(${JSON.stringify(bundleOf(name))});const heavy=${JSON.stringify(LAZY_EXTERNALS)};process.stdout.write(JSON.stringify(heavy.filter((h)=>Object.keys(require.cache).some((k)=>k.includes('/node_modules/'+h+'/')))))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.resolve(root, '..') }).toString()) as string[];
}

describe.each(functionNames())('%s bundle', (name) => {
  it('is at most 300 KB', () => {
    expect(statSync(bundleOf(name)).size).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('lists every heavy library it requires in its package.json, and loads none of them on require', () => {
    const declared = Object.keys(JSON.parse(readFileSync(path.join(root, name, 'package.json'), 'utf8')).dependencies);
    const heavy = requiredPackages(readFileSync(bundleOf(name), 'utf8')).filter((m) => LAZY_EXTERNALS.includes(m));
    expect(heavy.filter((m) => !declared.includes(m))).toEqual([]);
    expect(heavyLoadedByRequire(name)).toEqual([]);
  });
});

describe('spreadsheet actions through the bundles (exceljs required on first use)', () => {
  const now = Date.parse('2026-11-22T01:00:00Z');
  const ctxOf = async (openid: string) => {
    const storage = openSqliteStorage(':memory:');
    await seedDemoHospital(storage, now);
    return {
      openid,
      storage,
      now: () => now,
      randomBytes: (n: number) => new Uint8Array(n).fill(7),
      demo: false,
      wechat: localWeChatGateway(),
      files: { urls: async (ids: string[]) => ids.map(() => null) },
    };
  };
  const isXlsx = (base64: string) => Buffer.from(base64, 'base64').subarray(0, 2).toString() === 'PK';

  it('org writes the roster template', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { orgFunction } = require(bundleOf('org')) as { orgFunction: (e: unknown, c: unknown) => Promise<any> };
    const res = await orgFunction({ action: 'roster.template', data: {} }, await ctxOf('demo:m_H01001'));
    expect(res.ok).toBe(true);
    expect(isXlsx(res.data.base64)).toBe(true);
  });

  it('notices exports the read list of a notice', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { noticesFunction } = require(bundleOf('notices')) as { noticesFunction: (e: unknown, c: unknown) => Promise<any> };
    const ctx = await ctxOf('demo:m_H01001');
    const published = await noticesFunction({ action: 'publish', data: { title: '包测通知', body: '正文', audience: { kind: 'all' }, requestId: 'lean-bundle-notice-0001' } }, ctx);
    expect(published.ok).toBe(true);
    const res = await noticesFunction({ action: 'export', data: { noticeId: published.data.noticeId } }, ctx);
    expect(res.ok).toBe(true);
    expect(isXlsx(res.data.base64)).toBe(true);
  });

  it('lessons exports the committee report', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lessonsFunction } = require(bundleOf('lessons')) as { lessonsFunction: (e: unknown, c: unknown) => Promise<any> };
    const res = await lessonsFunction({ action: 'stats.export', data: { report: 'committee', days: 7 } }, await ctxOf('demo:m_H01001'));
    expect(res.ok).toBe(true);
    expect(isXlsx(res.data.base64)).toBe(true);
  });

  it('chat lists @ candidates with pinyin', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chatFunction } = require(bundleOf('chat')) as { chatFunction: (e: unknown, c: unknown) => Promise<any> };
    const ctx = await ctxOf('demo:m_H01002');
    const res = await chatFunction({ action: 'mentionables', data: {} }, ctx);
    expect(res).toMatchObject({ ok: true });
    expect(res.data.members.length).toBeGreaterThan(0);
    expect(res.data.members[0].initials).toMatch(/^[a-z]+$/);
  });
});
