import * as XLSX from 'xlsx';
import { AppError } from '../../../src/domain/shared/errors';
import { ORG_LIMITS } from '../../../src/domain/org/limits';

/**
 * Reads an uploaded roster (xlsx, or csv in UTF-8 or the GB18030 that Excel on Chinese Windows saves)
 * into a grid of strings. Cells are read as text, so employee numbers keep their leading zeros.
 */
export function readRosterGrid(fileName: string, contentBase64: string): string[][] {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('ROSTER_EMPTY');
  if (bytes.length > ORG_LIMITS.rosterMaxBytes) throw new AppError('ROSTER_FILE_TOO_LARGE');
  // An xlsx is a zip; anything else named .xlsx would be read as loose text and mislead the user.
  if (/\.xlsx$/i.test(fileName) && bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new AppError('ROSTER_FILE_UNREADABLE');
  try {
    const workbook = /\.csv$/i.test(fileName)
      ? XLSX.read(decodeCsv(bytes), { type: 'string', raw: true, dense: true })
      : XLSX.read(bytes, { type: 'buffer', cellText: true, cellDates: false, dense: true });
    const sheet = workbook.Sheets[workbook.SheetNames[0]];
    if (!sheet) throw new AppError('ROSTER_EMPTY');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
    return rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('ROSTER_FILE_UNREADABLE');
  }
}

function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
