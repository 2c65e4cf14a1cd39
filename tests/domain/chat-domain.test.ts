import fc from 'fast-check';
import { advanceCursor, badgeText, landingRange, mentionJumps, mentionedSince, readSeqFor, unreadCount } from '../../src/domain/chat/cursor';
import { isClientMsgId, newClientMsgId } from '../../src/domain/chat/client-id';
import { keepLatestSeqs, mentionTokens, mentionsEveryone, resolveMentions } from '../../src/domain/chat/mentions';
import { gaps, mergeBySeq, syncedRevision } from '../../src/domain/chat/ordering';
import { canMentionAll, canModerateChat, canReadChat, canReadChatAudit, canRecall } from '../../src/domain/chat/policies';
import { looksLikePatientData, privacyHits } from '../../src/domain/chat/privacy';
import { noticeTitleFrom, quoteOf, rateCheck, recallDeadline, withinRecallWindow } from '../../src/domain/chat/rules';
import type { Actor } from '../../src/domain/org/types';

describe('ordering', () => {
  it('merges pages and sync results by seq: one entry per seq, the highest rev wins', () => {
    const merged = mergeBySeq(
      [
        { seq: 2, rev: 2, text: 'b' },
        { seq: 1, rev: 1, text: 'a' },
      ],
      [
        { seq: 1, rev: 5, text: '' },
        { seq: 3, rev: 3, text: 'c' },
        { seq: 2, rev: 1, text: 'stale' },
      ],
    );
    expect(merged).toEqual([
      { seq: 1, rev: 5, text: '' },
      { seq: 2, rev: 2, text: 'b' },
      { seq: 3, rev: 3, text: 'c' },
    ]);
  });

  it('merging is order-independent and never duplicates (property)', () => {
    const msg = fc.record({ seq: fc.integer({ min: 1, max: 50 }), rev: fc.integer({ min: 1, max: 100 }) });
    fc.assert(
      fc.property(fc.array(msg), fc.array(msg), (a, b) => {
        const x = mergeBySeq(a, b);
        const y = mergeBySeq(mergeBySeq([], b), a);
        expect(x.map((m) => m.seq)).toEqual([...new Set([...a, ...b].map((m) => m.seq))].sort((p, q) => p - q));
        expect(x.map((m) => [m.seq, m.rev])).toEqual(y.map((m) => [m.seq, m.rev]));
      }),
    );
  });

  it('advances the change cursor through contiguous revs, and over a gap only once it is settled', () => {
    const now = 1_000_000;
    const head = { rev: 6, updatedAt: now - 1000 };
    const fresh = [
      { rev: 4, at: now - 900 },
      { rev: 6, at: now - 500 },
    ];
    // rev 5 raised the head but its message is not stored yet (cloud, in flight): stop before it.
    expect(syncedRevision(3, fresh, head, now, 25_000, true)).toBe(4);
    // Much later (the send died): jump the gap.
    expect(syncedRevision(3, fresh, head, now + 30_000, 25_000, true)).toBe(6);
    // A head raised by nothing stored (yet): wait, then take it.
    expect(syncedRevision(6, [], { rev: 7, updatedAt: now - 10 }, now, 25_000, true)).toBe(6);
    expect(syncedRevision(6, [], { rev: 7, updatedAt: now - 10 }, now + 30_000, 25_000, true)).toBe(7);
    // More pages to come: never beyond what was returned.
    expect(syncedRevision(0, [{ rev: 1, at: 0 }], { rev: 9, updatedAt: 0 }, now, 25_000, false)).toBe(1);
  });

  it('finds gaps to fill', () => {
    expect(gaps([1, 2, 5, 6, 9])).toEqual([
      [3, 4],
      [7, 8],
    ]);
    expect(gaps([3])).toEqual([]);
  });
});

