import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildOptions } from 'esbuild';

/**
 * How a cloud function is bundled, shared by `npm run build:functions` and the benchmark (so what is
 * measured is what ships). Left external, each installed by CloudBase from the function's package.json:
 * - the CloudBase SDKs (wx-server-sdk is required lazily, by functions that use WeChat's openapi) and
 *   the Tencent Cloud SMS SDK (required lazily by _runtime/reach/sms-sdk, only when an SMS goes out);
 * - heavy libraries that only rare actions use, loaded there with a dynamic `import()` that esbuild turns
 *   into a lazy `require`: exceljs (roster import, template, exports) and pinyin-pro (the chat's @ picker).
 *   Bundled, they made every function ~1.3 MB and every cold start parse them.
 */
export const FUNCTIONS_ROOT = path.resolve(__dirname, '..', 'cloudfunctions');
export const SDK_EXTERNALS = ['@cloudbase/node-sdk', 'wx-server-sdk', 'tencentcloud-sdk-nodejs-sms'];
export const LAZY_EXTERNALS = ['exceljs', 'pinyin-pro'];
export const EXTERNALS = [...SDK_EXTERNALS, ...LAZY_EXTERNALS];

/** The deployable functions: every cloudfunctions/<name>/src/index.ts (folders starting with `_` are shared code). */
export const functionNames = (): string[] =>
  readdirSync(FUNCTIONS_ROOT).filter((n) => !n.startsWith('_') && existsSync(path.join(FUNCTIONS_ROOT, n, 'src', 'index.ts')));

export const functionBuildOptions = (name: string, outfile: string): BuildOptions => ({
  entryPoints: [path.join(FUNCTIONS_ROOT, name, 'src', 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  external: EXTERNALS,
  // `import()` of an external becomes `Promise.resolve().then(() => require(...))`: still lazy, visible to the
  // require checks (tests/bundle), and loadable where native dynamic import is not (Jest's module registry).
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});

/** The packages a built bundle requires, as written in the code. */
export const requiredPackages = (code: string): string[] => [...new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]))];

/** Externals the bundle requires that its package.json does not list (CloudBase would not install them). */
export function undeclaredExternals(name: string, code: string): string[] {
  const declared = Object.keys(JSON.parse(readFileSync(path.join(FUNCTIONS_ROOT, name, 'package.json'), 'utf8')).dependencies ?? {});
  return requiredPackages(code).filter((m) => EXTERNALS.includes(m) && !declared.includes(m));
}
