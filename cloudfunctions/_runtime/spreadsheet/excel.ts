import type * as ExcelJS from 'exceljs';

/**
 * exceljs (about 1 MB) is loaded only by the actions that read or write a spreadsheet (roster import and
 * template, exports), so every other action's cold start does not pay for it. The function bundles leave
 * it external (scripts/function-bundle.ts): esbuild turns this `import()` into a lazy `require`, and
 * CloudBase installs exceljs from the function's package.json.
 */
let loading: Promise<typeof ExcelJS> | null = null;

export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => ((m as unknown as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS);
  return loading;
}
