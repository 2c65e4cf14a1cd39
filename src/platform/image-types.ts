/**
 * Images picked for a notice, on either platform. The limits match the servers': the local host
 * refuses more than 2 MB and anything but jpg/png/webp/gif (cloudfunctions/_runtime/files/local.ts).
 */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export interface PickedImage {
  /** Displayable at once in <Image src>: a temp file path (weapp) or a blob: URL (H5). */
  path: string;
  /** Bytes, after compression. */
  size: number;
  /** MIME type when the platform knows it (H5). */
  type?: string;
  /** H5 only: the bytes to upload. */
  blob?: Blob;
}

export interface UploadedImage {
  /** What the functions store: a `cloud://…` fileID (weapp) or a local host id `f_…` (H5). */
  fileId: string;
  /** A URL to show the image now, before the function resolves the id. */
  url: string;
}

/** The extension for a cloud path, from a temp file path; jpg when unknown. */
export function imageExtension(filePath: string): string {
  const m = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(filePath);
  const ext = m ? m[1].toLowerCase() : '';
  return ['jpg', 'jpeg', 'png', 'webp', 'gif'].includes(ext) ? ext : 'jpg';
}
