/** The spreadsheets our functions export. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * H5: hands a base64 file to the browser as a download. The mini program variant (save-file.weapp.ts)
 * writes it to the user data folder and opens it, so it can be forwarded from WeChat's menu.
 */
export async function saveBase64File(fileName: string, base64: string, mime: string = XLSX_MIME): Promise<void> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
