/** Organisation documents as stored; shared by functions and the client (responses reuse them). */

export const ROLES = ['member', 'secretary', 'branch_committee', 'committee_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  branch_committee: '支委',
  committee_admin: '院党委管理员',
};

export type OrgStatus = 'active' | 'archived';

export interface Branch {
  _id: string;
  name: string;
  department: string;
  status: OrgStatus;
  /** HH:mm in the branch's time zone; the daily lesson opens then. */
  releaseTime: string;
  timeZone: string;
  createdAt: number;
  updatedAt: number;
  [key: string]: string | number | boolean | null | undefined;
}

export interface PartyGroup {
  _id: string;
  branchId: string;
  name: string;
  status: OrgStatus;
  createdAt: number;
  [key: string]: string | number | boolean | null | undefined;
}

export type MemberStatus = 'active' | 'left';

export interface Member {
  _id: string;
  name: string;
  /** Hospital employee number (工号): the member's natural key, unique. */
  employeeNo: string;
  department: string;
  /** Null only for committee admins who sit above every branch. */
  branchId: string | null;
  partyGroupId: string | null;
  role: Role;
  phone: string | null;
  /** 企业微信账号 (issue 11); absent on members imported before the column existed. */
  wecomUserId?: string | null;
  /** WeChat OPENID (or the local host's session identity) once bound. */
  openid: string | null;
  boundAt: number | null;
  status: MemberStatus;
  createdAt: number;
  updatedAt: number;
  [key: string]: string | number | boolean | null | undefined;
}

/** One row per move between branches or groups, so history survives the move. */
export interface MemberMove {
  _id: string;
  memberId: string;
  fromBranchId: string | null;
  toBranchId: string | null;
  fromGroupId: string | null;
  toGroupId: string | null;
  reason: string;
  by: string;
  at: number;
  [key: string]: string | number | boolean | null | undefined;
}

export interface Invite {
  /** The code itself is the id, so lookup is one read and codes are unique. */
  _id: string;
  branchId: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  uses: number;
  [key: string]: string | number | boolean | null | undefined;
}

/** Who is calling, as resolved from the platform identity. */
export interface Actor {
  memberId: string;
  role: Role;
  branchId: string | null;
}
