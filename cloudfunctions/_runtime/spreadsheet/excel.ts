import type * as ExcelJS from 'exceljs';

/**
 * exceljs is most of a function's bundle: it is evaluated only by the actions that read or write a
 * spreadsheet (roster import, exports), so every other action's cold start does not pay for it. esbuild
 * keeps the dynamic import inside the self-contained bundle and defers its initialisation.
 */
let loading: Promise<typeof ExcelJS> | null = null;

export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => ((m as unknown as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS);
  return loading;
}
