import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS_ROOT, functionBuildOptions, functionNames, undeclaredExternals } from './function-bundle';

/**
 * Bundles each cloudfunctions/<name>/src/index.ts into cloudfunctions/<name>/index.js that CloudBase
 * deploys from its folder. Only the externals of scripts/function-bundle.ts stay out (installed by
 * CloudBase from the function's package.json); local-only packages (libsql) must never be reachable from here.
 */
async function main() {
  for (const name of functionNames()) {
    const outfile = path.join(FUNCTIONS_ROOT, name, 'index.js');
    const result = await build({ ...functionBuildOptions(name, outfile), metafile: true });
    const inputs = Object.keys(result.metafile!.inputs);
    const forbidden = inputs.filter((i) => /node_modules\/(libsql|@libsql)|_local\/|storage\/sqlite/.test(i));
    if (forbidden.length) throw new Error(`${name}: local-only code in the cloud bundle: ${forbidden.join(', ')}`);
    const undeclared = undeclaredExternals(name, readFileSync(outfile, 'utf8'));
    if (undeclared.length) throw new Error(`${name}: the bundle requires ${undeclared.join(', ')} but its package.json does not list it`);
    console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
