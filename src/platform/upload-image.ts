import type { Envelope } from '../domain/shared/envelope';
import { ERROR_MESSAGES } from '../domain/shared/errors';
import { ApiError } from './api';
import { MAX_IMAGE_BYTES, type PickedImage, type UploadedImage } from './image-types';
import { readSessionToken } from './session';

export type { UploadedImage } from './image-types';

/** The host answers `/api/files/<id>`; make it absolute when the API lives on another origin. */
const absolute = (url: string): string => (url.startsWith('/') ? `${LOCAL_API_BASE}${url}` : url);

/**
 * H5: POST the image bytes to the local host with the session token. The weapp variant uploads to
 * CloudBase storage. Throws ApiError with the server's Chinese message (FILE_TYPE, FILE_TOO_LARGE, …).
 */
export async function uploadImage(image: PickedImage): Promise<UploadedImage> {
  const blob = image.blob ?? (await (await fetch(image.path)).blob());
  if (blob.size > MAX_IMAGE_BYTES) throw new ApiError('FILE_TOO_LARGE', ERROR_MESSAGES.FILE_TOO_LARGE);
  return postToLocalFiles(blob, blob.type || image.type || 'application/octet-stream');
}

/**
 * POST bytes to the local host's file store (`/api/files`) with the session token; the host checks type
 * and size. Shared by images and PDF documents.
 */
export async function postToLocalFiles(blob: Blob, contentType: string): Promise<UploadedImage> {
  const token = readSessionToken();
  let res: Response;
  try {
    res = await fetch(`${LOCAL_API_BASE}/api/files`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: blob,
    });
  } catch {
    throw new ApiError('NETWORK', ERROR_MESSAGES.NETWORK);
  }
  const body = (await res.json().catch(() => null)) as Envelope<UploadedImage> | null;
  if (!body || typeof body !== 'object' || !('ok' in body)) throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL);
  if (!body.ok) throw new ApiError(body.code, body.message, body.details);
  return { fileId: body.data.fileId, url: absolute(body.data.url) };
}
