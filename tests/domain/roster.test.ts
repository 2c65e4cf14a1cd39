import { mapHeaders, validateRoster, type RosterContext } from '../../src/domain/org/roster';

const ctx = (overrides: Partial<RosterContext> = {}): RosterContext => ({
  branchIdByName: new Map([
    ['心内科党支部', 'b1'],
    ['骨科党支部', 'b2'],
  ]),
  groupIdByKey: new Map([['b1/护理党小组', 'g1']]),
  otherMembersPerBranch: () => 0,
  ...overrides,
});

const HEADER = ['姓名', '工号', '科室', '支部', '党小组', '角色', '手机号'];

describe('roster headers', () => {
  it('accepts Chinese and English spellings in any order', () => {
    const { columns, missing } = mapHeaders(['Phone', ' 工号 ', 'name', '部门', '党支部']);
    expect(missing).toEqual([]);
    expect(columns).toMatchObject({ phone: 0, employeeNo: 1, name: 2, department: 3, branch: 4 });
  });

  it('names every missing required column', () => {
    const result = validateRoster([['姓名', '手机号'], ['张三', '13900000000']], ctx());
    expect(result).toEqual({ ok: false, headerError: '缺少必填列：工号、科室、支部', errors: [] });
  });

  it('refuses a file with a header and no rows', () => {
    expect(validateRoster([HEADER, ['', '', '']], ctx())).toMatchObject({ ok: false, headerError: '文件中没有数据行' });
  });
});

describe('roster rows', () => {
  it('maps valid rows to records with ids resolved', () => {
    const result = validateRoster(
      [HEADER, ['李娜', 'H001', '心内科', '心内科党支部', '护理党小组', '支部书记', '139 1234 5678'], ['王强', 'H002', '骨科', '骨科党支部', '', '', '']],
      ctx(),
    );
    expect(result).toEqual({
      ok: true,
      records: [
        { row: 2, name: '李娜', employeeNo: 'H001', department: '心内科', branchId: 'b1', partyGroupId: 'g1', role: 'secretary', phone: '13912345678', wecomUserId: null },
        { row: 3, name: '王强', employeeNo: 'H002', department: '骨科', branchId: 'b2', partyGroupId: null, role: 'member', phone: null, wecomUserId: null },
      ],
    });
  });

  it('reports every bad row with its row number and column, and returns no records', () => {
    const result = validateRoster(
      [
        HEADER,
        ['李娜', 'H001', '心内科', '心内科党支部', '', '', ''],
        ['', 'H002', '骨科', '不存在党支部', '', '', ''],
        ['王强', 'H001', '骨科', '骨科党支部', '', '院长', '123'],
        ['赵敏', 'H004', '心内科', '心内科党支部', '医生党小组', '', ''],
      ],
      ctx(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 3, field: 'name', message: '姓名不能为空' },
      { row: 3, field: 'branch', message: '支部「不存在党支部」不存在，请先在组织管理中创建' },
      { row: 4, field: 'employeeNo', message: '工号「H001」与第 2 行重复' },
      { row: 4, field: 'role', message: '角色「院长」无法识别（可填：党员、支部书记、支委、院党委管理员）' },
      { row: 4, field: 'phone', message: '手机号「123」格式不正确' },
      { row: 5, field: 'partyGroup', message: '支部「心内科党支部」下没有党小组「医生党小组」' },
    ]);
  });

  it('allows one secretary per branch in a file', () => {
    const result = validateRoster(
      [HEADER, ['甲', 'H1', '骨科', '骨科党支部', '', '书记', ''], ['乙', 'H2', '骨科', '骨科党支部', '', '支部书记', '']],
      ctx(),
    );
    expect(result).toMatchObject({ ok: false, errors: [{ row: 3, field: 'role', message: '支部「骨科党支部」的书记已在第 2 行指定' }] });
  });

  it('keeps a branch within 50 members counting those already there', () => {
    const rows = Array.from({ length: 11 }, (_, i) => [`人${i}`, `E${100 + i}`, '骨科', '骨科党支部', '', '', '']);
    const result = validateRoster([HEADER, ...rows], ctx({ otherMembersPerBranch: (b) => (b === 'b2' ? 40 : 0) }));
    expect(result).toMatchObject({ ok: false, errors: [{ row: 12, field: 'branch', message: '该支部导入后将有 51 人，超过上限 50 人' }] });
    const ok = validateRoster([HEADER, ...rows.slice(0, 10)], ctx({ otherMembersPerBranch: (b) => (b === 'b2' ? 40 : 0) }));
    expect(ok.ok).toBe(true);
  });

  it('lets a committee admin row have no branch', () => {
    const result = validateRoster([HEADER, ['周立群', 'A01', '党办', '', '', '院党委管理员', '']], ctx());
    expect(result).toMatchObject({ ok: true, records: [{ role: 'committee_admin', branchId: null }] });
  });

  it('refuses more than 5000 rows', () => {
    const rows = Array.from({ length: 5001 }, (_, i) => [`人${i}`, `E${i}`, '骨科', '骨科党支部']);
    expect(validateRoster([HEADER, ...rows], ctx())).toMatchObject({ ok: false, headerError: '一次最多导入 5000 行' });
  });
});
