import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { decodeCsv, parseCsv } from '../../cloudfunctions/_runtime/spreadsheet/csv-read';
import { escapeCell, escapeRows } from '../../cloudfunctions/_runtime/spreadsheet/escape-cell';
import { readXlsxGrid } from '../../cloudfunctions/_runtime/spreadsheet/xlsx-read';
import { xlsxBase64 } from '../../cloudfunctions/_runtime/spreadsheet/xlsx-write';
import { verifiedUnzippedBytes } from '../../cloudfunctions/_runtime/spreadsheet/zip-size';
import { readRosterGrid } from '../../cloudfunctions/org/src/roster-file';
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

/** A one-entry deflated zip whose directory declares `declared` bytes (the truth unless a test lies). */
function zipOf(content: Buffer, declared = content.length): Buffer {
  const packed = deflateRawSync(content);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

describe('zip bombs', () => {
  const LIMIT = 40 * 1024 * 1024;

  it('measures a real workbook', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名单').addRow(['姓名', '工号']);
    const total = verifiedUnzippedBytes(Buffer.from(await book.xlsx.writeBuffer()), LIMIT);
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThan(100_000);
  });

  it('reports a bomb by its declared size and catches a directory that lies', () => {
    const bomb = Buffer.alloc(50 * 1024 * 1024);
    expect(zipOf(bomb).length).toBeLessThan(200_000);
    expect(verifiedUnzippedBytes(zipOf(bomb), LIMIT)).toBeGreaterThan(LIMIT);
    expect(verifiedUnzippedBytes(zipOf(bomb, 1000), LIMIT)).toBeNull();
    expect(verifiedUnzippedBytes(zipOf(Buffer.from('<x/>')), LIMIT)).toBe(4);
    expect(verifiedUnzippedBytes(Buffer.from('PK but nothing else'), LIMIT)).toBeNull();
  });

  it('roster import refuses a bomb before inflating it', async () => {
    const content = zipOf(Buffer.alloc(50 * 1024 * 1024)).toString('base64');
    await expect(readRosterGrid('bomb.xlsx', content)).rejects.toMatchObject({ code: 'ROSTER_FILE_TOO_LARGE', message: '文件解压后过大，请删除无关的工作表或图片后重试' });
    await expect(readRosterGrid('liar.xlsx', zipOf(Buffer.alloc(50 * 1024 * 1024), 10).toString('base64'))).rejects.toMatchObject({ code: 'ROSTER_FILE_UNREADABLE' });
  });
});
