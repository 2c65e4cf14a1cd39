import { WECOM_USER_ID } from '../reach/settings';
import { ORG_LIMITS } from './limits';
import type { Role } from './types';

/**
 * Roster import rules. Input is the sheet as a grid of cells (first row = headers), already read from
 * xlsx or csv by an adapter; output is either every row's errors or the validated records. Nothing is
 * written unless the whole file is valid.
 */

export type RosterField = 'name' | 'employeeNo' | 'department' | 'branch' | 'partyGroup' | 'role' | 'phone' | 'wecomUserId';

/** Accepted header spellings per field (Chinese first: that is what hospitals' sheets use). */
const HEADER_ALIASES: Record<RosterField, string[]> = {
  name: ['姓名', 'name'],
  employeeNo: ['工号', '员工号', '职工号', 'employeeno', 'employee_no'],
  department: ['科室', '部门', 'department'],
  branch: ['支部', '所在支部', '党支部', 'branch'],
  partyGroup: ['党小组', '小组', 'partygroup', 'party_group'],
  role: ['角色', '职务', 'role'],
  phone: ['手机', '手机号', '联系电话', 'phone'],
  wecomUserId: ['企业微信账号', '企业微信', '企微账号', '企业微信userid', 'wecomuserid', 'wecom'],
};

export const REQUIRED_FIELDS: RosterField[] = ['name', 'employeeNo', 'department', 'branch'];

export const FIELD_LABELS: Record<RosterField, string> = {
  name: '姓名',
  employeeNo: '工号',
  department: '科室',
  branch: '支部',
  partyGroup: '党小组',
  role: '角色',
  phone: '手机号',
  wecomUserId: '企业微信账号',
};

const ROLE_ALIASES: Record<string, Role> = {
  '': 'member',
  党员: 'member',
  member: 'member',
  支部书记: 'secretary',
  书记: 'secretary',
  secretary: 'secretary',
  支委: 'branch_committee',
  支部委员: 'branch_committee',
  branch_committee: 'branch_committee',
  院党委管理员: 'committee_admin',
  党办: 'committee_admin',
  committee_admin: 'committee_admin',
};

/** A type alias (not an interface) so it can be stored as a plain JSON document. */
export type RosterRecord = {
  /** 1-based row number in the sheet (header is row 1), for messages. */
  row: number;
  name: string;
  employeeNo: string;
  department: string;
  branchId: string | null;
  partyGroupId: string | null;
  role: Role;
  phone: string | null;
  /** 企业微信账号; null leaves the member's current account as it is (one resolved from the mobile stays). */
  wecomUserId: string | null;
};

export interface RowError {
  row: number;
  field: RosterField | null;
  message: string;
}

/** What the validator needs to know about the current organisation. */
export interface RosterContext {
  /** Active branches by exact name. */
  branchIdByName: ReadonlyMap<string, string>;
  /** Active party groups: key `${branchId}/${groupName}`. */
  groupIdByKey: ReadonlyMap<string, string>;
  /** Active member counts per branch, excluding members listed in the file (they are re-counted). */
  otherMembersPerBranch: (branchId: string, employeeNosInFile: ReadonlySet<string>) => number;
}

export type RosterResult =
  | { ok: true; records: RosterRecord[] }
  | { ok: false; headerError: string | null; errors: RowError[] };

const normaliseHeader = (h: string) => h.replace(/\s+/g, '').toLowerCase();
const clean = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Maps each field to its column index, or reports which required columns are missing. */
export function mapHeaders(header: unknown[]): { columns: Partial<Record<RosterField, number>>; missing: RosterField[] } {
  const columns: Partial<Record<RosterField, number>> = {};
  header.forEach((cell, index) => {
    const h = normaliseHeader(clean(cell));
    for (const field of Object.keys(HEADER_ALIASES) as RosterField[]) {
      if (columns[field] === undefined && HEADER_ALIASES[field].includes(h)) columns[field] = index;
    }
  });
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  return { columns, missing };
}

const isBlankRow = (row: unknown[]) => row.every((c) => clean(c) === '');

