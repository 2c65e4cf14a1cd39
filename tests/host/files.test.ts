/**
 * Image upload and download on the local host (the H5 path; the mini program uploads to CloudBase
 * storage itself), over real HTTP against an in-process host with a seeded database.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_FUNCTIONS } from '../../cloudfunctions/_local/functions';
import { seedDemoHospital } from '../../cloudfunctions/_local/seed/demo-hospital';
import { createLocalHost } from '../../cloudfunctions/_local/server';
import { localMediaStore } from '../../cloudfunctions/_runtime/files/local-media';
import { localFileStore, MAX_IMAGE_BYTES, MAX_PDF_BYTES } from '../../cloudfunctions/_runtime/files/local';
import { issueSessionToken } from '../../cloudfunctions/_runtime/session-token';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { Storage } from '../../cloudfunctions/_runtime/storage/port';
import { localWeChatGateway } from '../../cloudfunctions/_runtime/wechat/local';
import { ApiError } from '../../src/platform/api';
import { uploadImage } from '../../src/platform/upload-image';
import { GIF_1PX, PNG_1PX, TEXT_AS_PNG, pngOfSize } from '../contract/images';

/** The H5 client helper reads its session token through Taro storage: a stand-in holds it here. */
let sessionToken: string | null = null;
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getStorageSync: () => sessionToken } }));

const secret = randomBytes(16).toString('hex');
const dir = mkdtempSync(path.join(tmpdir(), 'wzb-host-files-'));
let storage: Storage;
let server: ReturnType<typeof createLocalHost>;
let base = '';

/** The seed binds member m_X as openid `demo:m_X`. */
const tokenFor = (openid: string) => issueSessionToken(openid, secret, Date.now());
const member = tokenFor('demo:m_H01002');

