/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with one of these makes
 * Excel, WPS or LibreOffice evaluate it as a formula once the file is opened, re-saved or turned into CSV.
 * User text (names, notice titles, excuse reasons, lesson titles) reaches every export, so every text cell
 * of every export passes through `escapeCell`, which prefixes a single quote: the cell shows the text as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export type SheetCell = string | number | null | undefined;
export type SheetRows = ReadonlyArray<ReadonlyArray<SheetCell>>;

export const escapeRows = (rows: SheetRows): SheetCell[][] => rows.map((row) => row.map(escapeCell));
