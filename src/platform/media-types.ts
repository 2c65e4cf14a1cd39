import { LESSON_LIMITS } from '../domain/lesson/limits';
import { formatBytes } from '../utils/file-size';

export type MediaKind = 'audio' | 'video';

/** A media file picked for a lesson chapter, on either platform. */
export interface PickedMedia {
  kind: MediaKind;
  /** A temp file path (weapp) or a blob: URL (H5), playable at once. */
  path: string;
  /** The original file name, e.g. `第一节.mp3`: a default chapter title. */
  name: string;
  size: number;
  /** MIME type when known. */
  type: string;
  /** Read from the media's metadata; null when the platform could not tell. */
  durationSec: number | null;
  /** H5 only: the bytes to upload. */
  blob?: Blob;
}

export interface UploadedMedia {
  /** `cloud://…` (weapp) or the local host's `f_…`. */
  fileId: string;
  url: string;
}

export interface MediaPickerOptions {
  kind: MediaKind;
  /** Class on the H5 file input, so browser tests can find it (`input.<className>`). */
  className: string;
  onPick: (media: PickedMedia) => void;
  onError: (message: string) => void;
}

export interface MediaPicker {
  open: () => void;
  detach: () => void;
}

export const MEDIA_EXTENSIONS: Record<MediaKind, string[]> = { audio: ['mp3', 'm4a', 'aac', 'wav'], video: ['mp4'] };

const EXT_TYPES: Record<string, string> = { mp3: 'audio/mpeg', m4a: 'audio/x-m4a', aac: 'audio/aac', wav: 'audio/wav', mp4: 'video/mp4' };

export const extensionOf = (name: string): string => {
  const m = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(name);
  return m ? m[1].toLowerCase() : '';
};

/** The MIME type to upload with: the declared one when the limits know it, else from the extension. */
export function mediaType(kind: MediaKind, name: string, declared: string): string {
  const allowed: readonly string[] = LESSON_LIMITS.media[kind].types;
  if (allowed.includes(declared) || declared === 'audio/wav') return declared;
  const fromExt = EXT_TYPES[extensionOf(name)];
  if (kind === 'audio' && extensionOf(name) === 'mp4') return 'audio/mp4';
  return fromExt ?? declared;
}

/** The first reason a picked file cannot be used, or null. */
export function mediaProblem(kind: MediaKind, name: string, type: string, size: number): string | null {
  const exts = MEDIA_EXTENSIONS[kind];
  const allowed: readonly string[] = LESSON_LIMITS.media[kind].types;
  if (!exts.includes(extensionOf(name)) && !allowed.includes(type)) return `请选择 ${exts.join('、')} 格式的${kind === 'audio' ? '音频' : '视频'}`;
  const max = LESSON_LIMITS.media[kind].maxBytes;
  if (size > max) return `${kind === 'audio' ? '音频' : '视频'}不能超过 ${formatBytes(max)}`;
  return null;
}

/** Default chapter title: the file name without its extension. */
export const titleFromName = (name: string): string => name.replace(/\.[^.]+$/, '').trim().slice(0, 40);
