import { readdirSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles each cloudfunctions/<name>/src/index.ts into a self-contained cloudfunctions/<name>/index.js
 * that CloudBase deploys from its folder. Only the CloudBase SDKs stay external (installed by CloudBase
 * from the function's package.json); local-only packages (libsql) must never be reachable from here.
 */
const root = path.resolve(__dirname, '..', 'cloudfunctions');
const EXTERNAL = ['@cloudbase/node-sdk', 'wx-server-sdk', 'tencentcloud-sdk-nodejs-sms'];
const names = readdirSync(root).filter((n) => !n.startsWith('_') && existsSync(path.join(root, n, 'src', 'index.ts')));

async function main() {
  for (const name of names) {
    const outfile = path.join(root, name, 'index.js');
    const result = await build({
      entryPoints: [path.join(root, name, 'src', 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      // Installed by CloudBase from each function's package.json. wx-server-sdk is required lazily, only by
      // functions that import _runtime/wechat/sdk (and list it in their package.json); the SMS SDK likewise
      // through _runtime/reach/sms-sdk.
      external: EXTERNAL,
      metafile: true,
      logLevel: 'warning',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const forbidden = inputs.filter((i) => /node_modules\/(libsql|@libsql)|_local\/|storage\/sqlite/.test(i));
    if (forbidden.length) throw new Error(`${name}: local-only code in the cloud bundle: ${forbidden.join(', ')}`);
    const declared = Object.keys(JSON.parse(readFileSync(path.join(root, name, 'package.json'), 'utf8')).dependencies ?? {});
    const code = readFileSync(outfile, 'utf8');
    const undeclared = EXTERNAL.filter((m) => code.includes(`require("${m}")`) && !declared.includes(m));
    if (undeclared.length) throw new Error(`${name}: the bundle requires ${undeclared.join(', ')} but its package.json does not list it`);
    console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