beforeAll(async () => {
  storage = openSqliteStorage(':memory:');
  await seedDemoHospital(storage, Date.now());
  server = createLocalHost({
    storage,
    functions: LOCAL_FUNCTIONS,
    sessionSecret: secret,
    h5Dir: dir,
    demo: true,
    files: localFileStore(path.join(dir, 'files')),
    media: localMediaStore(path.join(dir, 'files')),
    wechat: localWeChatGateway(),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (globalThis as { LOCAL_API_BASE?: string }).LOCAL_API_BASE = base;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const upload = async (body: Uint8Array, contentType: string, token?: string) => {
  const res = await fetch(`${base}/api/files`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('POST /api/files', () => {
  it('stores an image from a bound member and answers its id and URL', async () => {
    const { status, body } = await upload(PNG_1PX, 'image/png', member);
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, data: { fileId: expect.stringMatching(/^f_[0-9a-z]{24}$/), url: `/api/files/${body.data.fileId}` } });
  });

  it('needs a valid session of a bound member', async () => {
    expect(await upload(PNG_1PX, 'image/png')).toEqual({ status: 401, body: { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' } });
    expect((await upload(PNG_1PX, 'image/png', `${member}x`)).body.code).toBe('UNAUTHENTICATED');
    expect((await upload(PNG_1PX, 'image/png', issueSessionToken('demo:m_H01002', 'another-secret', Date.now()))).body.code).toBe('UNAUTHENTICATED');
    // A fresh identity that has not bound to a member yet.
    expect(await upload(PNG_1PX, 'image/png', tokenFor('local:new-user'))).toEqual({ status: 403, body: { ok: false, code: 'NOT_BOUND', message: '请先绑定身份' } });
  });

  it('refuses a text file renamed as png, and any type other than jpg, png, webp or gif', async () => {
    expect(await upload(TEXT_AS_PNG, 'image/png', member)).toEqual({ status: 415, body: { ok: false, code: 'FILE_TYPE', message: '仅支持 jpg、png、webp、gif 图片' } });
    expect((await upload(PNG_1PX, 'application/pdf', member)).body.code).toBe('FILE_TYPE');
  });

  it('refuses more than 2 MB with FILE_TOO_LARGE, and takes exactly 2 MB', async () => {
    expect(await upload(pngOfSize(MAX_IMAGE_BYTES + 1), 'image/png', member)).toEqual({
      status: 413,
      body: { ok: false, code: 'FILE_TOO_LARGE', message: '图片不能超过 2 MB' },
    });
    expect((await upload(pngOfSize(MAX_IMAGE_BYTES), 'image/png', member)).status).toBe(200);
  });

  it('refuses an oversized body sent without a length (chunked) too', async () => {
    const chunks = [pngOfSize(1024 * 1024), Buffer.alloc(1024 * 1024 + 1)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const res = await fetch(`${base}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${member}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).code).toBe('FILE_TOO_LARGE');
  });
});

describe('PDF meeting materials through POST /api/files', () => {
  const pdfOfSize = (size: number) => {
    const bytes = Buffer.alloc(size, 0x20);
    bytes.write('%PDF-1.4\n');
    return bytes;
  };
  const stored = () => readdirSync(path.join(dir, 'files')).length;

  it('stores a PDF (larger than the image limit) and serves it as application/pdf', async () => {
    const pdf = pdfOfSize(3 * 1024 * 1024);
    const { status, body } = await upload(pdf, 'application/pdf', member);
    expect(status).toBe(200);
    const res = await fetch(`${base}${body.data.url}`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('refuses a fake PDF (bytes without %PDF-) and stores nothing', async () => {
    const before = stored();
    const fake = Buffer.from('<html>not a pdf</html>');
    expect(await upload(fake, 'application/pdf', member)).toEqual({ status: 415, body: { ok: false, code: 'FILE_TYPE', message: '文件不是有效的 PDF，请重新选择' } });
    expect(stored()).toBe(before);
  });

  it('refuses a PDF over 20 MB and stores nothing; takes exactly 20 MB', async () => {
    const before = stored();
    expect(await upload(pdfOfSize(MAX_PDF_BYTES + 1), 'application/pdf', member)).toEqual({
      status: 413,
      body: { ok: false, code: 'FILE_TOO_LARGE', message: 'PDF 文件不能超过 20 MB' },
    });
    expect(stored()).toBe(before);
    expect((await upload(pdfOfSize(MAX_PDF_BYTES), 'application/pdf', member)).status).toBe(200);
  });

  it('keeps a PDF declared as an image out (the declared type decides the rules)', async () => {
    expect((await upload(pdfOfSize(100), 'image/png', member)).body.code).toBe('FILE_TYPE');
  });
});

describe('GET /api/files/<id>', () => {
  it('serves the bytes with their type, cached for good (ids are immutable)', async () => {
    const { body } = await upload(GIF_1PX, 'image/gif', member);
    const res = await fetch(`${base}${body.data.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(GIF_1PX);
    // Images are shown by <img src>, which sends no session: the unguessable id is the capability.
    expect((await fetch(`${base}${body.data.url}`, { method: 'HEAD' })).headers.get('content-length')).toBe(String(GIF_1PX.length));
  });

  it('answers 404 for unknown or malformed ids, never a file outside the store', async () => {
    for (const id of ['f_000000000000000000000000', '..%2Fweizhibu.db', 'f_']) {
      const res = await fetch(`${base}/api/files/${id}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as any).code).toBe('NOT_FOUND');
    }
  });
});

describe('H5 upload helper (src/platform/upload-image.ts) against the host', () => {
  afterEach(() => {
    sessionToken = null;
  });

  it('uploads the picked blob with the session token and answers an absolute URL', async () => {
    sessionToken = member;
    const uploaded = await uploadImage({ path: 'blob:x', size: PNG_1PX.length, type: 'image/png', blob: new Blob([PNG_1PX], { type: 'image/png' }) });
    expect(uploaded.fileId).toMatch(/^f_[0-9a-z]{24}$/);
    expect(uploaded.url).toBe(`${base}/api/files/${uploaded.fileId}`);
    expect(Buffer.from(await (await fetch(uploaded.url)).arrayBuffer())).toEqual(PNG_1PX);
  });

  it("throws ApiError with the server's code and Chinese message", async () => {
    sessionToken = member;
    const renamed = uploadImage({ path: 'blob:x', size: TEXT_AS_PNG.length, blob: new Blob([TEXT_AS_PNG], { type: 'image/png' }) });
    await expect(renamed).rejects.toBeInstanceOf(ApiError);
    await expect(renamed).rejects.toMatchObject({ code: 'FILE_TYPE', message: '仅支持 jpg、png、webp、gif 图片' });
    sessionToken = null;
    await expect(uploadImage({ path: 'blob:x', size: 1, blob: new Blob([PNG_1PX], { type: 'image/png' }) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('refuses an image over 2 MB before sending it', async () => {
    sessionToken = member;
    const big = new Blob([pngOfSize(MAX_IMAGE_BYTES + 1)], { type: 'image/png' });
    await expect(uploadImage({ path: 'blob:x', size: big.size, blob: big })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: '图片不能超过 2 MB' });
  });
});

describe('lesson media through POST /api/files', () => {
  const wav = (seconds: number) => {
    const data = Buffer.alloc(8000 * seconds, 128);
    const header = Buffer.alloc(44);
    header.write('RIFF', 0);
    header.writeUInt32LE(36 + data.length, 4);
    header.write('WAVEfmt ', 8);
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(8000, 24);
    header.writeUInt32LE(8000, 28);
    header.writeUInt16LE(1, 32);
    header.writeUInt16LE(8, 34);
    header.write('data', 36);
    header.writeUInt32LE(data.length, 40);
    return Buffer.concat([header, data]);
  };
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(3 * 1024 * 1024, 1)]);

  it('stores audio and video (larger than the image limit) and serves byte ranges for seeking', async () => {
    const audio = await upload(wav(3), 'audio/wav', member);
    expect(audio).toMatchObject({ status: 200, body: { ok: true } });
    const video = await upload(mp4, 'video/mp4', member);
    expect(video).toMatchObject({ status: 200, body: { ok: true } });

    const url = `${base}${video.body.data.url}`;
    const part = await fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${mp4.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(mp4.subarray(100, 200));
    const whole = await fetch(`${base}${audio.body.data.url}`);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect((await fetch(url, { headers: { range: `bytes=${mp4.length + 5}-` } })).status).toBe(416);
  });

  it('refuses media whose bytes are not what they claim', async () => {
    expect(await upload(Buffer.from('not really audio'), 'audio/mpeg', member)).toMatchObject({ status: 415, body: { ok: false, code: 'FILE_TYPE', message: '仅支持 mp3、m4a、wav 音频或 mp4 视频' } });
  });
});
