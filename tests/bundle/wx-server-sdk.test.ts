import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { bundleCodeOf, bundlePathOf, dependenciesOf, FUNCTIONS_ROOT } from './support';

/**
 * wx-server-sdk is loaded lazily: a bundle may `require` it only if its package.json lists it (it
 * imported _runtime/wechat/sdk), and even then not while the bundle loads — only when a handler first
 * uses ctx.wechat. Checked for every built function.
 */
const functions = readdirSync(FUNCTIONS_ROOT).filter((n) => !n.startsWith('_') && existsSync(bundlePathOf(n)));

describe.each(functions)('%s bundle and wx-server-sdk', (name) => {
  const code = bundleCodeOf(name);
  const deps = dependenciesOf(name);

  it('requires it only when its package.json declares it', () => {
    if (/require\(["']wx-server-sdk["']\)/.test(code)) expect(deps).toContain('wx-server-sdk');
  });

  it('does not load it while the bundle loads (plain Node, as CloudBase loads index.js)', () => {
    // Jest has its own module loader, so watch Node's in a child process.
    const script = `
      const Module = require('node:module');
      const load = Module._load;
      const seen = [];
      Module._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };
      require(${JSON.stringify(bundlePathOf(name))});
      process.stdout.write(JSON.stringify(seen));`;
    const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    const loaded = JSON.parse(out.stdout) as string[];
    expect(loaded).toContain('@cloudbase/node-sdk'); // the watch works
    expect(loaded).not.toContain('wx-server-sdk');
  });
});
