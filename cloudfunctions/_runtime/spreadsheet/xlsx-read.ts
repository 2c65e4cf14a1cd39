import type { CellValue, Worksheet } from 'exceljs';
import { loadExcel } from './excel';

/**
 * The first worksheet of an xlsx as a grid of strings, as a person sees the cells: numbers formatted as
 * text (a 工号 formatted "00000" keeps its leading zeros), formulas as their cached result, rich text and
 * hyperlinks as their text, dates as YYYY-MM-DD. Rows whose cells are all empty are dropped.
 */
export async function readXlsxGrid(bytes: Buffer): Promise<string[][]> {
  const { Workbook } = await loadExcel();
  const book = new Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  return sheet ? sheetGrid(sheet) : [];
}

function sheetGrid(sheet: Worksheet): string[][] {
  const rows: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.value, cell.numFmt));
    }
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((cell) => cell.trim() !== '')) rows.push(cells);
  }
  return rows;
}

export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && result !== null && 'error' in result) ? '' : cellText(result as CellValue, numFmt);
  }
  return '';
}

/** Integers under an all-zeros format ("00000") are padded as Excel shows them; others print plainly. */
function numberText(n: number, numFmt?: string): string {
  const zeros = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
  if (Number.isInteger(n) && n >= 0 && zeros > 0) return String(n).padStart(zeros, '0');
  return String(n);
}