describe('cursor and unread', () => {
  it('counts unread from one cursor, resets for another branch, never moves back', () => {
    expect(unreadCount(40, 10)).toBe(30);
    expect(unreadCount(5, 9)).toBe(0);
    expect(readSeqFor({ inBranch: 'b1', readSeq: 7, mentionSeqs: [] }, 'b1')).toBe(7);
    expect(readSeqFor({ inBranch: 'b1', readSeq: 7, mentionSeqs: [] }, 'b2')).toBe(0);
    expect(readSeqFor(null, 'b1')).toBe(0);
    expect(advanceCursor(10, 5, 40)).toBe(10);
    expect(advanceCursor(10, 99, 40)).toBe(40);
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(100)).toBe('99+');
  });

  it('marks mentions after the cursor and lists the jumps', () => {
    expect(mentionedSince(10, [3, 11], [])).toBe(true);
    expect(mentionedSince(10, [3], [9])).toBe(false);
    expect(mentionedSince(10, [], [12])).toBe(true);
    expect(mentionJumps([5, 9], [7, 9])).toEqual([5, 7, 9]);
  });

  it('lands on the first unread, or the latest page', () => {
    expect(landingRange(0, 0)).toEqual({ from: 1, to: 0 });
    expect(landingRange(100, 100)).toEqual({ from: 71, to: 100 });
    expect(landingRange(100, 40)).toEqual({ from: 41, to: 70 });
    expect(landingRange(100, 90)).toEqual({ from: 91, to: 100 });
    expect(landingRange(10, 10)).toEqual({ from: 1, to: 10 });
  });
});

describe('recall window (server clock; TZ=UTC, around midnight in Shanghai)', () => {
  // 23:59:30 Asia/Shanghai = 15:59:30 UTC: the window crosses midnight local time and nothing changes.
  const sentAt = Date.parse('2026-11-22T15:59:30Z');
  it('allows exactly 2 minutes', () => {
    expect(recallDeadline(sentAt)).toBe(Date.parse('2026-11-22T16:01:30Z'));
    expect(withinRecallWindow(sentAt, sentAt + 119_999)).toBe(true);
    expect(withinRecallWindow(sentAt, sentAt + 120_000)).toBe(true);
    expect(withinRecallWindow(sentAt, sentAt + 120_001)).toBe(false);
  });
  it('only the sender recalls', () => {
    expect(canRecall({ memberId: 'm1', role: 'member', branchId: 'b1' }, { senderId: 'm1' })).toBe(true);
    expect(canRecall({ memberId: 'm2', role: 'secretary', branchId: 'b1' }, { senderId: 'm1' })).toBe(false);
  });
});

