import Taro from '@tarojs/taro';
import { ApiError } from './api';
import { extensionOf, MEDIA_EXTENSIONS, type PickedMedia, type UploadedMedia } from './media-types';

export type { UploadedMedia } from './media-types';

const randomName = (): string => {
  let s = Date.now().toString(36);
  for (let i = 0; i < 12; i++) s += Math.floor(Math.random() * 36).toString(36);
  return s;
};

/** Mini program: straight to CloudBase storage under `lesson-media/`, with upload progress 0–100. */
export function uploadMedia(media: PickedMedia, onProgress: (percent: number) => void): Promise<UploadedMedia> {
  const ext = MEDIA_EXTENSIONS[media.kind].includes(extensionOf(media.path)) ? extensionOf(media.path) : MEDIA_EXTENSIONS[media.kind][0];
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: `lesson-media/${randomName()}.${ext}`,
      filePath: media.path,
      success: (res) => {
        onProgress(100);
        resolve({ fileId: res.fileID, url: media.path });
      },
      fail: () => reject(new ApiError('NETWORK', '上传失败，请检查网络后重试')),
    });
    task?.onProgressUpdate?.((p) => onProgress(Math.min(99, p.progress)));
  });
}
