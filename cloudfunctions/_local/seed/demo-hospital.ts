import type { Branch, Member, PartyGroup, Role } from '../../../src/domain/org/types';
import type { Storage } from '../../_runtime/storage/port';
import { memberIdFor } from '../../_runtime/ids';
import { makeNamer, seededRandom } from './names';

/**
 * The demo hospital: one committee, 14 micro-branches built on clinical departments (the size one
 * hospital reached after splitting 5 big branches), party groups in the larger branches, about 280
 * members. About one in six members is left unbound so the binding flow can be tried.
 */
export const DEMO_COMMITTEE_NAME = '示范市第一人民医院党委';

const BRANCHES: Array<{ dept: string; size: number; groups: string[] }> = [
  { dept: '心血管内科', size: 26, groups: ['医生党小组', '护理党小组'] },
  { dept: '呼吸与危重症医学科', size: 22, groups: [] },
  { dept: '消化内科', size: 18, groups: [] },
  { dept: '神经内科', size: 20, groups: [] },
  { dept: '普通外科', size: 28, groups: ['医生党小组', '护理党小组'] },
  { dept: '骨科', size: 19, groups: [] },
  { dept: '妇产科', size: 24, groups: ['产科党小组', '妇科党小组'] },
  { dept: '儿科', size: 17, groups: [] },
  { dept: '急诊科', size: 23, groups: ['医生党小组', '护理党小组'] },
  { dept: '重症医学科', size: 16, groups: [] },
  { dept: '麻醉手术科', size: 21, groups: [] },
  { dept: '医学影像科', size: 15, groups: [] },
  { dept: '检验科', size: 12, groups: [] },
  { dept: '护理部', size: 18, groups: [] },
];

export const isSeeded = async (storage: Storage): Promise<boolean> =>
  (await storage.collection('settings').get('organisation')) !== null;

/** The demo hospital has been running for a while: members joined and bound weeks ago, so they have
 * catch-up days and history rather than starting on the day the demo was installed. */
const DEMO_HISTORY_MS = 30 * 24 * 60 * 60 * 1000;

export async function seedDemoHospital(storage: Storage, now: number): Promise<{ branches: number; members: number }> {
  const since = now - DEMO_HISTORY_MS;
  const random = seededRandom(20261122);
  const nextName = makeNamer(random);
  const branches: Branch[] = [];
  const groups: PartyGroup[] = [];
  const members: Member[] = [];
  let employeeSeq = 1001;

  const member = (name: string, department: string, branchId: string | null, groupId: string | null, role: Role, bound: boolean): Member => {
    const employeeNo = `H${String(employeeSeq++).padStart(5, '0')}`;
    const id = memberIdFor(employeeNo);
    return {
      _id: id,
      name,
      employeeNo,
      department,
      branchId,
      partyGroupId: groupId,
      role,
      phone: `139${String(10000000 + Math.floor(random() * 89999999)).slice(0, 8)}`,
      openid: bound ? `demo:${id}` : null,
      boundAt: bound ? since : null,
      status: 'active',
      createdAt: since,
      updatedAt: since,
    };
  };

  members.push(member('周立群', '党委办公室', null, null, 'committee_admin', true));
  BRANCHES.forEach((spec, i) => {
    const branchId = `b_demo${String(i + 1).padStart(2, '0')}`;
    branches.push({
      _id: branchId,
      name: `${spec.dept}党支部`,
      department: spec.dept,
      status: 'active',
      releaseTime: '07:00',
      timeZone: 'Asia/Shanghai',
      createdAt: since,
      updatedAt: since,
    });
    const groupIds = spec.groups.map((name, g) => {
      const id = `g_demo${String(i + 1).padStart(2, '0')}${g + 1}`;
      groups.push({ _id: id, branchId, name, status: 'active', createdAt: since });
      return id;
    });
    for (let k = 0; k < spec.size; k++) {
      const role: Role = k === 0 ? 'secretary' : k === 1 ? 'branch_committee' : 'member';
      const groupId = groupIds.length ? groupIds[k % groupIds.length] : null;
      // Officers are always bound; about 1 in 6 members has not bound WeChat yet.
      const bound = role !== 'member' || random() > 0.16;
      members.push(member(nextName(), spec.dept, branchId, groupId, role, bound));
    }
  });

  await storage.atomically(async () => {
    await storage.collection<Branch>('branches').insertMany(branches);
    await storage.collection<PartyGroup>('partyGroups').insertMany(groups);
    await storage.collection<Member>('members').insertMany(members);
    await storage.collection('settings').put({ _id: 'organisation', committeeName: DEMO_COMMITTEE_NAME, demo: true, seededAt: now });
  });
  return { branches: branches.length, members: members.length };
}
