import ExcelJS from 'exceljs';

/** A one-sheet xlsx built with exceljs, as base64 (what a user uploads). */
export async function xlsxFromRows(rows: Array<Array<string | number>>, sheetName = '花名册'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** The raw values of an exported sheet, row by row (empty rows kept, as a person counts them). */
export async function readSheet(base64: string, sheetName: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => values[i + 1]));
  }
  return rows;
}