describe('mentions', () => {
  const roster = [
    { _id: 'm1', name: '王芳' },
    { _id: 'm2', name: '王芳芳' },
    { _id: 'm3', name: '李强' },
  ];
  it('finds @tokens, full-width @ too, up to punctuation or space', () => {
    expect(mentionTokens('@王芳 你好，＠李强：收到@全体成员')).toEqual(['王芳', '李强', '全体成员']);
    expect(mentionsEveryone('请 @全体成员 注意')).toBe(true);
    expect(mentionsEveryone('全体成员注意')).toBe(false);
    expect(mentionTokens('邮箱 a@b.com')).toEqual(['b']);
  });
  it('keeps picked members whose @name is in the text, never the sender or strangers', () => {
    expect(resolveMentions('@王芳芳 @李强你好', ['m2', 'm3', 'm1', 'mx'], roster, 'm9')).toEqual([
      { memberId: 'm2', name: '王芳芳' },
      { memberId: 'm3', name: '李强' },
      // “@王芳芳” also starts with 王芳: a picked 王芳 counts (the picker wrote the name)
      { memberId: 'm1', name: '王芳' },
    ]);
    expect(resolveMentions('@李强', ['m3'], roster, 'm3')).toEqual([]);
    expect(resolveMentions('李强', ['m3'], roster, 'm9')).toEqual([]);
    expect(resolveMentions('@李强 @李强', ['m3', 'm3'], roster, 'm9')).toHaveLength(1);
  });
  it('keeps the latest seqs', () => {
    expect(keepLatestSeqs([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(keepLatestSeqs([1, 2], 2, 3)).toEqual([1, 2]);
  });
});

describe('patient-privacy guard', () => {
  it.each([
    ['患者身份证 110105198807214512', ['national_id']],
    ['身份证号11010519880721451X请核对', ['national_id']],
    ['家属电话13812345678', ['mobile']],
    ['电话 138 1234 5678', ['mobile']],
    ['+86 139-1234-5678', ['mobile']],
    ['3床住院号：20231234', ['inpatient_no']],
    ['病案号 A0012345', ['inpatient_no']],
  ])('flags %s', (text, hits) => {
    expect(privacyHits(text)).toEqual(hits);
  });
  it.each(['今晚 8 点开会', '第 2026 期党课', '会议室 302，分机 8123', '订单号 1234567890123456789012', '12345678901', '2026-11-22 19:30'])(
    'lets %s through',
    (text) => {
      expect(looksLikePatientData(text)).toBe(false);
    },
  );
});

describe('rate limit (20 a sliding minute)', () => {
  const now = Date.parse('2026-11-22T16:00:00Z');
  it('allows 20 and tells when the 21st may go', () => {
    const recent = Array.from({ length: 20 }, (_, i) => now - 50_000 + i * 1000);
    const verdict = rateCheck(recent, now);
    expect(verdict).toEqual({ allowed: false, retryAfterMs: 10_000 });
    const later = rateCheck(recent, now + 10_001);
    expect(later.allowed).toBe(true);
    if (later.allowed) expect(later.next).toHaveLength(20);
  });
  it('forgets sends older than a minute', () => {
    const verdict = rateCheck([now - 61_000, now - 60_000], now);
    expect(verdict).toEqual({ allowed: true, next: [now] });
  });
});

describe('policies', () => {
  const member: Actor = { memberId: 'm1', role: 'member', branchId: 'b1' };
  const secretary: Actor = { memberId: 'm2', role: 'secretary', branchId: 'b1' };
  const committee: Actor = { memberId: 'm3', role: 'branch_committee', branchId: 'b1' };
  const admin: Actor = { memberId: 'm4', role: 'committee_admin', branchId: null };
  it('members read their branch; officers moderate theirs; admins everything', () => {
    expect(canReadChat(member, 'b1')).toBe(true);
    expect(canReadChat(member, 'b2')).toBe(false);
    expect(canReadChat(admin, 'b2')).toBe(true);
    expect(canModerateChat(member, 'b1')).toBe(false);
    expect(canModerateChat(secretary, 'b1')).toBe(true);
    expect(canModerateChat(committee, 'b2')).toBe(false);
    expect(canMentionAll(committee, 'b1')).toBe(true);
    expect(canMentionAll(member, 'b1')).toBe(false);
    expect(canReadChatAudit(secretary)).toBe(false);
    expect(canReadChatAudit(admin)).toBe(true);
  });
});

describe('helpers', () => {
  it('client message ids follow the rule', () => {
    const id = newClientMsgId(Date.parse('2026-11-22T16:00:00Z'), (n) => new Uint8Array(n).fill(1));
    expect(isClientMsgId(id)).toBe(true);
    expect(isClientMsgId('short')).toBe(false);
    expect(isClientMsgId('a'.repeat(16) + '<')).toBe(false);
  });
  it('quotes a snapshot excerpt, images without text', () => {
    const long = '长'.repeat(150);
    expect(quoteOf({ seq: 3, senderId: 'm1', senderName: '王芳', kind: 'text', text: long }).excerpt).toHaveLength(101);
    expect(quoteOf({ seq: 3, senderId: 'm1', senderName: '王芳', kind: 'image', text: '' }).excerpt).toBe('');
  });
  it('makes a notice title from the first line', () => {
    expect(noticeTitleFrom('\n  周五开会\n地点会议室', 'x')).toBe('周五开会');
    expect(noticeTitleFrom('', '支部通知')).toBe('支部通知');
    expect([...noticeTitleFrom('字'.repeat(80), 'x')]).toHaveLength(60);
  });
});
