import ExcelJS from 'exceljs';
import { orgFunction } from '../../cloudfunctions/org/src/handler';
import type { Member } from '../../src/domain/org/types';
import { ADMIN, makeWorld, openidOf, type FunctionWorld } from './harness';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

describe('roster template', () => {
  it('is an xlsx with the import columns and an example row that validates as written', async () => {
    const file = await world.ok(orgFunction, ADMIN, 'roster.template', {});
    expect(file.fileName).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64'));
    const sheet = book.worksheets[0];
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
    expect(row(1)).toEqual(['姓名', '工号', '科室', '支部', '党小组', '角色', '手机号', '企业微信账号']);
    const example = row(2);
    expect(example[1]).toBe('000123'); // stored as text: the leading zeros survive
    expect(sheet.rowCount).toBe(2);
    expect(book.getWorksheet('填写说明')).toBeDefined();

    // The template read back by the import itself: the example row is valid (a real branch and group).
    const validation = await world.ok(orgFunction, ADMIN, 'roster.validate', { fileName: file.fileName, contentBase64: file.base64 });
    expect(validation).toMatchObject({ valid: true, total: 1, creates: 1 });
  });

  it('is only for those who may import a roster', async () => {
    const [member] = await world.storage.collection<Member>('members').find({ role: 'member', openid: { $ne: null } }, { limit: 1 });
    const res = await world.call(orgFunction, openidOf(member._id), 'roster.template', {});
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
