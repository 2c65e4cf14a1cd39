import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cloudFileStore, TEMP_URL_BATCH, type CloudbaseFilesLike } from '../../cloudfunctions/_runtime/files/cloud';
import { LOCAL_FILE_ID, localFileStore, MAX_IMAGE_BYTES, sniffImageType } from '../../cloudfunctions/_runtime/files/local';
import type { FileStore } from '../../cloudfunctions/_runtime/files/port';
import { GIF_1PX, JPEG_HEAD, PNG_1PX, TEXT_AS_PNG, WEBP_HEAD, pngOfSize } from './images';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-files-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A fake CloudBase app answering getTempFileURL as @cloudbase/node-sdk 3.18.3 does: the wire's
 * `download_list`, one entry per requested id, `code: 'SUCCESS'` and a URL for files that exist.
 */
function fakeCloudApp(existing: string[]) {
  const requests: string[][] = [];
  const app: CloudbaseFilesLike = {
    async getTempFileURL({ fileList }) {
      requests.push(fileList);
      return {
        requestId: 'r',
        fileList: fileList.map((fileID) =>
          existing.includes(fileID)
            ? { fileID, tempFileURL: `https://7465-env.tcb.qcloud.la/${fileID.split('/').slice(3).join('/')}`, code: 'SUCCESS' }
            : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' },
        ),
      };
    },
  };
  return { app, requests };
}

/** What every FileStore answers, whatever its backend: one entry per id, in order, null when missing. */
function fileStoreContract(name: string, make: () => Promise<{ store: FileStore; existing: [string, string] }>) {
  describe(`FileStore contract: ${name}`, () => {
    it('resolves ids in the order asked, repeats included, null for unknown or malformed ids', async () => {
      const { store, existing } = await make();
      const [a, b] = existing;
      const urls = await store.urls([b, 'nope', a, b, '../../etc/passwd']);
      expect(urls).toHaveLength(5);
      expect(urls[0]).toEqual(expect.any(String));
      expect(urls[1]).toBeNull();
      expect(urls[2]).toEqual(expect.any(String));
      expect(urls[2]).not.toBe(urls[0]);
      expect(urls[3]).toBe(urls[0]);
      expect(urls[4]).toBeNull();
    });

    it('answers an empty list with an empty list', async () => {
      const { store } = await make();
      expect(await store.urls([])).toEqual([]);
    });
  });
}

fileStoreContract('local', async () => {
  const store = localFileStore(tempDir());
  return { store, existing: [await store.save(PNG_1PX, 'image/png'), await store.save(GIF_1PX, 'image/gif')] };
});

fileStoreContract('cloud', async () => {
  const existing: [string, string] = ['cloud://env-1.7465-env-1/notice-images/a.jpg', 'cloud://env-1.7465-env-1/notice-images/b.png'];
  return { store: cloudFileStore(fakeCloudApp(existing).app), existing };
});

