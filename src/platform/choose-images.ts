import Taro from '@tarojs/taro';
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES, type PickedImage } from './image-types';

export type { PickedImage } from './image-types';

/** Re-encoding steps tried in order until the JPEG fits: longest side in px, quality. */
const STEPS: Array<[number, number]> = [
  [2560, 0.85],
  [1920, 0.8],
  [1280, 0.7],
];

function loadImage(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('image decode failed'));
    };
    img.src = url;
  });
}

/** A JPEG of at most MAX_IMAGE_BYTES drawn on a white background (PNG transparency), or null. */
async function toJpeg(blob: Blob): Promise<Blob | null> {
  let img: HTMLImageElement;
  try {
    img = await loadImage(blob);
  } catch {
    return null; // the browser cannot decode it: leave it to the server to refuse
  }
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx || !img.naturalWidth || !img.naturalHeight) return null;
  for (const [maxSide, quality] of STEPS) {
    const scale = Math.min(1, maxSide / Math.max(img.naturalWidth, img.naturalHeight));
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (jpeg && jpeg.size <= MAX_IMAGE_BYTES) return jpeg;
  }
  return null;
}

/**
 * Accepted images under 2 MB go as they are; larger ones and types the server does not take (e.g.
 * HEIC that the browser can decode) are re-encoded as JPEG. GIFs are never re-encoded (that would drop
 * the animation): one over 2 MB is refused by the upload.
 */
async function prepare(file: File, path: string): Promise<PickedImage> {
  const accepted = ACCEPTED_IMAGE_TYPES.includes(file.type);
  if ((accepted && file.size <= MAX_IMAGE_BYTES) || file.type === 'image/gif') return { path, size: file.size, type: file.type, blob: file };
  const jpeg = await toJpeg(file);
  if (!jpeg) return { path, size: file.size, type: file.type, blob: file };
  URL.revokeObjectURL(path);
  return { path: URL.createObjectURL(jpeg), size: jpeg.size, type: 'image/jpeg', blob: jpeg };
}

/**
 * H5: Taro.chooseImage opens a file input (on phones after a 拍摄/从相册选择 sheet) and gives blob: URLs
 * with the browser File as `tempFiles[i].originalFileObj`. Resolves [] when the user cancels.
 */
export async function chooseImages(count: number): Promise<PickedImage[]> {
  if (count < 1) return [];
  let res: Taro.chooseImage.SuccessCallbackResult;
  try {
    res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return [];
  }
  // The browser's file dialog can select more than `count`.
  const files = res.tempFiles.slice(0, count);
  return Promise.all(
    files.map((f) => (f.originalFileObj ? prepare(f.originalFileObj, f.path) : { path: f.path, size: f.size, type: f.type })),
  );
}
