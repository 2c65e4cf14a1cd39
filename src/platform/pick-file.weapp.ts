import Taro from '@tarojs/taro';
import { hasExtension, wrongTypeMessage, type FilePicker, type FilePickerOptions } from './pick-file-types';

export type { FilePicker, FilePickerOptions, PickedFile } from './pick-file-types';

/** Mini program: pick a file from a WeChat chat (where hospital staff receive spreadsheets and documents). */
export function attachFileInput(options: FilePickerOptions): FilePicker {
  const open = async () => {
    let picked: { name: string; path: string; size: number } | undefined;
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: options.extensions });
      picked = res.tempFiles[0];
    } catch {
      return; // the user closed the picker
    }
    if (!picked) return;
    if (!hasExtension(picked.name, options.extensions)) return options.onError(wrongTypeMessage(options.extensions));
    if (picked.size > options.maxBytes) return options.onError(options.tooLargeMessage);
    const file = picked;
    if (options.readBase64 === false) return options.onFile({ name: file.name, size: file.size, base64: '', path: file.path });
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'base64',
      success: (r) => options.onFile({ name: file.name, size: file.size, base64: String(r.data) }),
      fail: () => options.onError('无法读取文件，请重新选择'),
    });
  };
  return { open: () => void open(), detach: () => undefined };
}
