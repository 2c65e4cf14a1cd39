/**
 * The H5 build as the local host serves it, over real HTTP: hashed assets cached for a year, index.html
 * revalidated with an ETag (304), bodies compressed by Accept-Encoding and decoding to the file.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createLocalHost } from '../../cloudfunctions/_local/server';
import { pickEncoding, precompressStatic } from '../../cloudfunctions/_local/static-files';
import { localFileStore } from '../../cloudfunctions/_runtime/files/local';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';

const dir = mkdtempSync(path.join(tmpdir(), 'wzb-static-'));
const h5Dir = path.join(dir, 'h5');
const INDEX = `<!doctype html><html><head><title>微支部</title><script src="./js/app.0a1b2c3d.js"></script></head><body>${'<div>首页</div>'.repeat(100)}</body></html>`;
// Varied text so compression is realistic, but still far smaller than the original.
const APP_JS = Array.from({ length: 3000 }, (_, i) => `export const v${i} = ${i * 7} + "学习${i % 13}";`).join('\n');
const LOGO = randomBytes(2048); // not compressible: served as is

let storage: Storage;
let server: http.Server;
let port = 0;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Raw bytes as sent (Node's fetch would decode them and hide what travelled). */
const get = (urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

beforeAll(async () => {
  mkdirSync(path.join(h5Dir, 'js'), { recursive: true });
  mkdirSync(path.join(h5Dir, 'static'), { recursive: true });
  writeFileSync(path.join(h5Dir, 'index.html'), INDEX);
  writeFileSync(path.join(h5Dir, 'js/app.0a1b2c3d.js'), APP_JS);
  writeFileSync(path.join(h5Dir, 'js/unhashed.js'), APP_JS);
  writeFileSync(path.join(h5Dir, 'static/logo.png'), LOGO);
  storage = openSqliteStorage(':memory:');
  server = createLocalHost({
    storage,
    functions: {},
    sessionSecret: 'secret',
    h5Dir,
    demo: false,
    files: localFileStore(path.join(dir, 'files')),
    wechat: localWeChatGateway(),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

test('precompressing at start prepares every file of the build', async () => {
  expect(await precompressStatic(h5Dir)).toBe(4);
  expect(await precompressStatic(path.join(dir, 'missing'))).toBe(0);
});

test('a hashed asset is immutable for a year and its brotli body decodes to the file', async () => {
  const res = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, deflate, br' });
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(res.headers['content-encoding']).toBe('br');
  expect(res.headers.vary).toBe('Accept-Encoding');
  expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(Number(res.headers['content-length'])).toBe(res.body.length);
  expect(res.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 4);
  expect(brotliDecompressSync(res.body).toString('utf8')).toBe(APP_JS);
});

test('gzip when brotli is not accepted, and the plain file when nothing is', async () => {
  const gz = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, br;q=0' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).toString('utf8')).toBe(APP_JS);

  const plain = await get('/js/app.0a1b2c3d.js');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString('utf8')).toBe(APP_JS);
  // Each encoding is a representation of its own with its own ETag.
  expect(new Set([gz.headers.etag, plain.headers.etag]).size).toBe(2);
});

test('index.html is revalidated: no-cache with an ETag, then 304 without a body while unchanged', async () => {
  const first = await get('/', { 'accept-encoding': 'br' });
  expect(first.status).toBe(200);
  expect(first.headers['cache-control']).toBe('no-cache');
  expect(brotliDecompressSync(first.body).toString('utf8')).toBe(INDEX);
  const etag = String(first.headers.etag);
  expect(etag).toMatch(/^"[\w-]+"$/);

  const again = await get('/index.html', { 'accept-encoding': 'br', 'if-none-match': etag });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  expect(again.headers.etag).toBe(etag);
  expect(again.headers['cache-control']).toBe('no-cache');

  // The browser's ETag from a gzip response still names the same content.
  const gzEtag = String((await get('/', { 'accept-encoding': 'gzip' })).headers.etag);
  expect((await get('/', { 'accept-encoding': 'br', 'if-none-match': gzEtag })).status).toBe(304);
  expect((await get('/', { 'if-none-match': '"something-else"' })).status).toBe(200);
});

test('a rebuilt index.html gets a new ETag, so the old one no longer matches', async () => {
  const before = String((await get('/')).headers.etag);
  const changed = INDEX.replace('首页', '首頁');
  writeFileSync(path.join(h5Dir, 'index.html'), changed);
  const later = new Date(Date.now() + 5000);
  utimesSync(path.join(h5Dir, 'index.html'), later, later);
  const res = await get('/', { 'if-none-match': before });
  expect(res.status).toBe(200);
  expect(res.body.toString('utf8')).toBe(changed);
  expect(res.headers.etag).not.toBe(before);
});

test('unhashed files are revalidated; incompressible files are sent as they are', async () => {
  const js = await get('/js/unhashed.js', { 'accept-encoding': 'gzip' });
  expect(js.headers['cache-control']).toBe('no-cache');
  expect(js.headers['content-encoding']).toBe('gzip');

  const png = await get('/static/logo.png', { 'accept-encoding': 'gzip, br' });
  expect(png.status).toBe(200);
  expect(png.headers['content-encoding']).toBeUndefined();
  expect(png.headers['content-type']).toBe('image/png');
  expect(png.body.equals(LOGO)).toBe(true);
});

test('HEAD sends headers only; a missing asset is 404 while an unknown route gets the app', async () => {
  const head = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'br' }, 'HEAD');
  expect(head.status).toBe(200);
  expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  expect(head.body.length).toBe(0);

  const missing = await get('/chunk/gone.12345678.js');
  expect(missing.status).toBe(404);
  const route = await get('/some/route');
  expect(route.status).toBe(200);
  expect(route.headers['content-type']).toBe('text/html; charset=utf-8');
  expect((await get('/../../etc/passwd')).status).toBe(200); // never leaves the build folder
});

test('Accept-Encoding parsing honours q=0 and the wildcard', () => {
  const both = { br: Buffer.from('b'), gzip: Buffer.from('g') };
  expect(pickEncoding('br;q=0, gzip;q=0.5', both)).toBe('gzip');
  expect(pickEncoding('BR', both)).toBe('br');
  expect(pickEncoding('*', both)).toBe('gzip');
  expect(pickEncoding('identity', both)).toBeNull();
  expect(pickEncoding(undefined, both)).toBeNull();
  expect(pickEncoding('br', { gzip: both.gzip })).toBeNull();
});
