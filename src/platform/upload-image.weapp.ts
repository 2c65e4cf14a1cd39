import Taro from '@tarojs/taro';
import { ERROR_MESSAGES } from '../domain/shared/errors';
import { ApiError } from './api';
import { imageExtension, MAX_IMAGE_BYTES, type PickedImage, type UploadedImage } from './image-types';

export type { UploadedImage } from './image-types';

/** Upload to an existing cloud path overwrites it, so every upload gets a fresh random name. */
const randomName = (): string => {
  let s = Date.now().toString(36);
  for (let i = 0; i < 12; i++) s += Math.floor(Math.random() * 36).toString(36);
  return s;
};

/**
 * Mini program: straight to CloudBase storage; the functions only ever see the fileID. The temp file
 * path stays the display URL until the notice is saved.
 */
export async function uploadImage(image: PickedImage): Promise<UploadedImage> {
  if (image.size > MAX_IMAGE_BYTES) throw new ApiError('FILE_TOO_LARGE', ERROR_MESSAGES.FILE_TOO_LARGE);
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `notice-images/${randomName()}.${imageExtension(image.path)}`, filePath: image.path });
    return { fileId: res.fileID, url: image.path };
  } catch {
    throw new ApiError('NETWORK', '图片上传失败，请检查网络后重试');
  }
}
