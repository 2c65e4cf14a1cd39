/** H5 (a secretary at a PC): the browser's print dialog; the page's print styles hide the app's chrome. */
export const canPrint = true;

export function printPage(): void {
  window.print();
}
