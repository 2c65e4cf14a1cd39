import { escapeRows, type SheetRows } from './escape-cell';
import { loadExcel } from './excel';

/** One-sheet xlsx as base64, every text cell escaped against formula injection. */
export async function xlsxBase64(sheetName: string, rows: SheetRows): Promise<string> {
  const { Workbook } = await loadExcel();
  const book = new Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of escapeRows(rows)) sheet.addRow(row.map((cell) => cell ?? null));
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
