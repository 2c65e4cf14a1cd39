import type { MeView } from '../../src/domain/api/org';
import type { Role } from '../../src/domain/org/types';

/** 李娜 of 心血管内科党支部, bound, as `org/me` answers for her; a plain member unless `role` says otherwise. */
export const memberMe = (role: Role = 'member'): MeView => ({
  bound: true,
  demo: false,
  member: { _id: 'm-1', name: '李娜', employeeNo: 'H1', department: '心内科', branchId: 'b-1', partyGroupId: null, role, phone: null, bound: true, status: 'active' },
  branch: { _id: 'b-1', name: '心血管内科党支部', department: '心内科', releaseTime: '07:00' },
  group: null,
  committeeName: '医院党委',
});

/** Text with runs of white space folded to one space, trimmed: what a reader sees. */
export const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
