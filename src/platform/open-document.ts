/** H5: a PDF opens in the browser's own viewer in a new tab. */
export async function openDocument(url: string): Promise<void> {
  window.open(url, '_blank', 'noopener');
}
