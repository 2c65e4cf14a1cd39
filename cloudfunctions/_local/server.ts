import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { fail } from '../../src/domain/shared/envelope';
import { ERROR_MESSAGES, isAppError } from '../../src/domain/shared/errors';
import { findCaller } from '../_runtime/actor';
import type { FunctionContext } from '../_runtime/context';
import { MAX_IMAGE_BYTES, MAX_PDF_BYTES, normaliseType, PDF_TOO_LARGE, PDF_TYPE, type LocalFileStore } from '../_runtime/files/local';
import type { FunctionHandler } from '../_runtime/handler';
import { verifySessionToken } from '../_runtime/session-token';
import type { Storage } from '../_runtime/storage/port';
import { declaredMediaType, mediaMaxBytes, type LocalMediaStore } from '../_runtime/files/local-media';
import type { WeChatGateway } from '../_runtime/wechat/port';
import type { ReachChannels } from '../_runtime/reach/port';
import { reachChannelsFromEnv } from '../_runtime/reach/channels';
import { CHAT_STREAM_PATH } from '../../src/domain/api/chat';
import type { DoorbellBus } from '../_runtime/realtime/port';
import { serveChatStream } from './chat-stream';
import { demoMemberId, demoSessionFor, listPersonas, newUserSession } from './demo-routes';
import { serveStatic } from './static-files';

export interface LocalHostOptions {
  storage: Storage;
  functions: Record<string, FunctionHandler>;
  sessionSecret: string;
  h5Dir: string;
  demo: boolean;
  /** Uploaded images (`<dataDir>/files`), served at /api/files/<id>. */
  files: LocalFileStore;
  /** Lesson audio and video, written into the same folder; without it only images can be uploaded. */
  media?: LocalMediaStore;
  wechat: WeChatGateway;
  /**
   * Reminder channels (main.ts: WeChat over `wechat`, WeCom and SMS when the host's environment sets
   * them). Default: WeChat over `wechat` only, whatever the environment, so tests never reach out.
   */
  channels?: ReachChannels;
  /** The chat doorbell (rung by head writes, see ringingStorage); without it there is no chat stream. */
  doorbells?: DoorbellBus;
  /** Chat stream timings (tests shorten them): heartbeat comment and membership re-check intervals. */
  chatStream?: { heartbeatMs?: number; recheckMs?: number };
  now?: () => number;
}

const MAX_BODY = 4 * 1024 * 1024;

class BodyTooLarge extends Error {}

/** A single `bytes=a-b` / `bytes=a-` / `bytes=-n` range; null when absent or not understood (send it all). */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * The whole request body, or BodyTooLarge past `limit`. An oversized body is read to its end and
 * dropped, so the client still receives our error response (destroying the socket would not let it).
 */
function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.reject(new BodyTooLarge());
  }
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

const readBody = async (req: IncomingMessage): Promise<string> => (await readRaw(req, MAX_BODY)).toString('utf8');

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * The embedded default's HTTP face: the same function handlers CloudBase runs, called with a context
 * whose identity comes from a signed session token, plus the H5 build and local-only session routes.
 */
