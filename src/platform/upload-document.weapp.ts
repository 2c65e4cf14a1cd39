import Taro from '@tarojs/taro';
import { ApiError } from './api';
import type { UploadedImage } from './image-types';
import type { PickedFile } from './pick-file-types';

/** Upload to an existing cloud path overwrites it, so every upload gets a fresh random name. */
const randomName = (): string => {
  let s = Date.now().toString(36);
  for (let i = 0; i < 12; i++) s += Math.floor(Math.random() * 36).toString(36);
  return s;
};

/** Mini program: a PDF picked from a chat goes straight to CloudBase storage; functions see the fileID. */
export async function uploadPdf(file: PickedFile): Promise<UploadedImage> {
  if (!file.path) throw new ApiError('FILE_TYPE', '无法读取文件，请重新选择');
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `meeting-materials/${randomName()}.pdf`, filePath: file.path });
    return { fileId: res.fileID, url: file.path };
  } catch {
    throw new ApiError('NETWORK', '文件上传失败，请检查网络后重试');
  }
}
