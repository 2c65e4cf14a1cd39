import type { Envelope } from '../domain/shared/envelope';
import { ERROR_MESSAGES } from '../domain/shared/errors';
import { ApiError } from './api';
import type { PickedMedia, UploadedMedia } from './media-types';
import { readSessionToken } from './session';

export type { UploadedMedia } from './media-types';

const absolute = (url: string): string => (url.startsWith('/') ? `${LOCAL_API_BASE}${url}` : url);

/**
 * H5: POST the bytes to the local host's `/api/files` (as images are), reporting upload progress
 * 0–100. Throws ApiError with the host's message (e.g. FILE_TYPE when the host takes images only).
 */
export async function uploadMedia(media: PickedMedia, onProgress: (percent: number) => void): Promise<UploadedMedia> {
  const blob = media.blob ?? (await (await fetch(media.path)).blob());
  const token = readSessionToken();
  const body = await new Promise<Envelope<UploadedMedia> | null>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${LOCAL_API_BASE}/api/files`);
    xhr.setRequestHeader('content-type', media.type || blob.type || 'application/octet-stream');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(99, Math.floor((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Envelope<UploadedMedia>);
      } catch {
        resolve(null);
      }
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', ERROR_MESSAGES.NETWORK));
    xhr.send(blob);
  });
  if (!body || typeof body !== 'object' || !('ok' in body)) throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL);
  if (!body.ok) throw new ApiError(body.code, body.message, body.details);
  onProgress(100);
  return { fileId: body.data.fileId, url: absolute(body.data.url) };
}
