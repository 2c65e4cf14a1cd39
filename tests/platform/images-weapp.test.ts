/**
 * The mini program's image helpers with WeChat's APIs faked: what they ask of chooseMedia,
 * compressImage and wx.cloud.uploadFile, and what they hand back to pages.
 */
import { chooseImages } from '../../src/platform/choose-images.weapp';
import { imageExtension, MAX_IMAGE_BYTES } from '../../src/platform/image-types';
import { uploadImage } from '../../src/platform/upload-image.weapp';

const MB = 1024 * 1024;
const calls: Record<string, unknown[]> = {};
/** Sizes of temp files on the fake device. */
const sizes = new Map<string, number>();
let chosen: Array<{ tempFilePath: string; size: number }> | Error = [];
let uploadFails = false;

const record = (name: string, arg: unknown) => (calls[name] ??= []).push(arg);

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    chooseMedia: async (opts: unknown) => {
      record('chooseMedia', opts);
      if (chosen instanceof Error) throw chosen;
      return { tempFiles: chosen, type: 'image' };
    },
    compressImage: async (opts: { src: string; quality: number; compressedWidth?: number }) => {
      record('compressImage', opts);
      const out = `${opts.src}.q${opts.quality}${opts.compressedWidth ? `w${opts.compressedWidth}` : ''}.jpg`;
      const before = sizes.get(opts.src) ?? 0;
      sizes.set(out, opts.compressedWidth ? Math.round(before / 4) : Math.round(before / 2));
      return { tempFilePath: out };
    },
    getFileSystemManager: () => ({
      getFileInfo: ({ filePath, success }: { filePath: string; success: (r: { size: number }) => void }) => success({ size: sizes.get(filePath) ?? 0 }),
    }),
    cloud: {
      uploadFile: async (opts: { cloudPath: string; filePath: string }) => {
        record('uploadFile', opts);
        if (uploadFails) throw new Error('uploadFile:fail');
        return { fileID: `cloud://env-1.7465/${opts.cloudPath}`, statusCode: 204, errMsg: 'cloud.uploadFile:ok' };
      },
    },
  },
}));

const pick = (path: string, size: number) => {
  sizes.set(path, size);
  return { tempFilePath: path, size };
};

beforeEach(() => {
  for (const k of Object.keys(calls)) delete calls[k];
  sizes.clear();
  uploadFails = false;
});

describe('chooseImages (weapp)', () => {
  it('asks chooseMedia for up to N compressed images from album or camera', async () => {
    chosen = [pick('http://tmp/a.jpg', 300 * 1024)];
    expect(await chooseImages(9)).toEqual([{ path: 'http://tmp/a.jpg', size: 300 * 1024 }]);
    expect(calls.chooseMedia).toEqual([{ count: 9, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] }]);
    expect(calls.compressImage).toBeUndefined();
  });

  it('recompresses photos over 1 MB at quality 80, and scales down what is still over 2 MB', async () => {
    chosen = [pick('http://tmp/b.jpg', 1.5 * MB), pick('http://tmp/c.jpg', 6 * MB)];
    const images = await chooseImages(2);
    expect(calls.compressImage).toEqual([
      { src: 'http://tmp/b.jpg', quality: 80 },
      { src: 'http://tmp/c.jpg', quality: 80 },
      { src: 'http://tmp/c.jpg', quality: 70, compressedWidth: 1920 },
    ]);
    expect(images).toEqual([
      { path: 'http://tmp/b.jpg.q80.jpg', size: 0.75 * MB },
      { path: 'http://tmp/c.jpg.q70w1920.jpg', size: 1.5 * MB },
    ]);
    expect(images.every((i) => i.size <= MAX_IMAGE_BYTES)).toBe(true);
  });

  it('answers [] when the user closes the picker or asks for none', async () => {
    chosen = new Error('chooseMedia:fail cancel');
    expect(await chooseImages(3)).toEqual([]);
    expect(await chooseImages(0)).toEqual([]);
  });
});

describe('uploadImage (weapp)', () => {
  it('uploads to notice-images/<random>.<ext> in CloudBase storage and keeps the temp path for display', async () => {
    const first = await uploadImage({ path: 'http://tmp/photo.PNG', size: 1000 });
    const second = await uploadImage({ path: 'wxfile://tmp_abc', size: 1000 });
    const [a, b] = calls.uploadFile as Array<{ cloudPath: string; filePath: string }>;
    expect(a.cloudPath).toMatch(/^notice-images\/[0-9a-z]{12,}\.png$/);
    expect(a.filePath).toBe('http://tmp/photo.PNG');
    expect(b.cloudPath).toMatch(/\.jpg$/);
    expect(a.cloudPath).not.toBe(b.cloudPath);
    expect(first).toEqual({ fileId: `cloud://env-1.7465/${a.cloudPath}`, url: 'http://tmp/photo.PNG' });
    expect(second.url).toBe('wxfile://tmp_abc');
  });

  it('refuses over 2 MB before uploading and reports a failed upload as ApiError', async () => {
    await expect(uploadImage({ path: 'http://tmp/big.jpg', size: MAX_IMAGE_BYTES + 1 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: '图片不能超过 2 MB' });
    expect(calls.uploadFile).toBeUndefined();
    uploadFails = true;
    await expect(uploadImage({ path: 'http://tmp/a.jpg', size: 10 })).rejects.toMatchObject({ name: 'ApiError', code: 'NETWORK' });
  });

  it('takes the extension from the temp path, jpg when unknown', () => {
    expect(['a.jpeg', 'b.webp', 'c.GIF', 'd', 'e.heic', 'f.png?x=1'].map(imageExtension)).toEqual(['jpeg', 'webp', 'gif', 'jpg', 'jpg', 'png']);
  });
});
