import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../src/domain/shared/errors';
import { newId } from '../ids';
import type { FileStore } from './port';

/** Largest image accepted (the client compresses before uploading). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** Largest PDF accepted (meeting materials: a scanned document of a few dozen pages). */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
export const PDF_TYPE = 'application/pdf';
export const PDF_TOO_LARGE = 'PDF 文件不能超过 20 MB';
const NOT_A_PDF = '文件不是有效的 PDF，请重新选择';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';
/** What the store keeps: the images above, or a PDF (meeting materials). */
export type StoredType = ImageType | typeof PDF_TYPE;
export const IMAGE_TYPES: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** Local file ids: `f_` + 24 characters of lowercase base32 (120 random bits). */
export const LOCAL_FILE_ID = /^f_[0-9a-z]{24}$/;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A PDF starts with `%PDF-` (the version follows). */
export const isPdf = (bytes: Uint8Array): boolean => startsWith(bytes, ascii('%PDF-'));

/** The image type the bytes really are, from their magic numbers; null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** `image/png; charset=…` → `image/png`; `image/jpg` (seen in the wild) → `image/jpeg`. */
export const normaliseType = (declared: string): string => {
  const type = declared.split(';')[0].trim().toLowerCase();
  return type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type;
};

export interface StoredFile {
  bytes: Buffer;
  contentType: StoredType;
}

export interface LocalFileStore extends FileStore {
  /**
   * Stores an image and returns its new id. Refuses (AppError) more than MAX_IMAGE_BYTES with
   * FILE_TOO_LARGE, and with FILE_TYPE a declared type outside IMAGE_TYPES or bytes that are not one
   * of those images. The bytes decide the stored type (a jpg named .png is kept as image/jpeg).
   * A declared `application/pdf` is kept when the bytes start with `%PDF-` and fit MAX_PDF_BYTES.
   */
  save(bytes: Uint8Array, contentType: string): Promise<string>;
  /** The file for serving, or null when the id is malformed or unknown. */
  read(fileId: string): Promise<StoredFile | null>;
}

interface Sidecar {
  contentType: StoredType;
  size: number;
}

/**
 * The embedded default's file store: `<dir>/<fileId>` holds the bytes and `<dir>/<fileId>.json` the
 * content type. The sidecar is written last, so a file exists only once it is complete. Files are
 * immutable: a new upload gets a new id. URLs are served by the local host at `/api/files/<id>`.
 */
export function localFileStore(dir: string, options: { randomBytes?: (n: number) => Uint8Array } = {}): LocalFileStore {
  const random = options.randomBytes ?? ((n: number) => nodeRandomBytes(n));

  async function sidecar(fileId: string): Promise<Sidecar | null> {
    if (!LOCAL_FILE_ID.test(fileId)) return null;
    try {
      return JSON.parse(await readFile(path.join(dir, `${fileId}.json`), 'utf8')) as Sidecar;
    } catch {
      return null;
    }
  }

  return {
    async save(bytes, contentType) {
      let sniffed: StoredType | null;
      if (normaliseType(contentType) === PDF_TYPE) {
        if (bytes.byteLength > MAX_PDF_BYTES) throw new AppError('FILE_TOO_LARGE', PDF_TOO_LARGE);
        if (!isPdf(bytes)) throw new AppError('FILE_TYPE', NOT_A_PDF);
        sniffed = PDF_TYPE;
      } else {
        if (bytes.byteLength > MAX_IMAGE_BYTES) throw new AppError('FILE_TOO_LARGE');
        sniffed = sniffImageType(bytes);
        if (!(IMAGE_TYPES as readonly string[]).includes(normaliseType(contentType)) || !sniffed) throw new AppError('FILE_TYPE');
      }
      await mkdir(dir, { recursive: true });
      const fileId = newId({ randomBytes: random }, 'f', 24);
      // 'wx': never overwrite, even in the (astronomically unlikely) event of an id collision.
      await writeFile(path.join(dir, fileId), bytes, { flag: 'wx' });
      const meta: Sidecar = { contentType: sniffed, size: bytes.byteLength };
      await writeFile(path.join(dir, `${fileId}.json`), JSON.stringify(meta), { flag: 'wx' });
      return fileId;
    },
    async read(fileId) {
      const meta = await sidecar(fileId);
      if (!meta) return null;
      try {
        return { bytes: await readFile(path.join(dir, fileId)), contentType: meta.contentType };
      } catch {
        return null;
      }
    },
    async urls(fileIds) {
      return Promise.all(fileIds.map(async (id) => ((await sidecar(id)) ? `/api/files/${id}` : null)));
    },
  };
}
