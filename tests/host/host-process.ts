import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The real local host as `npm run serve` starts it (`tsx cloudfunctions/_local/main.ts`), for the tests
 * that kill and restart it: a fresh data folder with a stub H5 page, processes started on port 0 and
 * ready once they print their URL, every one still running killed by `killAll`.
 */
const root = path.resolve(__dirname, '../..');

export interface HostProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
}

export function localHostFolder(prefix: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const h5Dir = path.join(dataDir, 'h5');
  mkdirSync(h5Dir);
  writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>微支部</title>');
  const running = new Set<ChildProcess>();

  /** Starts the host on the folder; rejects with what it printed when no URL came within `timeoutMs`. */
  function start(env: Record<string, string> = {}, timeoutMs = 30_000): Promise<HostProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/_local/main.ts'], {
      cwd: root,
      env: { ...process.env, WZB_PORT: '0', WZB_DATA_DIR: dataDir, WZB_H5_DIR: h5Dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), timeoutMs);
      child.stdout!.on('data', () => {
        const m = out.match(/local host: (http:\/\/127\.0\.0\.1:\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve({ child, url: m[1], output: () => out });
        }
      });
    });
  }

  const killAll = () => running.forEach((c) => c.kill('SIGKILL'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  return { dataDir, h5Dir, start, killAll, remove };
}

/** POSTs JSON (with the session token when given) and returns the parsed answer. */
export async function postJson(url: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return res.json();
}
