import { orgFunction } from '../../cloudfunctions/org/src/handler';
import type { Member } from '../../src/domain/org/types';
import { ADMIN, makeWorld } from './harness';
import { csvBase64 } from './org-fixtures';

const HEADER = ['姓名', '工号', '科室', '支部', '手机号', '企业微信账号'];

describe('roster column 企业微信账号', () => {
  it('stores the account, keeps it when a later file leaves the cell blank, and shows it on the member', async () => {
    const world = await makeWorld();
    const importRows = async (rows: string[][]) => {
      const validation = await world.ok(orgFunction, ADMIN, 'roster.validate', { fileName: '名单.csv', contentBase64: csvBase64([HEADER, ...rows]) });
      expect(validation).toMatchObject({ valid: true });
      await world.ok(orgFunction, ADMIN, 'roster.apply', { jobId: validation.jobId });
    };
    await importRows([['孙一', 'R0001', '心血管内科', '心血管内科党支部', '13900001111', 'SunYi'], ['孙二', 'R0002', '骨科', '骨科党支部', '', '']]);
    const members = world.storage.collection<Member>('members');
    expect((await members.get('m_R0001'))!.wecomUserId).toBe('SunYi');
    expect((await members.get('m_R0002'))!.wecomUserId ?? null).toBeNull();

    await importRows([['孙一', 'R0001', '心血管内科', '心血管内科党支部', '13900001111', '']]);
    expect((await members.get('m_R0001'))!.wecomUserId).toBe('SunYi');
    await importRows([['孙一', 'R0001', '心血管内科', '心血管内科党支部', '13900001111', 'sun.yi@ward3']]);
    expect((await members.get('m_R0001'))!.wecomUserId).toBe('sun.yi@ward3');

    const list = await world.ok(orgFunction, ADMIN, 'members.list', { branchId: (await members.get('m_R0001'))!.branchId });
    expect(list.members.find((m: { _id: string }) => m._id === 'm_R0001')).toMatchObject({ wecomUserId: 'sun.yi@ward3' });
  });

  it('refuses a malformed account naming the column and row, importing nothing', async () => {
    const world = await makeWorld();
    const validation = await world.ok(orgFunction, ADMIN, 'roster.validate', {
      fileName: '名单.csv',
      contentBase64: csvBase64([HEADER, ['孙一', 'R0001', '心血管内科', '心血管内科党支部', '', '孙 一']]),
    });
    expect(validation).toEqual({
      valid: false,
      headerError: null,
      total: 1,
      errors: [{ row: 2, field: 'wecomUserId', column: '企业微信账号', message: '企业微信账号「孙 一」格式不正确（1–64 位字母、数字或 _ - . @）' }],
    });
  });
});
