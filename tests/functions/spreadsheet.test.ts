import ExcelJS from 'exceljs';
import { decodeCsv, parseCsv } from '../../cloudfunctions/_runtime/spreadsheet/csv-read';
import { escapeCell, escapeRows } from '../../cloudfunctions/_runtime/spreadsheet/escape-cell';
import { readXlsxGrid } from '../../cloudfunctions/_runtime/spreadsheet/xlsx-read';
import { xlsxBase64 } from '../../cloudfunctions/_runtime/spreadsheet/xlsx-write';
import { readSheet } from './xlsx-fixtures';

describe('formula injection', () => {
  it.each(['=1+1', '+86 139', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', "=HYPERLINK(\"http://x\",\"点我\")"])('escapes %j', (text) => {
    expect(escapeCell(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text, numbers (negative ones too) and empty cells alone', () => {
    expect(escapeRows([['张三', '—', '', ' =lead space', 'a=b', -5, 2.2, null]])).toEqual([['张三', '—', '', ' =lead space', 'a=b', -5, 2.2, null]]);
  });

  it('every text cell of a written workbook is escaped and nothing is stored as a formula', async () => {
    const base64 = await xlsxBase64('表', [['=1+1', '@x', 3], ['正常', '-1', -1]]);
    expect(await readSheet(base64, '表')).toEqual([["'=1+1", "'@x", 3], ['正常', "'-1", -1]]);
  });
});

describe('reading csv', () => {
  it('handles quotes, separators and line breaks inside quotes, CRLF/LF/CR and blank rows', () => {
    expect(parseCsv('a,"b,1","say ""hi"""\r\n\r\n"two\nlines",,x\ry,z\n')).toEqual([
      ['a', 'b,1', 'say "hi"'],
      ['two\nlines', '', 'x'],
      ['y', 'z'],
    ]);
  });

  it('reads tab-separated text and keeps leading zeros', () => {
    expect(parseCsv('姓名\t工号\n张三\t00123')).toEqual([['姓名', '工号'], ['张三', '00123']]);
  });

  it('decodes UTF-8 with a BOM and falls back to GB18030', () => {
    expect(decodeCsv(Buffer.from('\uFEFF姓名', 'utf8'))).toBe('姓名');
    // 姓名 in GB18030 / GBK
    expect(decodeCsv(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('姓名');
  });
});

describe('reading xlsx', () => {
  it('reads cells as a person sees them', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(['姓名', '工号', '备注', '日期', '公式']);
    const row = sheet.addRow([{ richText: [{ text: '张' }, { text: '三' }] }, 123, { text: '链接', hyperlink: 'http://example.com' }, new Date(Date.UTC(2026, 0, 2)), { formula: 'B2*2', result: 246 }]);
    row.getCell(2).numFmt = '00000';
    sheet.addRow([]);
    sheet.addRow(['李四', 'A1']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(await readXlsxGrid(bytes)).toEqual([
      ['姓名', '工号', '备注', '日期', '公式'],
      ['张三', '00123', '链接', '2026-01-02', '246'],
      ['李四', 'A1'],
    ]);
  });

  it('refuses what is not a workbook', async () => {
    await expect(readXlsxGrid(Buffer.from('PK not really a zip'))).rejects.toThrow();
  });
});
