import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
};

/** Text formats worth compressing; images, fonts and media are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg', '.ico']);

/** The H5 build names every js/css asset `<name>.<8 hex>.<ext>` (config/index.ts): its content never changes. */
const HASHED_ASSET = /\.[0-9a-f]{8}\.(js|css)$/;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface Entry {
  raw: Buffer;
  etag: string;
  type: string;
  br?: Buffer;
  gzip?: Buffer;
}

/** One file as read and compressed, keyed by path and invalidated when its size or mtime changes. */
const cache = new Map<string, { stamp: string; entry: Promise<Entry> }>();

async function load(file: string): Promise<Entry> {
  const raw = readFileSync(file);
  const ext = path.extname(file);
  const entry: Entry = {
    raw,
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
    type: TYPES[ext] ?? 'application/octet-stream',
  };
  if (COMPRESSIBLE.has(ext) && raw.length > 256) {
    // zlib's async calls run on libuv's thread pool, so compressing never blocks a request.
    const [br, gz] = await Promise.all([
      brotli(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      gzipAsync(raw, { level: 9 }),
    ]);
    if (br.length < raw.length) entry.br = br;
    if (gz.length < raw.length) entry.gzip = gz;
  }
  return entry;
}

function entryFor(file: string): Promise<Entry> {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.entry;
  const entry = load(file);
  cache.set(file, { stamp, entry });
  entry.catch(() => cache.delete(file));
  return entry;
}

/**
 * Reads and compresses (brotli and gzip) every file of the build once, at host start, so the first
 * visitor already gets compressed bodies. Resolves with the number of files prepared.
 */
export async function precompressStatic(root: string): Promise<number> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (!d.name.endsWith('.LICENSE.txt')) files.push(p);
    }
  };
  try {
    walk(root);
  } catch {
    return 0; // no build yet: serveStatic explains that to the visitor
  }
  // One at a time: the host is usable meanwhile, and a small machine is not swamped at start.
  for (const f of files) await entryFor(f);
  return files.length;
}

/** Which stored encoding to send: brotli, then gzip, then none (a `;q=0` refuses an encoding). */
export function pickEncoding(acceptEncoding: string | undefined, entry: { br?: Buffer; gzip?: Buffer }): 'br' | 'gzip' | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name.trim()),
  );
  if (entry.br && accepted.has('br')) return 'br';
  if (entry.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return null;
}

/** Each encoding is its own representation, so its own strong ETag: `"<hash>-br"`, `"<hash>-gzip"`. */
const etagOf = (etag: string, encoding: 'br' | 'gzip' | null) => (encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag);

/** True when the client's `if-none-match` names the file's content (in any encoding, or `*`). */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '').replace(/-(br|gzip)"$/, '"');
    return t === '*' || t === etag;
  });
}

/**
 * Serves the H5 build. Hashed assets are cached by browsers for a year; index.html and any other
 * unhashed file is revalidated every time (`no-cache`) and answered 304 when its ETag still matches.
 * Unknown paths without an extension fall back to index.html (hash routing keeps this simple); a
 * missing asset is a 404, never the HTML page under a script's name.
 */
export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let safe: string;
  try {
    safe = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  } catch {
    safe = '/';
  }
  let file = path.join(root, safe);
  const isFile = file.startsWith(root) && statSync(file, { throwIfNoEntry: false })?.isFile();
  if (!isFile) {
    const ext = path.extname(safe);
    if (ext && ext !== '.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      res.end('Not found');
      return;
    }
    file = path.join(root, 'index.html');
  }
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('H5 build not found: run `npm run build:h5` first.');
    return;
  }
  const entry = await entryFor(file);
  const encoding = pickEncoding(req.headers['accept-encoding'], entry);
  const headers: Record<string, string | number> = {
    'content-type': entry.type,
    'cache-control': HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag: etagOf(entry.etag, encoding),
    'x-content-type-options': 'nosniff',
  };
  if (entry.br || entry.gzip) headers.vary = 'Accept-Encoding';
  if (notModified(req.headers['if-none-match'], entry.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.raw;
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