describe('local file store', () => {
  it('keeps the bytes as <dir>/<fileId> with a JSON sidecar, under a random f_ id', async () => {
    const dir = tempDir();
    const store = localFileStore(dir);
    const id = await store.save(PNG_1PX, 'image/png');
    expect(id).toMatch(LOCAL_FILE_ID);
    expect(id).toMatch(/^f_[0-9a-z]{24}$/);
    expect(readFileSync(path.join(dir, id))).toEqual(PNG_1PX);
    expect(JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8'))).toEqual({ contentType: 'image/png', size: PNG_1PX.length });
    expect(await store.read(id)).toEqual({ bytes: PNG_1PX, contentType: 'image/png' });
    expect(await store.urls([id])).toEqual([`/api/files/${id}`]);
    expect(await store.save(PNG_1PX, 'image/png')).not.toBe(id);
  });

  it('accepts jpeg, png, webp and gif, and the bytes decide the stored type', async () => {
    const store = localFileStore(tempDir());
    const cases: Array<[Buffer, string, string]> = [
      [JPEG_HEAD, 'image/jpeg', 'image/jpeg'],
      [JPEG_HEAD, 'image/jpg', 'image/jpeg'],
      [PNG_1PX, 'image/png; charset=binary', 'image/png'],
      [WEBP_HEAD, 'image/webp', 'image/webp'],
      [GIF_1PX, 'IMAGE/GIF', 'image/gif'],
      [JPEG_HEAD, 'image/png', 'image/jpeg'], // a photo saved with the wrong extension is still a photo
    ];
    for (const [bytes, declared, stored] of cases) {
      const id = await store.save(bytes, declared);
      expect((await store.read(id))?.contentType).toBe(stored);
    }
  });

  it('refuses other types by their bytes, not only their declared type', async () => {
    const dir = tempDir();
    const store = localFileStore(dir);
    await expect(store.save(TEXT_AS_PNG, 'image/png')).rejects.toMatchObject({ code: 'FILE_TYPE', message: '仅支持 jpg、png、webp、gif 图片' });
    await expect(store.save(PNG_1PX, 'image/svg+xml')).rejects.toMatchObject({ code: 'FILE_TYPE' });
    await expect(store.save(PNG_1PX, '')).rejects.toMatchObject({ code: 'FILE_TYPE' });
    await expect(store.save(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png')).rejects.toMatchObject({ code: 'FILE_TYPE' });
    await expect(store.save(Buffer.alloc(0), 'image/png')).rejects.toMatchObject({ code: 'FILE_TYPE' });
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('accepts exactly 2 MB and refuses one byte more', async () => {
    const store = localFileStore(tempDir());
    expect(await store.save(pngOfSize(MAX_IMAGE_BYTES), 'image/png')).toMatch(LOCAL_FILE_ID);
    await expect(store.save(pngOfSize(MAX_IMAGE_BYTES + 1), 'image/png')).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: '图片不能超过 2 MB' });
  });

  it('reads nothing outside its folder and nothing half-written', async () => {
    const dir = tempDir();
    const store = localFileStore(path.join(dir, 'files'));
    expect(await store.read('../weizhibu.db')).toBeNull();
    expect(await store.read('f_000000000000000000000000')).toBeNull();
    expect(await store.urls(['f_000000000000000000000000'])).toEqual([null]);
  });

  it('uses the injected randomness for ids', async () => {
    const store = localFileStore(tempDir(), { randomBytes: (n) => new Uint8Array(n).fill(1) });
    expect(await store.save(PNG_1PX, 'image/png')).toBe(`f_${'1'.repeat(24)}`);
  });

  it('sniffs magic numbers', () => {
    expect(sniffImageType(PNG_1PX)).toBe('image/png');
    expect(sniffImageType(GIF_1PX)).toBe('image/gif');
    expect(sniffImageType(JPEG_HEAD)).toBe('image/jpeg');
    expect(sniffImageType(WEBP_HEAD)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageType(TEXT_AS_PNG)).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});

describe('cloud file store', () => {
  it('asks CloudBase once per 50 distinct cloud:// ids and maps each answer back to its id', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `cloud://env-1.7465-env-1/notice-images/${i}.jpg`);
    const { app, requests } = fakeCloudApp(ids.filter((_, i) => i % 3 !== 0));
    const urls = await cloudFileStore(app).urls([...ids, ids[1]]);
    expect(requests.map((r) => r.length)).toEqual([TEMP_URL_BATCH, TEMP_URL_BATCH, 20]);
    expect(requests.flat()).toEqual(ids);
    expect(urls[0]).toBeNull();
    expect(urls[1]).toBe('https://7465-env.tcb.qcloud.la/notice-images/1.jpg');
    expect(urls[120]).toBe(urls[1]);
    expect(urls.filter((u) => u === null)).toHaveLength(40);
  });

  it('does not ask about ids that are not CloudBase file ids', async () => {
    const { app, requests } = fakeCloudApp([]);
    expect(await cloudFileStore(app).urls(['f_abc', 'https://evil.example/x.png', ''])).toEqual([null, null, null]);
    expect(requests).toEqual([]);
  });

  it('accepts wx-server-sdk style status 0 and treats any other status as missing', async () => {
    const app: CloudbaseFilesLike = {
      getTempFileURL: async () => ({
        fileList: [
          { fileID: 'cloud://e/a.png', tempFileURL: 'https://x/a.png', status: 0 },
          { fileID: 'cloud://e/b.png', tempFileURL: '', status: 1 },
        ],
      }),
    };
    expect(await cloudFileStore(app).urls(['cloud://e/a.png', 'cloud://e/b.png'])).toEqual(['https://x/a.png', null]);
  });

  it('throws when the request as a whole fails: an outage is not a missing file', async () => {
    const app: CloudbaseFilesLike = { getTempFileURL: async () => ({ code: 'SYS_ERR', message: 'busy' }) };
    await expect(cloudFileStore(app).urls(['cloud://e/a.png'])).rejects.toThrow('SYS_ERR');
  });
});
