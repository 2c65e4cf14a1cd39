import Taro from '@tarojs/taro';
import { MAX_IMAGE_BYTES, type PickedImage } from './image-types';

export type { PickedImage } from './image-types';

/** Photos above this are recompressed (quality 80) before upload. */
const COMPRESS_ABOVE = 1024 * 1024;

const fileSize = (filePath: string): Promise<number> =>
  new Promise((resolve) =>
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (r) => resolve(r.size),
      fail: () => resolve(Number.POSITIVE_INFINITY),
    }),
  );

async function compress(src: string, size: number): Promise<PickedImage> {
  if (size <= COMPRESS_ABOVE) return { path: src, size };
  try {
    const first = await Taro.compressImage({ src, quality: 80 });
    const firstSize = await fileSize(first.tempFilePath);
    if (firstSize <= MAX_IMAGE_BYTES) return { path: first.tempFilePath, size: firstSize };
    // Still too big (a very large photo): scale it down as well.
    const second = await Taro.compressImage({ src, quality: 70, compressedWidth: 1920 });
    return { path: second.tempFilePath, size: await fileSize(second.tempFilePath) };
  } catch {
    return { path: src, size }; // compression unavailable: the upload refuses it if still over 2 MB
  }
}

/** Mini program: up to `count` photos from the album or camera; [] when the user cancels. */
export async function chooseImages(count: number): Promise<PickedImage[]> {
  if (count < 1) return [];
  let res: Taro.chooseMedia.SuccessCallbackResult;
  try {
    // chooseMedia replaces the unmaintained chooseImage (base library 2.21+).
    res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return [];
  }
  return Promise.all(res.tempFiles.slice(0, count).map((f) => compress(f.tempFilePath, f.size)));
}
