import { ApiError } from './api';
import type { UploadedImage } from './image-types';
import type { PickedFile } from './pick-file-types';
import { postToLocalFiles } from './upload-image';

/**
 * H5: POST a picked PDF (meeting materials) to the local host, which checks its bytes and size. The
 * weapp variant uploads to CloudBase storage. Throws ApiError with the host's Chinese message.
 */
export async function uploadPdf(file: PickedFile): Promise<UploadedImage> {
  if (!file.blob) throw new ApiError('FILE_TYPE', '无法读取文件，请重新选择');
  return postToLocalFiles(file.blob, 'application/pdf');
}
