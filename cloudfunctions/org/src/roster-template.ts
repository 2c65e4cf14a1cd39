import type { OrgOutput } from '../../../src/domain/api/org';
import { canImportRoster } from '../../../src/domain/org/policies';
import { FIELD_LABELS, REQUIRED_FIELDS, type RosterField } from '../../../src/domain/org/roster';
import { ROLE_LABELS, type Branch, type PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { loadExcel } from '../../_runtime/spreadsheet/excel';

/** The columns in the order the import page lists them. */
const ORDER: RosterField[] = ['name', 'employeeNo', 'department', 'branch', 'partyGroup', 'role', 'phone', 'wecomUserId'];

export const ROSTER_TEMPLATE_NAME = '花名册导入模板.xlsx';

/**
 * `roster.template`: an xlsx with the header row the import reads and one example row that names a real
 * branch and party group of this hospital (so it validates as written), plus a sheet explaining each
 * column. 工号 and 手机号 are text cells, so leading zeros survive Excel.
 */
export async function rosterTemplate(_input: unknown, ctx: FunctionContext): Promise<OrgOutput['roster.template']> {
  const { actor } = await requireActor(ctx);
  authorise(canImportRoster(actor));
  const [branch] = await ctx.storage.collection<Branch>('branches').find({ status: 'active' }, { orderBy: [['name', 'asc']], limit: 1 });
  const [group] = branch ? await ctx.storage.collection<PartyGroup>('partyGroups').find({ branchId: branch._id, status: 'active' }, { orderBy: [['name', 'asc']], limit: 1 }) : [];
  const example: Record<RosterField, string> = {
    name: '张三',
    employeeNo: '000123',
    department: branch?.department ?? '心血管内科',
    branch: branch?.name ?? '心血管内科党支部',
    partyGroup: group?.name ?? '',
    role: ROLE_LABELS.member,
    phone: '13800000000',
    wecomUserId: 'zhangsan',
  };

  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  book.creator = '微支部';
  const sheet = book.addWorksheet('花名册');
  sheet.columns = ORDER.map((field) => ({ header: FIELD_LABELS[field], key: field, width: field === 'branch' || field === 'wecomUserId' ? 22 : 14, style: { numFmt: '@' } }));
  sheet.addRow(ORDER.map((field) => example[field]));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  ORDER.forEach((field, i) => {
    if (REQUIRED_FIELDS.includes(field)) header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
  });
  sheet.getRow(2).font = { color: { argb: 'FF808080' }, italic: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const help = book.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'column', width: 12 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'note', width: 60 },
  ];
  const notes: Record<RosterField, string> = {
    name: '党员姓名',
    employeeNo: '医院工号，每人唯一；再次导入按工号更新',
    department: '所在科室',
    branch: '须与组织管理中的支部名称一致',
    partyGroup: '须是该支部已建的党小组，可留空',
    role: '党员、支部书记、支委、院党委管理员；留空为党员',
    phone: '可留空；填写后，未填企业微信账号的党员可按手机号接收企业微信提醒，紧急通知可发短信',
    wecomUserId: '企业微信中的账号（UserID，在企业微信管理后台“通讯录”中查看），可留空；留空时按手机号匹配，再次导入留空不会清除已有账号',
  };
  ORDER.forEach((field) => help.addRow({ column: FIELD_LABELS[field], required: REQUIRED_FIELDS.includes(field) ? '必填' : '选填', note: notes[field] }));
  help.addRow({});
  help.addRow({ column: '注意', note: '“花名册”表第 2 行为示例，导入前请删除或改为真实人员。' });
  help.getRow(1).font = { bold: true };

  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: ROSTER_TEMPLATE_NAME, base64: buffer.toString('base64') };
}
