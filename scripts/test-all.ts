import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm test`: every check the project has, in dependency order, each counted. Jest suites report
 * per test; tools that have no test count (type checks, lint, builds) count as one check each.
 * Ends with the line CI reads: `N passed, N failed`.
 */
const root = path.resolve(__dirname, '..');
const reportDir = path.join(root, '.tmp', 'test-reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A step that is one check. */
function check(label: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv): boolean {
  const ok = run(label, cmd, args, env);
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

/** A jest run: counts its tests; a run that crashed before reporting counts as one failure. */
function jest(label: string, config: string, env?: NodeJS.ProcessEnv): void {
  const out = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, 'npx', ['jest', '--config', config, '--json', `--outputFile=${out}`], { TZ: 'UTC', ...env });
  if (!existsSync(out)) {
    failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numRuntimeErrorTestSuites: number;
    numPendingTests: number;
  };
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites + report.numPendingTests;
  if (!ok || report.numFailedTests || report.numRuntimeErrorTestSuites) failures.push(label);
  // Skipped tests are not allowed: they count as failures.
  if (report.numPendingTests) failures.push(`${label}: ${report.numPendingTests} skipped`);
}

const prod = { NODE_ENV: 'production' };
check('typecheck: mini program', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('typecheck: cloud functions', 'npx', ['tsc', '-p', 'cloudfunctions/tsconfig.json', '--noEmit']);
check('lint', 'npx', ['eslint', '.', '--ext', '.ts,.tsx', '--max-warnings', '0']);
const functionsBuilt = check('build: cloud functions', 'npx', ['tsx', 'scripts/build-functions.ts']);
jest('unit, functions and storage contract', 'jest.config.js');
if (functionsBuilt) jest('bundled functions', 'jest.bundle.config.js');
const weappBuilt = check('build: weapp', 'npx', ['taro', 'build', '--type', 'weapp'], prod);
if (weappBuilt) jest('weapp pages and WeChat quality scan', 'jest.weapp.config.js');
const h5Built = check('build: h5', 'npx', ['taro', 'build', '--type', 'h5'], prod);
if (h5Built) jest('end-to-end in Chromium', 'jest.e2e.config.js');

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
