import { hasExtension, wrongTypeMessage, type FilePicker, type FilePickerOptions } from './pick-file-types';

export type { FilePicker, FilePickerOptions, PickedFile } from './pick-file-types';

/**
 * H5: one hidden `<input type="file">` appended to <body> as soon as the page attaches it, so it exists
 * before any click (browser tests call setInputFiles on it). The weapp variant uses chooseMessageFile.
 */
export function attachFileInput(options: FilePickerOptions): FilePicker {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = options.extensions.map((e) => `.${e}`).join(',');
  input.className = options.className;
  input.setAttribute('aria-hidden', 'true');
  // Off-screen rather than display:none: still in the DOM and focusable by tools, invisible to people.
  Object.assign(input.style, { position: 'fixed', left: '-10000px', top: '0', width: '1px', height: '1px', opacity: '0' });

  const onChange = () => {
    const file = input.files?.[0];
    input.value = ''; // picking the same file again must fire `change` again
    if (!file) return;
    if (!hasExtension(file.name, options.extensions)) return options.onError(wrongTypeMessage(options.extensions));
    if (file.size > options.maxBytes) return options.onError(options.tooLargeMessage);
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      options.onFile({ name: file.name, size: file.size, base64: comma >= 0 ? url.slice(comma + 1) : '' });
    };
    reader.onerror = () => options.onError('无法读取文件，请重新选择');
    reader.readAsDataURL(file);
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
