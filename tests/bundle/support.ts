import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { memoryReachChannels } from '../../cloudfunctions/_runtime/reach/memory';

/**
 * What CloudBase deploys is cloudfunctions/<name>/index.js alone plus its package.json dependencies.
 * The bundle tests read and load that built file, not the sources (build with `npm run build:functions`).
 */
export const FUNCTIONS_ROOT = path.resolve(__dirname, '../../cloudfunctions');

export const bundlePathOf = (name: string): string => path.join(FUNCTIONS_ROOT, name, 'index.js');
export const bundleCodeOf = (name: string): string => readFileSync(bundlePathOf(name), 'utf8');

/** Every module the bundle names in a `require("…")`, in order. */
export const requiresOf = (name: string): string[] => [...bundleCodeOf(name).matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);

/** The packages the function's package.json lists: what CloudBase installs beside the bundle. */
export const dependenciesOf = (name: string): string[] =>
  Object.keys((JSON.parse(readFileSync(path.join(FUNCTIONS_ROOT, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});

/** The requires of the bundle that are neither Node built-ins nor listed in its package.json (should be none). */
export function undeclaredRequiresOf(name: string): string[] {
  const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...dependenciesOf(name)]);
  return requiresOf(name).filter((r) => !allowed.has(r));
}

/** The function's config.json (the openapi permissions it declares). */
export const configOf = (name: string): { permissions: { openapi: string[] } } => JSON.parse(readFileSync(path.join(FUNCTIONS_ROOT, name, 'config.json'), 'utf8'));

/** Requires the built bundle; `exports` names the handler the test calls besides the CloudBase `main`. */
export function loadBundle<K extends string>(name: string, handler: K): { main: unknown } & Record<K, (event: unknown, ctx: unknown) => Promise<any>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(bundlePathOf(name)) as { main: unknown } & Record<K, (event: unknown, ctx: unknown) => Promise<any>>;
  if (typeof bundle[handler] !== 'function') throw new Error(`${name} bundle exports no ${handler}`);
  return bundle;
}

/** A fresh in-memory database holding the demo hospital as of `now`. */
export async function demoStorage(now: number) {
  const storage = openSqliteStorage(':memory:');
  await seedDemoHospital(storage, now);
  return storage;
}

/** The context a bundled handler runs in: the caller, the store, a clock, fixed randomness, no real WeChat or files. */
export function bundleContext(openid: string, storage: Awaited<ReturnType<typeof demoStorage>>, now: () => number) {
  return {
    openid,
    storage,
    now,
    randomBytes: (n: number) => new Uint8Array(n).fill(7),
    demo: false,
    wechat: localWeChatGateway(),
    files: { urls: async (ids: string[]) => ids.map(() => null) },
    // The cloud entry gives every call its reminder channels; without them a meeting's notice failed (logged).
    channels: memoryReachChannels(),
  };
}

/** An .xlsx file is a zip: its bytes begin with PK. */
export const isXlsx = (base64: string): boolean => Buffer.from(base64, 'base64').subarray(0, 2).toString() === 'PK';
