import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../src/domain/shared/errors';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { newId } from '../ids';

/**
 * Audio files for the local file store, kept apart from its image upload rules (local.ts): the
 * embedded default's demo seed writes its generated lesson audio here. Same layout as the image
 * store — `<dir>/<fileId>` holds the bytes and `<dir>/<fileId>.json` the sidecar `{ contentType, size }`,
 * written last — so the store made by `localFileStore(dir)` resolves these ids in `urls()` and
 * serves them at `GET /api/files/<id>` with the sidecar's content type (its `read()` passes the
 * sidecar's type through unchanged).
 *
 * The H5 app uploads lesson media through the same `POST /api/files` route as images: the host routes
 * audio/video content types here.
 */

export type MediaType = 'audio/wav' | 'audio/mpeg' | 'audio/mp4' | 'video/mp4';
export const MEDIA_TYPES: readonly MediaType[] = ['audio/wav', 'audio/mpeg', 'audio/mp4', 'video/mp4'];

/** What a browser may declare for each type (m4a is announced in several ways). */
const DECLARED: Record<string, MediaType> = {
  'audio/wav': 'audio/wav',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/mpeg': 'audio/mpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/mp4': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/aac': 'audio/mp4',
  'video/mp4': 'video/mp4',
};
export const declaredMediaType = (contentType: string): MediaType | null => DECLARED[contentType.split(';')[0].trim().toLowerCase()] ?? null;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The type the bytes really are: RIFF/WAVE, MP3 (an ID3 tag or an MPEG audio frame sync), or an ISO
 * media file (`ftyp` box): M4A brands are audio, anything else is taken as MP4 video.
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return brand.startsWith('M4A') || brand.startsWith('M4B') ? 'audio/mp4' : 'video/mp4';
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'audio/wav';
  if (startsWith(bytes, ascii('ID3'))) return 'audio/mpeg';
  // MPEG-1/2 Layer III frame header: 11 sync bits, then a layer field of 01.
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0 && (bytes[1] & 0x06) === 0x02) return 'audio/mpeg';
  return null;
}

export const mediaMaxBytes = (type: MediaType): number =>
  type === 'video/mp4' ? LESSON_LIMITS.media.video.maxBytes : LESSON_LIMITS.media.audio.maxBytes;

export interface LocalMediaStore {
  /**
   * Stores an audio file and returns its new `f_…` id. Refuses (AppError FILE_TYPE) bytes that are not
   * the declared audio type, and (FILE_TOO_LARGE) more than the lesson audio limit.
   */
  saveMedia(bytes: Uint8Array, contentType: MediaType): Promise<string>;
}

/** Writes audio into the local file store's folder `dir` (the same folder `localFileStore(dir)` reads). */
export function localMediaStore(dir: string, options: { randomBytes?: (n: number) => Uint8Array } = {}): LocalMediaStore {
  const random = options.randomBytes ?? ((n: number) => nodeRandomBytes(n));
  return {
    async saveMedia(bytes, contentType) {
      if (bytes.byteLength > mediaMaxBytes(contentType)) throw new AppError('FILE_TOO_LARGE', '文件过大（音频上限 30 MB，视频上限 200 MB）');
      if (!MEDIA_TYPES.includes(contentType) || sniffMediaType(bytes) !== contentType) throw new AppError('FILE_TYPE', '仅支持 mp3、m4a、wav 音频或 mp4 视频');
      await mkdir(dir, { recursive: true });
      const fileId = newId({ randomBytes: random }, 'f', 24);
      // 'wx' as in local.ts: never overwrite; the sidecar last, so the file exists only once complete.
      await writeFile(path.join(dir, fileId), bytes, { flag: 'wx' });
      await writeFile(path.join(dir, `${fileId}.json`), JSON.stringify({ contentType, size: bytes.byteLength }), { flag: 'wx' });
      return fileId;
    },
  };
}
