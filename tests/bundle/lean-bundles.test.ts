import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { functionNames, LAZY_EXTERNALS, requiredPackages } from '../../scripts/function-bundle';
import { bundleCodeOf, bundleContext, bundlePathOf, demoStorage, dependenciesOf, FUNCTIONS_ROOT, isXlsx, loadBundle } from './support';

/**
 * Issue 10: a function's everyday actions load ≤ 300 KB of our code. Heavy libraries that only rare
 * actions use (exceljs, pinyin-pro) stay outside the bundle files, are required only when such an
 * action runs, and are listed in the function's package.json so CloudBase installs them.
 */
const BUDGET_BYTES = 300 * 1024;

/** The heavy packages present in require.cache after a fresh process requires the SDK and the bundle. */
function heavyLoadedByRequire(name: string): string[] {
  const script = `require('@cloudbase/node-sdk');require(${JSON.stringify(bundlePathOf(name))});const heavy=${JSON.stringify(LAZY_EXTERNALS)};process.stdout.write(JSON.stringify(heavy.filter((h)=>Object.keys(require.cache).some((k)=>k.includes('/node_modules/'+h+'/')))))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.resolve(FUNCTIONS_ROOT, '..') }).toString()) as string[];
}

describe.each(functionNames())('%s bundle', (name) => {
  it('is at most 300 KB', () => {
    expect(statSync(bundlePathOf(name)).size).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('lists every heavy library it requires in its package.json, and loads none of them on require', () => {
    const declared = dependenciesOf(name);
    const heavy = requiredPackages(bundleCodeOf(name)).filter((m) => LAZY_EXTERNALS.includes(m));
    expect(heavy.filter((m) => !declared.includes(m))).toEqual([]);
    expect(heavyLoadedByRequire(name)).toEqual([]);
  });
});

describe('spreadsheet actions through the bundles (exceljs required on first use)', () => {
  const now = Date.parse('2026-11-22T01:00:00Z');
  const ctxOf = async (openid: string) => bundleContext(openid, await demoStorage(now), () => now);

  it('org writes the roster template', async () => {
    const { orgFunction } = loadBundle('org', 'orgFunction');
    const res = await orgFunction({ action: 'roster.template', data: {} }, await ctxOf('demo:m_H01001'));
    expect(res.ok).toBe(true);
    expect(isXlsx(res.data.base64)).toBe(true);
  });

  it('notices exports the read list of a notice', async () => {
    const { noticesFunction } = loadBundle('notices', 'noticesFunction');
    const ctx = await ctxOf('demo:m_H01001');
    const published = await noticesFunction({ action: 'publish', data: { title: '包测通知', body: '正文', audience: { kind: 'all' }, requestId: 'lean-bundle-notice-0001' } }, ctx);
    expect(published.ok).toBe(true);
    const res = await noticesFunction({ action: 'export', data: { noticeId: published.data.noticeId } }, ctx);
    expect(res.ok).toBe(true);
    expect(isXlsx(res.data.base64)).toBe(true);
  });

  it('lessons exports the committee report', async () => {
    const { lessonsFunction } = loadBundle('lessons', 'lessonsFunction');
    const res = await lessonsFunction({ action: 'stats.export', data: { report: 'committee', days: 7 } }, await ctxOf('demo:m_H01001'));
    expect(res.ok).toBe(true);
    expect(isXlsx(res.data.base64)).toBe(true);
  });

  it('chat lists @ candidates with pinyin', async () => {
    const { chatFunction } = loadBundle('chat', 'chatFunction');
    const ctx = await ctxOf('demo:m_H01002');
    const res = await chatFunction({ action: 'mentionables', data: {} }, ctx);
    expect(res).toMatchObject({ ok: true });
    expect(res.data.members.length).toBeGreaterThan(0);
    expect(res.data.members[0].initials).toMatch(/^[a-z]+$/);
  });
});