export function createLocalHost(opts: LocalHostOptions): http.Server {
  const now = opts.now ?? (() => Date.now());
  const identify = (req: IncomingMessage): string | null => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    return token ? verifySessionToken(token, opts.sessionSecret, now()) : null;
  };

  const channels = opts.channels ?? reachChannelsFromEnv({}, { wechat: opts.wechat, wechatMode: 'local' });
  const contextFor = (openid: string | null): FunctionContext => ({
    openid,
    storage: opts.storage,
    now,
    randomBytes: (n) => randomBytes(n),
    demo: opts.demo,
    wechat: opts.wechat,
    files: opts.files,
    channels,
  });

  async function callFunction(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Own keys only: `constructor`, `__proto__` or `toString` must not reach Object.prototype.
    const handler = Object.prototype.hasOwnProperty.call(opts.functions, name) ? opts.functions[name] : undefined;
    if (typeof handler !== 'function') {
      req.resume();
      return sendJson(res, 404, fail('UNKNOWN_ACTION', '云函数不存在'));
    }
    let event: unknown;
    try {
      event = JSON.parse(await readBody(req));
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendJson(res, 413, fail('BAD_REQUEST', '请求内容过大'));
      return sendJson(res, 400, fail('BAD_REQUEST', ERROR_MESSAGES.BAD_REQUEST));
    }
    if (!event || typeof event !== 'object') return sendJson(res, 400, fail('BAD_REQUEST', ERROR_MESSAGES.BAD_REQUEST));
    sendJson(res, 200, await handler(event as { action?: unknown; data?: unknown }, contextFor(identify(req))));
  }

  /** H5 image, PDF and media upload (the mini program uploads to CloudBase storage itself): bound members only. */
  async function uploadFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const openid = identify(req);
    const member = openid ? await findCaller(contextFor(openid)) : null;
    if (!member) {
      req.resume(); // drop the unread body; the answer does not depend on it
      return openid
        ? sendJson(res, 403, fail('NOT_BOUND', ERROR_MESSAGES.NOT_BOUND))
        : sendJson(res, 401, fail('UNAUTHENTICATED', ERROR_MESSAGES.UNAUTHENTICATED));
    }
    const mediaType = opts.media ? declaredMediaType(req.headers['content-type'] ?? '') : null;
    // Meeting materials may be PDF (the store checks the bytes); other types are images.
    const pdf = !mediaType && normaliseType(req.headers['content-type'] ?? '') === PDF_TYPE;
    let bytes: Buffer;
    try {
      bytes = await readRaw(req, mediaType ? mediaMaxBytes(mediaType) : pdf ? MAX_PDF_BYTES : MAX_IMAGE_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        const message = mediaType ? '文件过大（音频上限 30 MB，视频上限 200 MB）' : pdf ? PDF_TOO_LARGE : ERROR_MESSAGES.FILE_TOO_LARGE;
        return sendJson(res, 413, fail('FILE_TOO_LARGE', message));
      }
      throw err;
    }
    try {
      const fileId = mediaType ? await opts.media!.saveMedia(bytes, mediaType) : await opts.files.save(bytes, req.headers['content-type'] ?? '');
      const [url] = await opts.files.urls([fileId]);
      sendJson(res, 200, { ok: true, data: { fileId, url } });
    } catch (err) {
      if (!isAppError(err)) throw err;
      sendJson(res, err.code === 'FILE_TOO_LARGE' ? 413 : 415, fail(err.code, err.message));
    }
  }

  /** Files are immutable (a new upload gets a new id), so they may be cached for good. */
  async function serveFile(fileId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const file = await opts.files.read(fileId);
    if (!file) return sendJson(res, 404, fail('NOT_FOUND', ERROR_MESSAGES.NOT_FOUND));
    const headers = {
      'content-type': file.contentType,
      'accept-ranges': 'bytes',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    };
    // Audio and video players seek (and resume where the member left off) with range requests.
    const range = byteRange(req.headers.range, file.bytes.length);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${file.bytes.length}` });
      return void res.end();
    }
    const body = range ? file.bytes.subarray(range.start, range.end + 1) : file.bytes;
    res.writeHead(range ? 206 : 200, {
      ...headers,
      'content-length': body.length,
      ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${file.bytes.length}` } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const fn = url.pathname.match(/^\/api\/fn\/([^/]+)$/);
    if (fn && req.method === 'POST') return callFunction(fn[1], req, res);
    if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true });
    if (url.pathname === CHAT_STREAM_PATH && req.method === 'GET' && opts.doorbells) {
      const verify = (token: string) => verifySessionToken(token, opts.sessionSecret, now());
      return serveChatStream(req, res, url, { storage: opts.storage, bus: opts.doorbells, verify, now, ...opts.chatStream });
    }
    if (url.pathname === '/api/files' && req.method === 'POST') return uploadFile(req, res);
    const file = url.pathname.match(/^\/api\/files\/([^/]+)$/);
    if (file && (req.method === 'GET' || req.method === 'HEAD')) return serveFile(file[1], req, res);
    if (url.pathname === '/api/session/new' && req.method === 'POST') {
      return sendJson(res, 200, { token: newUserSession(opts.sessionSecret, now()) });
    }
    if (url.pathname === '/api/demo/personas' && req.method === 'GET') {
      return sendJson(res, 200, { personas: opts.demo ? await listPersonas(opts.storage) : [] });
    }
    if (url.pathname === '/api/session/demo' && req.method === 'POST') {
      if (!opts.demo) return sendJson(res, 403, fail('DEMO_ONLY', ERROR_MESSAGES.DEMO_ONLY));
      let memberId: string | null = null;
      try {
        memberId = demoMemberId(JSON.parse(await readBody(req)));
      } catch (err) {
        if (err instanceof BodyTooLarge) return sendJson(res, 413, fail('BAD_REQUEST', '请求内容过大'));
        return sendJson(res, 400, fail('BAD_REQUEST', ERROR_MESSAGES.BAD_REQUEST));
      }
      if (memberId === null) return sendJson(res, 400, fail('BAD_REQUEST', '请选择演示身份（memberId）'));
      const token = await demoSessionFor(opts.storage, memberId, opts.sessionSecret, now());
      return token ? sendJson(res, 200, { token }) : sendJson(res, 404, fail('NOT_FOUND', '演示身份不存在'));
    }
    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, fail('UNKNOWN_ACTION', ERROR_MESSAGES.UNKNOWN_ACTION));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('BAD_REQUEST', ERROR_MESSAGES.BAD_REQUEST));
    return serveStatic(opts.h5Dir, url.pathname, req, res);
  }

  return http.createServer((req, res) => {
    route(req, res).catch((err) => {
      console.error('[local host] request failed', err);
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', ERROR_MESSAGES.INTERNAL));
      else res.end();
    });
  });
}
