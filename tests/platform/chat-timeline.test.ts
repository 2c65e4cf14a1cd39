/**
 * The chat page's window of messages: merged by the server's seq (never the phone's clock), the
 * higher revision wins, no duplicates when a message arrives by sync and by the send's own answer,
 * and time labels in Asia/Shanghai whatever the machine's zone (tests run with TZ=UTC).
 */
import type { ChatMessageView } from '../../src/domain/api/chat';
import type { OutboxEntry } from '../../src/utils/chat-outbox';
import { chatTimeLabel, startsTimeGroup } from '../../src/utils/chat-time';
import { applyChanges, appendNewer, emptyTimeline, maxRev, mergeBySeq, pendingNotInTimeline, prependOlder } from '../../src/utils/chat-timeline';

const msg = (seq: number, over: Partial<ChatMessageView> = {}): ChatMessageView => ({
  seq,
  rev: seq,
  clientMsgId: `client-${seq}-abcdefghij`,
  senderId: 'm-1',
  senderName: '李娜',
  kind: 'text',
  text: `第${seq}条`,
  image: null,
  quote: null,
  mentions: [],
  mentionAll: false,
  state: 'visible',
  // deliberately out of order with seq: the phone's clock orders nothing
  createdAt: 1_000_000 - seq,
  mine: false,
  recallUntil: 0,
  ...over,
});
const seqs = (list: ChatMessageView[]) => list.map((m) => m.seq);

test('merges by seq, ascending, once each; the higher revision wins', () => {
  const merged = mergeBySeq([msg(3), msg(1)], [msg(2), msg(3, { rev: 9, state: 'recalled', text: '' }), msg(1, { rev: 0, text: 'stale' })]);
  expect(seqs(merged)).toEqual([1, 2, 3]);
  expect(merged[2].state).toBe('recalled');
  expect(merged[0].text).toBe('第1条');
});

test('sync changes: new messages join the end; changes inside the window replace; older history is left alone', () => {
  const t = { messages: [msg(10), msg(11)], hasOlder: true, hasNewer: false };
  const next = applyChanges(t, [msg(5, { rev: 50, state: 'removed' }), msg(11, { rev: 40, state: 'recalled' }), msg(12), msg(12)]);
  expect(seqs(next.messages)).toEqual([10, 11, 12]);
  expect(next.messages[1].state).toBe('recalled');
  expect(next.hasNewer).toBe(false);
});

test('seq gaps are normal (another member’s image under review): 13 after 11 is appended', () => {
  const t = { messages: [msg(10), msg(11)], hasOlder: false, hasNewer: false };
  expect(seqs(applyChanges(t, [msg(13)]).messages)).toEqual([10, 11, 13]);
});

test('while the window does not reach the end, new messages wait (hasNewer) instead of leaving a hole', () => {
  const t = { messages: [msg(10), msg(11)], hasOlder: false, hasNewer: true };
  const next = applyChanges(t, [msg(40), msg(11, { rev: 41, state: 'recalled' })]);
  expect(seqs(next.messages)).toEqual([10, 11]);
  expect(next.messages[1].state).toBe('recalled');
  expect(next.hasNewer).toBe(true);
  const after = appendNewer(next, [msg(12), msg(13)], false);
  expect(seqs(after.messages)).toEqual([10, 11, 12, 13]);
  expect(after.hasNewer).toBe(false);
});

test('an empty chat accepts the first messages', () => {
  expect(seqs(applyChanges(emptyTimeline, [msg(2), msg(1)]).messages)).toEqual([1, 2]);
});

test('older pages prepend without duplicates', () => {
  const t = prependOlder({ messages: [msg(31), msg(32)], hasOlder: true, hasNewer: false }, [msg(30), msg(31)], false);
  expect(seqs(t.messages)).toEqual([30, 31, 32]);
  expect(t.hasOlder).toBe(false);
});

test('an outbox entry already in the timeline (its answer got lost) is shown once', () => {
  const entry = (clientId: string): OutboxEntry => ({ clientId, branchId: 'b', createdAt: 1, state: 'sending', error: null, attempts: 0, text: 'x', mentions: [], mentionAll: false, replyTo: null, image: null });
  const t = { messages: [msg(1, { mine: true, clientMsgId: 'cAAAAAAAAAAAAAAAA' })], hasOlder: false, hasNewer: false };
  expect(pendingNotInTimeline([entry('cAAAAAAAAAAAAAAAA'), entry('cBBBBBBBBBBBBBBBB')], t).map((e) => e.clientId)).toEqual(['cBBBBBBBBBBBBBBBB']);
});

test('maxRev', () => {
  expect(maxRev([msg(1, { rev: 7 }), msg(2, { rev: 3 })], 5)).toBe(7);
  expect(maxRev([], 5)).toBe(5);
});

describe('time labels in Asia/Shanghai around midnight', () => {
  // 2026-11-28 00:10 in Shanghai = 2026-11-27 16:10 UTC
  const now = Date.UTC(2026, 10, 27, 16, 10);
  test('today, yesterday, weekday, this year, before', () => {
    expect(chatTimeLabel(Date.UTC(2026, 10, 27, 16, 5), now)).toBe('00:05');
    // 23:55 Shanghai on the 27th is "yesterday" although it is the same UTC date
    expect(chatTimeLabel(Date.UTC(2026, 10, 27, 15, 55), now)).toBe('昨天 23:55');
    expect(chatTimeLabel(Date.UTC(2026, 10, 24, 1, 0), now)).toBe('星期二 09:00');
    expect(chatTimeLabel(Date.UTC(2026, 2, 3, 1, 30), now)).toBe('3月3日 09:30');
    expect(chatTimeLabel(Date.UTC(2025, 10, 3, 1, 30), now)).toBe('2025年11月3日 09:30');
  });
  test('a new time group after five quiet minutes', () => {
    expect(startsTimeGroup(null, 0)).toBe(true);
    expect(startsTimeGroup(0, 4 * 60_000)).toBe(false);
    expect(startsTimeGroup(0, 5 * 60_000)).toBe(true);
  });
});
