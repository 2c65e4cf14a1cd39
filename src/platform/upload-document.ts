import type { Envelope } from '../domain/shared/envelope';
import { ERROR_MESSAGES } from '../domain/shared/errors';
import { ApiError } from './api';
import type { UploadedImage } from './image-types';
import type { PickedFile } from './pick-file-types';
import { readSessionToken } from './session';

const absolute = (url: string): string => (url.startsWith('/') ? `${LOCAL_API_BASE}${url}` : url);

/**
 * H5: POST a picked PDF (meeting materials) to the local host, which checks its bytes and size. The
 * weapp variant uploads to CloudBase storage. Throws ApiError with the host's Chinese message.
 */
export async function uploadPdf(file: PickedFile): Promise<UploadedImage> {
  if (!file.blob) throw new ApiError('FILE_TYPE', '无法读取文件，请重新选择');
  const token = readSessionToken();
  let res: Response;
  try {
    res = await fetch(`${LOCAL_API_BASE}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: file.blob,
    });
  } catch {
    throw new ApiError('NETWORK', ERROR_MESSAGES.NETWORK);
  }
  const body = (await res.json().catch(() => null)) as Envelope<UploadedImage> | null;
  if (!body || typeof body !== 'object' || !('ok' in body)) throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL);
  if (!body.ok) throw new ApiError(body.code, body.message, body.details);
  return { fileId: body.data.fileId, url: absolute(body.data.url) };
}
