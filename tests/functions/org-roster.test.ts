import { orgFunction } from '../../cloudfunctions/org/src/handler';
import type { Member, MemberMove } from '../../src/domain/org/types';
import { ADMIN, makeWorld, type FunctionWorld, requestId } from './harness';
import { B1, B2, csvBase64, officers } from './org-fixtures';
import { xlsxFromRows } from './xlsx-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

const HEADER = ['姓名', '工号', '科室', '支部', '党小组', '角色', '手机号'];
const memberCount = () => world.storage.collection('members').count({});

async function importAll(fileName: string, contentBase64: string) {
  const validation = await world.ok(orgFunction, ADMIN, 'roster.validate', { fileName, contentBase64 });
  if (!validation.valid) return { validation, job: null };
  let job = await world.ok(orgFunction, ADMIN, 'roster.apply', { jobId: validation.jobId });
  const seen = [job.applied];
  while (job.status !== 'done') {
    job = await world.ok(orgFunction, ADMIN, 'roster.apply', { jobId: validation.jobId });
    seen.push(job.applied);
  }
  return { validation, job, seen };
}

describe('roster import', () => {
  it('imports a csv, then importing again updates instead of duplicating', async () => {
    const before = await memberCount();
    const rows = [HEADER, ['孙一', 'R0001', '心血管内科', '心血管内科党支部', '护理党小组', '', '13900001111'], ['孙二', 'R0002', '骨科', '骨科党支部', '', '党员', '']];
    const first = await importAll('名单.csv', csvBase64(rows));
    expect(first.validation).toMatchObject({ valid: true, total: 2, creates: 2, updates: 0 });
    expect(first.job).toMatchObject({ status: 'done', applied: 2 });
    expect(await memberCount()).toBe(before + 2);

    rows[2] = ['孙二', 'R0002', '骨科', '心血管内科党支部', '', '党员', ''];
    const second = await importAll('名单.csv', csvBase64(rows));
    expect(second.validation).toMatchObject({ valid: true, creates: 0, updates: 2, moves: 1 });
    expect(await memberCount()).toBe(before + 2);
    const moved = await world.storage.collection<Member>('members').get('m_R0002');
    expect(moved).toMatchObject({ branchId: B1, department: '骨科' });
    const moves = await world.storage.collection<MemberMove>('memberHistory').find({ memberId: 'm_R0002' });
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ toBranchId: B1, reason: '花名册导入' });
  });

  it('reports a bad row and imports nothing', async () => {
    const before = await memberCount();
    const rows = [HEADER, ['孙一', 'R0001', '心血管内科', '心血管内科党支部', '', '', ''], ['孙二', 'R0002', '骨科', '火星党支部', '', '', '']];
    const { validation, job } = await importAll('名单.csv', csvBase64(rows));
    expect(job).toBeNull();
    expect(validation).toEqual({
      valid: false,
      headerError: null,
      total: 2,
      errors: [{ row: 3, field: 'branch', column: '支部', message: '支部「火星党支部」不存在，请先在组织管理中创建' }],
    });
    expect(await memberCount()).toBe(before);
  });

  it('reads xlsx with employee numbers as text and shows progress in batches', async () => {
    const rows = [HEADER, ...Array.from({ length: 30 }, (_, i) => [`批量${i}`, `0${7000 + i}`, '检验科', '检验科党支部', '', '', ''])];
    const base64 = await xlsxFromRows(rows);
    // The demo 检验科 has 12 members; 30 more stays within the 50-member limit.
    const result = await importAll('roster.xlsx', base64);
    expect(result.validation).toMatchObject({ valid: true, creates: 30 });
    expect(await world.storage.collection<Member>('members').get('m_07000')).toMatchObject({ employeeNo: '07000', name: '批量0' });
  });

  it('applies large files in batches of 100 and a repeated apply is harmless', async () => {
    // 200 rows over four new branches of 50 (the branch limit).
    const branchNames = ['甲党支部', '乙党支部', '丙党支部', '丁党支部'];
    for (const name of branchNames) await world.ok(orgFunction, ADMIN, 'branch.create', { name, department: '行政', requestId: requestId() });
    const rows = [HEADER, ...Array.from({ length: 200 }, (_, i) => [`人员${i}`, `P${1000 + i}`, '行政', branchNames[i % 4], '', '', ''])];
    const result = await importAll('big.csv', csvBase64(rows));
    expect(result.seen).toEqual([100, 200]);
    const again = await world.ok(orgFunction, ADMIN, 'roster.apply', { jobId: result.validation.jobId });
    expect(again).toMatchObject({ status: 'done', applied: 200 });
    expect(await world.storage.collection('members').count({ employeeNo: { $gte: 'P1000', $lte: 'P1199' } })).toBe(200);
  });

  it('refuses wrong columns, unreadable and oversized files with clear messages', async () => {
    const missing = await world.ok(orgFunction, ADMIN, 'roster.validate', { fileName: 'a.csv', contentBase64: csvBase64([['名字', '电话'], ['甲', '1']]) });
    expect(missing).toMatchObject({ valid: false, headerError: '缺少必填列：姓名、工号、科室、支部' });
    expect(await world.call(orgFunction, ADMIN, 'roster.validate', { fileName: 'a.pdf', contentBase64: 'AAAA' })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '仅支持 xlsx 或 csv 文件' });
    expect(await world.call(orgFunction, ADMIN, 'roster.validate', { fileName: 'a.xlsx', contentBase64: Buffer.from('not a workbook at all').toString('base64') })).toMatchObject({ ok: false, code: 'ROSTER_FILE_UNREADABLE', message: '无法读取文件，请上传 xlsx 或 csv' });
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 65).toString('base64');
    expect(await world.call(orgFunction, ADMIN, 'roster.validate', { fileName: 'a.csv', contentBase64: big })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '文件过大（上限 2 MB）' });
  });

  it('reads a GB18030 csv as saved by Excel on Chinese Windows', async () => {
    const text = [HEADER.join(','), '孙三,R0003,骨科,骨科党支部,,,'].join('\r\n');
    // Node has no GB18030 encoder, so the test builds the bytes by inverting the decoder.
    const bytes = encodeGb18030(text);
    const result = await world.ok(orgFunction, ADMIN, 'roster.validate', { fileName: 'a.csv', contentBase64: bytes.toString('base64') });
    expect(result).toMatchObject({ valid: true, creates: 1 });
  });

  it('only the committee imports; jobs belong to their creator', async () => {
    const { secretary } = await officers(world, B2);
    const content = csvBase64([HEADER, ['孙一', 'R0001', '骨科', '骨科党支部', '', '', '']]);
    expect(await world.call(orgFunction, secretary.openid, 'roster.validate', { fileName: 'a.csv', contentBase64: content })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const v = await world.ok(orgFunction, ADMIN, 'roster.validate', { fileName: 'a.csv', contentBase64: content });
    expect(await world.call(orgFunction, secretary.openid, 'roster.apply', { jobId: v.jobId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

/** Encodes text as GB18030 by searching the decoder (tiny input, test-only). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    let found = false;
    for (let hi = 0x81; hi <= 0xfe && !found; hi++) {
      for (let lo = 0x40; lo <= 0xfe && !found; lo++) {
        if (decoder.decode(new Uint8Array([hi, lo])) === ch) {
          out.push(hi, lo);
          found = true;
        }
      }
    }
    if (!found) throw new Error(`cannot encode ${ch}`);
  }
  return Buffer.from(out);
}
