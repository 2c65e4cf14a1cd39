import { AppError } from '../../../src/domain/shared/errors';
import { ORG_LIMITS } from '../../../src/domain/org/limits';
import { decodeCsv, parseCsv } from '../../_runtime/spreadsheet/csv-read';
import { readXlsxGrid } from '../../_runtime/spreadsheet/xlsx-read';
import { verifiedUnzippedBytes } from '../../_runtime/spreadsheet/zip-size';

/** 5,000 rows of a roster take about 1 MB of sheet XML; 40 MB leaves room for styles and a few images. */
const ROSTER_MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;

/**
 * Reads an uploaded roster (xlsx, or csv in UTF-8 or the GB18030 that Excel on Chinese Windows saves)
 * into a grid of strings. Cells are read as text, so employee numbers keep their leading zeros.
 */
export async function readRosterGrid(fileName: string, contentBase64: string): Promise<string[][]> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('ROSTER_EMPTY');
  if (bytes.length > ORG_LIMITS.rosterMaxBytes) throw new AppError('ROSTER_FILE_TOO_LARGE');
  if (/\.csv$/i.test(fileName)) return parseCsv(decodeCsv(bytes));
  // An xlsx is a zip; anything else named .xlsx would be read as loose text and mislead the user.
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new AppError('ROSTER_FILE_UNREADABLE');
  // A zip bomb is refused before anything is inflated.
  const unzipped = verifiedUnzippedBytes(bytes, ROSTER_MAX_UNZIPPED_BYTES);
  if (unzipped === null) throw new AppError('ROSTER_FILE_UNREADABLE');
  if (unzipped > ROSTER_MAX_UNZIPPED_BYTES) throw new AppError('ROSTER_FILE_TOO_LARGE', '文件解压后过大，请删除无关的工作表或图片后重试');
  try {
    return await readXlsxGrid(bytes);
  } catch {
    throw new AppError('ROSTER_FILE_UNREADABLE');
  }
}
