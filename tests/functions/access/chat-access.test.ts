import { chatFunction } from '../../../cloudfunctions/chat/src/handler';
import { chatInput } from '../../../src/domain/api/chat';
import { requestId } from '../harness';
import { accessMatrix, officersOfA, row, type AccessRow } from './matrix';
import { BRANCH_A, type Scene } from './scene';

/**
 * Branch A's chat, naming the branch explicitly (only committee admins may read or post in a branch not
 * their own). Rows that address a message use the one member A1 sent just before (seq in `sent`).
 */
const readersOfA = { memberA1: 'ok', memberA2: 'ok', ...officersOfA } as const;
const everyoneBound = { memberA1: 'ok', memberA2: 'ok', memberB: 'ok', secretaryA: 'ok', secretaryB: 'ok', committeeA: 'ok', admin: 'ok' } as const;
const sent = new WeakMap<Scene, number>();
const withMessage = async (s: Scene) => {
  const message = await s.world.ok(chatFunction, s.openid.memberA1, 'send', { branchId: BRANCH_A, clientMsgId: requestId(), text: '大家好' });
  sent.set(s, message.message.seq);
};
const seqOf = (s: Scene) => sent.get(s)!;

const CHAT: Record<string, AccessRow> = {
  badge: { input: () => ({}), expect: row(everyoneBound) },
  open: { input: () => ({ branchId: BRANCH_A }), expect: row(readersOfA) },
  list: { input: () => ({ branchId: BRANCH_A }), expect: row(readersOfA) },
  sync: { input: () => ({ branchId: BRANCH_A, afterRev: 0 }), expect: row(readersOfA) },
  read: { input: () => ({ branchId: BRANCH_A, seq: 0 }), expect: row(readersOfA) },
  send: { input: () => ({ branchId: BRANCH_A, clientMsgId: requestId(), text: '收到' }), expect: row(readersOfA) },
  recall: { input: (s) => ({ branchId: BRANCH_A, seq: seqOf(s) }), expect: row({ memberA1: 'ok' }), prepare: withMessage },
  remove: { input: (s) => ({ branchId: BRANCH_A, seq: seqOf(s), reason: '与工作无关' }), expect: row(officersOfA), prepare: withMessage, fresh: true },
  pin: { input: (s) => ({ branchId: BRANCH_A, seq: seqOf(s) }), expect: row(officersOfA), prepare: withMessage, fresh: true },
  unpin: { input: () => ({ branchId: BRANCH_A }), expect: row(officersOfA) },
  mentionables: { input: () => ({ branchId: BRANCH_A }), expect: row(readersOfA) },
  toNotice: { input: (s) => ({ branchId: BRANCH_A, seq: seqOf(s) }), expect: row(officersOfA), prepare: withMessage },
  audit: { input: () => ({ branchId: BRANCH_A }), expect: row({ admin: 'ok' }) },
};

accessMatrix('chat', chatFunction, Object.keys(chatInput), CHAT);
