import { escapeRows, type SheetRows } from './escape-cell';
import { loadExcel } from './excel';

/**
 * An xlsx as base64: the first sheet, then any further named sheets, every text cell escaped
 * against formula injection.
 */
export async function xlsxBase64(sheetName: string, rows: SheetRows, more: Array<[string, SheetRows]> = []): Promise<string> {
  const { Workbook } = await loadExcel();
  const book = new Workbook();
  for (const [name, sheetRows] of [[sheetName, rows] as [string, SheetRows], ...more]) {
    const sheet = book.addWorksheet(name);
    for (const row of escapeRows(sheetRows)) sheet.addRow(row.map((cell) => cell ?? null));
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