export function validateRoster(grid: unknown[][], ctx: RosterContext): RosterResult {
  if (grid.length === 0) return { ok: false, headerError: '文件为空', errors: [] };
  const { columns, missing } = mapHeaders(grid[0]);
  if (missing.length > 0) {
    const names = missing.map((f) => FIELD_LABELS[f]).join('、');
    return { ok: false, headerError: `缺少必填列：${names}`, errors: [] };
  }
  const body = grid.slice(1).map((cells, i) => ({ cells, row: i + 2 })).filter((r) => !isBlankRow(r.cells));
  if (body.length === 0) return { ok: false, headerError: '文件中没有数据行', errors: [] };
  if (body.length > ORG_LIMITS.rosterMaxRows) {
    return { ok: false, headerError: `一次最多导入 ${ORG_LIMITS.rosterMaxRows} 行`, errors: [] };
  }

  const errors: RowError[] = [];
  const records: RosterRecord[] = [];
  const firstRowByEmployeeNo = new Map<string, number>();
  const secretaryRowByBranch = new Map<string, number>();
  const cell = (cells: unknown[], f: RosterField) => (columns[f] === undefined ? '' : clean(cells[columns[f]!]));

  for (const { cells, row } of body) {
    const rowErrors: RowError[] = [];
    const err = (field: RosterField | null, message: string) => rowErrors.push({ row, field, message });
    const name = cell(cells, 'name');
    const employeeNo = cell(cells, 'employeeNo');
    const department = cell(cells, 'department');
    const branchName = cell(cells, 'branch');
    const groupName = cell(cells, 'partyGroup');
    const roleText = cell(cells, 'role');
    const phoneText = cell(cells, 'phone').replace(/[\s-]/g, '');
    const wecomText = cell(cells, 'wecomUserId');

    if (!name) err('name', '姓名不能为空');
    else if (name.length > ORG_LIMITS.nameMaxLength) err('name', `姓名不能超过 ${ORG_LIMITS.nameMaxLength} 个字`);
    if (!employeeNo) err('employeeNo', '工号不能为空');
    else if (!ORG_LIMITS.employeeNoPattern.test(employeeNo)) err('employeeNo', `工号「${employeeNo}」格式不正确（2–20 位字母、数字或连字符）`);
    else if (firstRowByEmployeeNo.has(employeeNo)) {
      err('employeeNo', `工号「${employeeNo}」与第 ${firstRowByEmployeeNo.get(employeeNo)} 行重复`);
    } else firstRowByEmployeeNo.set(employeeNo, row);
    if (!department) err('department', '科室不能为空');
    else if (department.length > ORG_LIMITS.nameMaxLength) err('department', '科室名称过长');

    const role = ROLE_ALIASES[roleText] ?? ROLE_ALIASES[roleText.toLowerCase()];
    if (!role) err('role', `角色「${roleText}」无法识别（可填：党员、支部书记、支委、院党委管理员）`);

    let branchId: string | null = null;
    if (!branchName) {
      if (role !== 'committee_admin') err('branch', '支部不能为空');
    } else {
      branchId = ctx.branchIdByName.get(branchName) ?? null;
      if (!branchId) err('branch', `支部「${branchName}」不存在，请先在组织管理中创建`);
    }

    let partyGroupId: string | null = null;
    if (groupName && branchId) {
      partyGroupId = ctx.groupIdByKey.get(`${branchId}/${groupName}`) ?? null;
      if (!partyGroupId) err('partyGroup', `支部「${branchName}」下没有党小组「${groupName}」`);
    }

    if (role === 'secretary' && branchId) {
      const first = secretaryRowByBranch.get(branchId);
      if (first !== undefined) err('role', `支部「${branchName}」的书记已在第 ${first} 行指定`);
      else secretaryRowByBranch.set(branchId, row);
    }

    let phone: string | null = null;
    if (phoneText) {
      if (!ORG_LIMITS.phonePattern.test(phoneText)) err('phone', `手机号「${phoneText}」格式不正确`);
      else phone = phoneText;
    }

    if (wecomText && !WECOM_USER_ID.test(wecomText)) err('wecomUserId', `企业微信账号「${wecomText}」格式不正确（1–64 位字母、数字或 _ - . @）`);

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else records.push({ row, name, employeeNo, department, branchId, partyGroupId, role: role!, phone, wecomUserId: wecomText || null });
  }

  // Branch size is a whole-file rule: checked once the rows are known.
  const inFile = new Set(firstRowByEmployeeNo.keys());
  const perBranch = new Map<string, RosterRecord[]>();
  for (const r of records) {
    if (!r.branchId) continue;
    const rows = perBranch.get(r.branchId);
    if (rows) rows.push(r);
    else perBranch.set(r.branchId, [r]);
  }
  for (const [branchId, rows] of perBranch) {
    const total = rows.length + ctx.otherMembersPerBranch(branchId, inFile);
    if (total > ORG_LIMITS.branchMaxMembers) {
      const last = rows[rows.length - 1];
      errors.push({ row: last.row, field: 'branch', message: `该支部导入后将有 ${total} 人，超过上限 ${ORG_LIMITS.branchMaxMembers} 人` });
    }
  }

  if (errors.length > 0) return { ok: false, headerError: null, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, records };
}
