import { attachHiddenFileInput } from './hidden-file-input';
import { hasExtension, wrongTypeMessage, type FilePicker, type FilePickerOptions } from './pick-file-types';

export type { FilePicker, FilePickerOptions, PickedFile } from './pick-file-types';

/** H5: a file (the roster, a PDF material), read as base64 unless asked not to (the weapp variant uses chooseMessageFile). */
export function attachFileInput(options: FilePickerOptions): FilePicker {
  return attachHiddenFileInput({
    accept: options.extensions.map((e) => `.${e}`).join(','),
    className: options.className,
    onFile: (file) => {
      if (!hasExtension(file.name, options.extensions)) return options.onError(wrongTypeMessage(options.extensions));
      if (file.size > options.maxBytes) return options.onError(options.tooLargeMessage);
      if (options.readBase64 === false) return options.onFile({ name: file.name, size: file.size, base64: '', blob: file });
      const reader = new FileReader();
      reader.onload = () => {
        const url = String(reader.result ?? '');
        const comma = url.indexOf(',');
        options.onFile({ name: file.name, size: file.size, base64: comma >= 0 ? url.slice(comma + 1) : '' });
      };
      reader.onerror = () => options.onError('无法读取文件，请重新选择');
      reader.readAsDataURL(file);
    },
  });
}
