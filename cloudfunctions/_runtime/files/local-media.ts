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
 * Not an upload path: the H5 upload route still accepts images only.
 */

export type MediaType = 'audio/wav' | 'audio/mpeg';
export const MEDIA_TYPES: readonly MediaType[] = ['audio/wav', 'audio/mpeg'];

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The audio type the bytes really are: a RIFF/WAVE file, or MP3 (an ID3 tag or an MPEG audio frame sync). */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'audio/wav';
  if (startsWith(bytes, ascii('ID3'))) return 'audio/mpeg';
  // MPEG-1/2 Layer III frame header: 11 sync bits, then a layer field of 01.
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0 && (bytes[1] & 0x06) === 0x02) return 'audio/mpeg';
  return null;
}

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
      if (bytes.byteLength > LESSON_LIMITS.media.audio.maxBytes) throw new AppError('FILE_TOO_LARGE');
      if (!MEDIA_TYPES.includes(contentType) || sniffMediaType(bytes) !== contentType) throw new AppError('FILE_TYPE');
      await mkdir(dir, { recursive: true });
      const fileId = newId({ randomBytes: random }, 'f', 24);
      // 'wx' as in local.ts: never overwrite; the sidecar last, so the file exists only once complete.
      await writeFile(path.join(dir, fileId), bytes, { flag: 'wx' });
      await writeFile(path.join(dir, `${fileId}.json`), JSON.stringify({ contentType, size: bytes.byteLength }), { flag: 'wx' });
      return fileId;
    },
  };
}
