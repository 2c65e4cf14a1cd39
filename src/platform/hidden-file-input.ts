/**
 * H5: one hidden `<input type="file">` appended to <body> as soon as a page attaches it, so it exists
 * before any click (browser tests call setInputFiles on it). `onFile` gets the chosen file; the value is
 * cleared each time, so picking the same file again fires again.
 */
export function attachHiddenFileInput(options: { accept: string; className: string; onFile: (file: File) => void }): { open(): void; detach(): void } {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = options.accept;
  input.className = options.className;
  input.setAttribute('aria-hidden', 'true');
  // Off-screen rather than display:none: still in the DOM and focusable by tools, invisible to people.
  Object.assign(input.style, { position: 'fixed', left: '-10000px', top: '0', width: '1px', height: '1px', opacity: '0' });

  const onChange = () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) options.onFile(file);
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
