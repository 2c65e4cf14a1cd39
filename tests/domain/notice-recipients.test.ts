import { resolveRecipients } from '../../src/domain/notice/audience';
import { excuseLabel, expectedReaders, needsReminder, readRate } from '../../src/domain/notice/rules';
import type { Receipt } from '../../src/domain/notice/types';
import type { Member } from '../../src/domain/org/types';

const member = (id: string, over: Partial<Member> = {}): Member => ({
  _id: id,
  name: id,
  employeeNo: id,
  department: '心内科',
  branchId: 'b1',
  partyGroupId: null,
  role: 'member',
  phone: null,
  openid: `o_${id}`,
  boundAt: 0,
  status: 'active',
  createdAt: 0,
  updatedAt: 0,
  ...over,
} as Member);

const receipt = (memberId: string, over: Partial<Receipt> = {}): Receipt => ({
  _id: `n1:${memberId}`,
  noticeId: 'n1',
  memberId,
  memberName: memberId,
  branchId: 'b1',
  partyGroupId: null,
  publishedAt: 0,
  readAt: null,
  ackAt: null,
  excused: false,
  excuseReason: null,
  remindCount: 0,
  remindedAt: null,
  ...over,
});

describe('the publisher is not her own recipient', () => {
  const roster = [member('sec', { role: 'secretary' }), member('a'), member('b'), member('other', { branchId: 'b2' })];

  it('leaves the author out of a branch, a hospital-wide and a chosen-members audience', () => {
    expect(resolveRecipients({ kind: 'branch', branchId: 'b1' }, roster, [], 'sec').map((m) => m._id)).toEqual(['a', 'b']);
    expect(resolveRecipients({ kind: 'all' }, roster, [], 'sec').map((m) => m._id)).toEqual(['a', 'b', 'other']);
    expect(resolveRecipients({ kind: 'branches', branchIds: ['b1'] }, roster, [], 'a').map((m) => m._id)).toEqual(['sec', 'b']);
    expect(resolveRecipients({ kind: 'members', branchId: 'b1', memberIds: ['sec', 'a'] }, roster, [], 'sec').map((m) => m._id)).toEqual(['a']);
  });

  it('refuses an audience of only the author', () => {
    expect(() => resolveRecipients({ kind: 'members', branchId: 'b1', memberIds: ['sec'] }, roster, [], 'sec')).toThrow('除你之外');
  });
});

describe('members who never bound WeChat', () => {
  const rows = [receipt('a', { readAt: 1 }), receipt('b'), receipt('c'), receipt('d', { excused: true, excuseReason: '夜班' })];
  const unbound = new Set(['c', 'd']);

  it('are out of the rate (an excused one counts as excused) and never reminded', () => {
    const counts = readRate(rows, unbound);
    expect(counts).toEqual({ recipients: 4, read: 1, unread: 1, acknowledged: 0, excused: 1, unbound: 1, ratePercent: 50 });
    expect(expectedReaders(counts)).toBe(2);
    expect(rows.filter((r) => needsReminder({ requireAck: false }, r, unbound)).map((r) => r.memberId)).toEqual(['b']);
  });

  it('count normally once bound', () => {
    expect(readRate(rows)).toMatchObject({ unread: 2, unbound: 0, ratePercent: 33.3 });
  });
});

describe('an excused member\'s state', () => {
  it('reads as the reason given, never 请假：请假', () => {
    expect(excuseLabel('请假')).toBe('请假');
    expect(excuseLabel(null)).toBe('请假');
    expect(excuseLabel('夜班：周三夜班')).toBe('夜班：周三夜班');
    expect(excuseLabel('外出培训')).toBe('免读：外出培训');
  });
});
