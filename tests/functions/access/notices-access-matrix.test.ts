import { noticesFunction } from '../../../cloudfunctions/notices/src/handler';
import { noticesInput } from '../../../src/domain/api/notices';
import { requestId } from '../harness';
import { accessMatrix, everyoneBound, officersOfA, row, type AccessRow } from './matrix';
import { BRANCH_A, GROUP_1 } from './scene';

/**
 * The scene's notice: from A's committee member to party group 1 of branch A (A's secretary is in
 * group 1), with acknowledgement. Members it was not addressed to get NOT_FOUND (the id reveals
 * nothing), officers of other branches too; A's officers and the committee may open and track it, but
 * only recipients acknowledge.
 */
const trackers = row({ ...officersOfA, memberA2: 'FORBIDDEN', memberB: 'FORBIDDEN', secretaryB: 'FORBIDDEN' }, 'FORBIDDEN');

const NOTICES: Record<string, AccessRow> = {
  inbox: { input: () => ({}), expect: row(everyoneBound) },
  open: { input: (s) => ({ noticeId: s.noticeId }), expect: row({ memberA1: 'ok', ...officersOfA }, 'NOT_FOUND') },
  ack: { input: (s) => ({ noticeId: s.noticeId }), expect: row({ memberA1: 'ok', secretaryA: 'ok', committeeA: 'FORBIDDEN', admin: 'FORBIDDEN' }, 'NOT_FOUND') },
  publish: {
    input: () => ({ title: '新通知', body: '正文', audience: { kind: 'groups', branchId: BRANCH_A, groupIds: [GROUP_1] }, requestId: requestId() }),
    expect: row(officersOfA),
  },
  update: { input: (s) => ({ noticeId: s.noticeId, title: '更正后的标题', body: '更正后的正文' }), expect: trackers },
  withdraw: { input: (s) => ({ noticeId: s.noticeId }), expect: trackers },
  sent: { input: () => ({}), expect: row(everyoneBound) },
  track: { input: (s) => ({ noticeId: s.noticeId }), expect: trackers },
  rollup: { input: (s) => ({ noticeId: s.noticeId }), expect: trackers },
  // A 30-minute cooldown per notice: each allowed caller reminds in a scene of their own.
  remind: { input: (s) => ({ noticeId: s.noticeId }), expect: trackers, fresh: true },
  reachReport: { input: (s) => ({ noticeId: s.noticeId }), expect: trackers },
  excuse: { input: (s) => ({ noticeId: s.noticeId, memberId: s.member.memberA1._id, excused: true, reason: '夜班' }), expect: trackers },
  export: { input: (s) => ({ noticeId: s.noticeId }), expect: trackers },
  subscribe: { input: () => ({ accepted: 1 }), expect: row(everyoneBound) },
};

accessMatrix('notices', noticesFunction, Object.keys(noticesInput), NOTICES);
