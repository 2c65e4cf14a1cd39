import { readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles each cloudfunctions/<name>/src/index.ts into a self-contained cloudfunctions/<name>/index.js
 * that CloudBase deploys from its folder. Only the CloudBase SDK stays external (installed by CloudBase
 * from the function's package.json); local-only packages (libsql) must never be reachable from here.
 */
const root = path.resolve(__dirname, '..', 'cloudfunctions');
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
      external: ['@cloudbase/node-sdk'],
      metafile: true,
      logLevel: 'warning',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const forbidden = inputs.filter((i) => /node_modules\/(libsql|@libsql)|_local\/|storage\/sqlite/.test(i));
    if (forbidden.length) throw new Error(`${name}: local-only code in the cloud bundle: ${forbidden.join(', ')}`);
    console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
