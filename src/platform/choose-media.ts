import { attachHiddenFileInput } from './hidden-file-input';
import { mediaProblem, mediaType, MEDIA_EXTENSIONS, type MediaKind, type MediaPicker, type MediaPickerOptions } from './media-types';

export type { MediaPicker, MediaPickerOptions, PickedMedia } from './media-types';

const METADATA_TIMEOUT_MS = 15000;

/** Seconds of a media file, read from its metadata by a detached media element; null if unreadable. */
export function readDuration(kind: MediaKind, url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const el = document.createElement(kind);
    el.preload = 'metadata';
    let done = false;
    const finish = (value: number | null) => {
      if (done) return;
      done = true;
      el.removeAttribute('src');
      resolve(value);
    };
    el.addEventListener('loadedmetadata', () => finish(Number.isFinite(el.duration) && el.duration > 0 ? Math.round(el.duration) : null));
    el.addEventListener('error', () => finish(null));
    setTimeout(() => finish(null), METADATA_TIMEOUT_MS);
    el.src = url;
  });
}

/** H5: a lesson media file; it plays from a blob: URL and its duration comes from its metadata. */
export function attachMediaPicker(options: MediaPickerOptions): MediaPicker {
  return attachHiddenFileInput({
    accept: `${options.kind}/*,${MEDIA_EXTENSIONS[options.kind].map((e) => `.${e}`).join(',')}`,
    className: options.className,
    onFile: (file) => {
      const problem = mediaProblem(options.kind, file.name, file.type, file.size);
      if (problem) return options.onError(problem);
      const path = URL.createObjectURL(file);
      void readDuration(options.kind, path).then((durationSec) =>
        options.onPick({ kind: options.kind, path, name: file.name, size: file.size, type: mediaType(options.kind, file.name, file.type), durationSec, blob: file }),
      );
    },
  });
}
