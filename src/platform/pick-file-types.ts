/** A file the user picked, read whole as base64 (small files only: rosters are capped at 2 MB). */
export interface PickedFile {
  name: string;
  /** '' when the picker was asked not to read the file (`readBase64: false`). */
  base64: string;
  size: number;
  /** H5: the file itself, to upload as is. */
  blob?: Blob;
  /** Mini program: the temp file path, to upload as is. */
  path?: string;
}

export interface FilePickerOptions {
  /** Extensions without the dot, lower case: ['xlsx', 'csv']. */
  extensions: string[];
  /** Refused before reading, with `tooLargeMessage`. */
  maxBytes: number;
  tooLargeMessage: string;
  /** Class on the H5 file input, so browser tests can find it (`input.<className>`). */
  className: string;
  /** false: hand over the file (blob or path) unread, for uploads of larger files (PDF materials). */
  readBase64?: boolean;
  onFile: (file: PickedFile) => void;
  onError: (message: string) => void;
}

/** `open()` shows the platform's picker; `detach()` releases it when the page goes away. */
export interface FilePicker {
  open: () => void;
  detach: () => void;
}

export const hasExtension = (name: string, extensions: string[]): boolean => {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && extensions.includes(name.slice(dot + 1).toLowerCase());
};

export const wrongTypeMessage = (extensions: string[]): string => `仅支持 ${extensions.join(' 或 ')} 文件`;
