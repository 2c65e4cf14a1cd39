import type { ChatMessageView } from '../../src/domain/api/chat';
import { excerptOf, menuFor } from '../../src/pages/chat/message-menu';

const m = (over: Partial<ChatMessageView> = {}): ChatMessageView => ({
  seq: 5, rev: 5, clientMsgId: 'c0123456789abcdef', senderId: 'm-2', senderName: '王建国', kind: 'text', text: '你好', image: null, quote: null,
  mentions: [], mentionAll: false, state: 'visible', createdAt: 0, mine: false, recallUntil: 120_000, ...over,
});

test('a member: copy and reply on others’ messages; recall only on their own within the window', () => {
  expect(menuFor(m(), { canModerate: false, pinnedSeq: null, now: 0 })).toEqual(['copy', 'reply']);
  expect(menuFor(m({ mine: true }), { canModerate: false, pinnedSeq: null, now: 119_999 })).toEqual(['copy', 'reply', 'recall']);
  expect(menuFor(m({ mine: true }), { canModerate: false, pinnedSeq: null, now: 120_000 })).toEqual(['copy', 'reply']);
});

test('an officer: pin or unpin, to notice, remove; never more than six', () => {
  expect(menuFor(m(), { canModerate: true, pinnedSeq: null, now: 0 })).toEqual(['copy', 'reply', 'pin', 'notice', 'remove']);
  const own = menuFor(m({ mine: true }), { canModerate: true, pinnedSeq: 5, now: 0 });
  expect(own).toEqual(['copy', 'reply', 'recall', 'unpin', 'notice', 'remove']);
  expect(own.length).toBeLessThanOrEqual(6);
});

test('recalled and removed messages have no menu; an image cannot be copied; own image under review can be recalled', () => {
  expect(menuFor(m({ state: 'recalled', text: '' }), { canModerate: true, pinnedSeq: null, now: 0 })).toEqual([]);
  expect(menuFor(m({ state: 'removed', text: '' }), { canModerate: true, pinnedSeq: null, now: 0 })).toEqual([]);
  expect(menuFor(m({ kind: 'image', text: '' }), { canModerate: false, pinnedSeq: null, now: 0 })).toEqual(['reply']);
  expect(menuFor(m({ kind: 'image', state: 'reviewing', mine: true }), { canModerate: false, pinnedSeq: null, now: 0 })).toEqual(['recall']);
  expect(excerptOf(m({ kind: 'image' }))).toBe('[图片]');
  expect(excerptOf(m({ text: '长'.repeat(70) }))).toHaveLength(61);
});
