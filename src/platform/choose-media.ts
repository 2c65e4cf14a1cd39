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

/**
 * H5: one hidden `<input type="file">` appended to <body> while the page is open (browser tests set
 * files on it directly). The picked file plays from a blob: URL; its duration comes from metadata.
 */
export function attachMediaPicker(options: MediaPickerOptions): MediaPicker {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = `${options.kind}/*,${MEDIA_EXTENSIONS[options.kind].map((e) => `.${e}`).join(',')}`;
  input.className = options.className;
  input.setAttribute('aria-hidden', 'true');
  Object.assign(input.style, { position: 'fixed', left: '-10000px', top: '0', width: '1px', height: '1px', opacity: '0' });

  const onChange = () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const problem = mediaProblem(options.kind, file.name, file.type, file.size);
    if (problem) return options.onError(problem);
    const path = URL.createObjectURL(file);
    void readDuration(options.kind, path).then((durationSec) =>
      options.onPick({ kind: options.kind, path, name: file.name, size: file.size, type: mediaType(options.kind, file.name, file.type), durationSec, blob: file }),
    );
  };
  input.addEventListener('change', onChange);
  document.body.appendChild(input);

  return {
    open: () => input.click(),
    detach: () => {
      input.removeEventListener('change', onChange);
      input.remove();
    },
  };
}
