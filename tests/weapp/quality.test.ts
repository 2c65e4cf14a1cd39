/**
 * WeChat's own code-quality scan (the devtools' 代码质量扫描), offline, on the BUILT package:
 * miniprogram-ci's checkCodeQuality. It reads no private key and needs no network; this test proves
 * both (a throwaway key, and any HTTP(S) request fails the test).
 *
 * Quirks of miniprogram-ci 2.1.42 handled here:
 * - `new ci.Project()` insists on a private key even though this check never uses it.
 * - The dependency analyser starts a chokidar watcher it never closes (keeps the process alive).
 * - A checker that throws is reported as *passed* (only console.error shows it): we fail on that.
 * - JS/WXML/WXSS "compression" checks only read project.config.json `setting` (the devtools
 *   minify on upload); we also check that the built JS really is minified.
 * - CONTAINS_UNUSED_CODES passes whenever unused files are ignored on upload; we also require the
 *   unused-file list itself to be empty, so stray output does not pile up unseen.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { WEAPP_DIR } from './harness';

interface CheckResult {
  name: string;
  success: boolean;
  text: string;
  docURL?: string;
  detail?: unknown;
}

/** The checks WeChat's scan runs; if one disappears from the result we want to know. */
const EXPECTED_CHECKS = [
  'PACKAGE_SIZE_LIMIT',
  'JS_COMPRESS_OPEN',
  'WXML_COMPRESS_OPEN',
  'WXSS_COMPRESS_OPEN',
  'LAZYCODE_LOADING_OPEN',
  'IMAGE_AND_AUDIO_LIMIT',
  'CONTAINS_OTHER_PKG_JS',
  'CONTAINS_OTHER_PKG_COMPONENTS',
  'CONTAINS_UNUSED_PLUGINS',
  'CONTAINS_UNUSED_COMPONENTS',
  'CONTAINS_UNUSED_CODES',
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function listFiles(dir: string, base = dir): Array<{ file: string; size: number }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [{ file: path.relative(base, full).split(path.sep).join('/'), size: fs.statSync(full).size }];
  });
}

let results: CheckResult[] = [];
const scanErrors: string[] = [];
const networkCalls: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.json')) || !fs.existsSync(path.join(WEAPP_DIR, 'project.config.json'))) {
    throw new Error(`no built weapp with project.config.json at ${WEAPP_DIR}; build it first (see jest.weapp.config.js)`);
  }
  const logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined); // its chatter
  const ci = require('miniprogram-ci');
  const chokidar = require('chokidar'); // the instance miniprogram-ci's analyser requires
  const watchers: Array<{ close(): Promise<void> | void }> = [];
  const realWatch = chokidar.watch;
  const watchSpy = jest.spyOn(chokidar, 'watch').mockImplementation((...args: unknown[]) => {
    const w = realWatch.apply(chokidar, args);
    watchers.push(w);
    return w;
  });
  const refuse = (label: string) => (...args: unknown[]) => {
    networkCalls.push(`${label} ${JSON.stringify(args[0])}`);
    throw new Error('network is not allowed in the quality scan');
  };
  const spies = [
    jest.spyOn(http, 'request').mockImplementation(refuse('http.request') as never),
    jest.spyOn(https, 'request').mockImplementation(refuse('https.request') as never),
    jest.spyOn(http, 'get').mockImplementation(refuse('http.get') as never),
    jest.spyOn(https, 'get').mockImplementation(refuse('https.get') as never),
  ];
  const errorSpy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    scanErrors.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
  });

  try {
    const projectConfig = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'project.config.json'), 'utf8'));
    // Never read by checkCodeQuality, but the Project constructor demands one: a throwaway key.
    const { privateKey } = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    // projectPath is the built package itself: Taro copies project.config.json into it with
    // miniprogramRoot "./", which is exactly what the devtools would upload.
    const project = new ci.Project({
      appid: projectConfig.appid ?? 'touristappid',
      type: 'miniProgram',
      projectPath: WEAPP_DIR,
      privateKey,
      ignores: ['node_modules/**/*'],
    });
    results = await ci.checkCodeQuality(project);
  } finally {
    await Promise.all(watchers.map((w) => w.close()));
    [...spies, errorSpy, logSpy, watchSpy].forEach((s) => s.mockRestore());
  }
});

test('prints the scan report', () => {
  const sizes = (results.find((r) => r.name === 'PACKAGE_SIZE_LIMIT')?.detail ?? {}) as Record<string, number>;
  const files = listFiles(WEAPP_DIR).sort((a, b) => b.size - a.size);
  const lines = [
    `WeChat code quality scan of ${WEAPP_DIR}`,
    ...results.map((r) => `  ${r.success ? 'PASS' : 'FAIL'}  ${r.name}${r.success ? '' : `: ${r.text}`}`),
    'Package sizes (limit 1.5 MB main package in the scan; 2 MB hard limit per package, 20 MB total):',
    ...Object.entries(sizes).map(([pkg, bytes]) => `  ${pkg === '__APP__' ? 'main package' : pkg}: ${kb(bytes)} (${bytes} B)`),
    `Files: ${files.length}, total ${kb(files.reduce((s, f) => s + f.size, 0))}; largest:`,
    ...files.slice(0, 8).map((f) => `  ${kb(f.size).padStart(9)}  ${f.file}`),
  ];
  console.log(lines.join('\n'));
  expect(results.length).toBeGreaterThan(0);
});

test('runs every check WeChat defines, offline, without crashing a checker', () => {
  expect(results.map((r) => r.name).sort()).toEqual([...EXPECTED_CHECKS].sort());
  expect(networkCalls).toEqual([]);
  // miniprogram-ci reports a checker that threw as passed; its only trace is console.error.
  expect(scanErrors).toEqual([]);
});

test('every check passes', () => {
  const failed = results.filter((r) => !r.success).map((r) => ({ name: r.name, text: r.text, detail: r.detail }));
  expect(failed).toEqual([]);
});

test('no unused files or components in the package (stricter than the upload-time filter)', () => {
  const detail = (name: string) => results.find((r) => r.name === name)?.detail;
  expect(detail('CONTAINS_UNUSED_CODES')).toEqual([]);
  expect(detail('CONTAINS_UNUSED_COMPONENTS')).toEqual([]);
  expect(detail('CONTAINS_OTHER_PKG_JS')).toMatchObject({ files: [] });
});

test('the built JavaScript really is minified (the scan only reads the upload setting)', () => {
  const loose = listFiles(WEAPP_DIR)
    .filter((f) => f.file.endsWith('.js') && f.size > 2048)
    .map((f) => {
      const text = fs.readFileSync(path.join(WEAPP_DIR, f.file), 'utf8');
      const lines = text.split('\n').length;
      return { file: f.file, bytesPerLine: Math.round(f.size / lines) };
    })
    .filter((f) => f.bytesPerLine < 300);
  expect(loose).toEqual([]);
});
