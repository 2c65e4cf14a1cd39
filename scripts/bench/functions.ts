import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { functionBuildOptions, functionNames } from '../function-bundle';
import { kb, median } from './measure';

/**
 * Each cloud function as CloudBase deploys it (bundled by scripts/function-bundle.ts, into a scratch
 * folder): its size, and the time to `require` it in a fresh Node process — the cold start's share that
 * is ours. One process requires the CloudBase SDK first, then the bundle, and times each: subtracting
 * the medians of separate processes was dominated by the SDK's own variance (300–700 ms here).
 * `requireBeyondSdkMs` (the bundle alone, with the SDK already loaded) is what the issue's ≤ 100 ms is
 * about; `spreadsheetActionExtraMs` is what the first import or export adds (exceljs, loaded then).
 */
const root = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.WZB_BENCH_RUNS ?? 5);

/** [ms per module] to require `modules` in order in a new process (resolved from the repo's node_modules). */
function coldRequireMs(modules: string[]): number[] {
  const script =
    `const ms=[];let t=process.hrtime.bigint();` +
    modules.map((m) => `require(${JSON.stringify(m)});{const n=process.hrtime.bigint();ms.push(Number(n-t)/1e6);t=n;}`).join('') +
    `process.stdout.write(JSON.stringify(ms))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } }).toString()) as number[];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export async function benchFunctions() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-fn-'));
  const sdk = require.resolve('@cloudbase/node-sdk', { paths: [root] });
  const excel = require.resolve('exceljs', { paths: [root] });
  const sdkRuns: number[] = [];
  const out: Record<string, { bundleKB: number; requireBeyondSdkMs: number }> = {};
  for (const name of functionNames()) {
    const outfile = path.join(dir, name, 'index.js');
    await build({ ...functionBuildOptions(name, outfile), logLevel: 'error' });
    const runs = Array.from({ length: RUNS }, () => coldRequireMs([sdk, outfile]));
    sdkRuns.push(...runs.map((r) => r[0]));
    out[name] = { bundleKB: kb(statSync(outfile).size), requireBeyondSdkMs: r1(median(runs.map((r) => r[1]))) };
  }
  const excelMs = median(Array.from({ length: RUNS }, () => coldRequireMs([sdk, excel])[1]));
  return { runs: RUNS, sdkRequireMs: r1(median(sdkRuns)), spreadsheetActionExtraMs: r1(excelMs), functions: out };
}
