/** @jest-environment jsdom */
/**
 * The built notice pages in miniprogram-simulate: the inbox (one call), the detail page recording the
 * read and the acknowledgement, and the publisher's tracking view. Only wx.cloud is faked.
 */
import type { InboxItem, NoticeDetail, TrackingView } from '../../src/domain/api/notices';
import { byAction, fail, loadPage, ok } from './harness';
import { memberMe, squash } from './fixtures';


const item = (over: Partial<InboxItem>): InboxItem => ({
  noticeId: 'n-1',
  title: '主题党日通知',
  excerpt: '周五 17:30 示教室',
  authorName: '王书记',
  publishedAt: Date.UTC(2026, 10, 22, 1),
  requireAck: false,
  deadline: null,
  read: false,
  acked: false,
  corrected: false,
  withdrawn: false,
  reminded: false,
  scope: 'branch',
  ...over,
});

const detail = (over: Partial<NoticeDetail> = {}): NoticeDetail => ({
  noticeId: 'n-1',
  title: '主题党日通知',
  body: '第一段\n<script>alert(1)</script>',
  images: [],
  authorName: '王书记',
  publishedAt: Date.UTC(2026, 10, 22, 1),
  requireAck: true,
  deadline: null,
  correctedAt: null,
  withdrawn: false,
  readAt: Date.UTC(2026, 10, 22, 2),
  ackAt: null,
  canTrack: false,
  ...over,
});

describe('notices inbox (pages/notices/index)', () => {
  test('lists the inbox from one call, unread marked', async () => {
    const p = await loadPage('pages/notices/index', {
      cloud: byAction({
        'org/me': () => ok(memberMe('member')),
        'notices/inbox': () => ok({ items: [item({}), item({ noticeId: 'n-2', title: '已读的通知', read: true })], unreadCount: 1 }),
      }),
    });
    expect(p.calls.filter((c) => c.name === 'notices').map((c) => c.action)).toEqual(['inbox']);
    const titles = p.all('.notice-item-title').map((el) => squash(el.textContent ?? ''));
    expect(titles).toEqual(['主题党日通知', '已读的通知']);
    expect(p.all('.notice-unread')).toHaveLength(1);
    expect(p.errors).toEqual([]);
    expect(p.missingTemplates).toEqual([]);
  });
});

describe('notice detail (pages/notice-detail/index)', () => {
  test('opens (recording the read), shows HTML as text, and records the acknowledgement', async () => {
    let acked = false;
    const p = await loadPage('pages/notice-detail/index', {
      query: { noticeId: 'n-1' },
      cloud: byAction({
        'org/me': () => ok(memberMe('member')),
        'notices/open': () => ok(detail()),
        'notices/ack': () => {
          acked = true;
          return ok(detail({ ackAt: Date.UTC(2026, 10, 22, 3) }));
        },
      }),
    });
    expect(p.calls.find((c) => c.action === 'open')?.payload).toEqual({ noticeId: 'n-1' });
    expect(squash(p.text('.notice-title'))).toBe('主题党日通知');
    expect(p.text('.notice-body')).toContain('<script>alert(1)</script>');
    await p.tap('.ack-button');
    expect(acked).toBe(true);
    expect(p.exists('.acked')).toBe(true);
    expect(p.errors).toEqual([]);
  });

  test('a notice not addressed to the member shows the function message', async () => {
    const p = await loadPage('pages/notice-detail/index', {
      query: { noticeId: 'n-x' },
      cloud: byAction({ 'org/me': () => ok(memberMe('member')), 'notices/open': () => fail('NOT_FOUND', '通知不存在或不是发给你的') }),
    });
    expect(p.text()).toContain('通知不存在或不是发给你的');
    expect(p.exists('.notice-body')).toBe(false);
  });
});

describe('tracking (admin/notice-track/index)', () => {
  test('shows read x / y and the names grouped, unread marked', async () => {
    const view: TrackingView = {
      notice: {
        noticeId: 'n-1', title: '主题党日通知', status: 'published', publishAt: 0, publishedAt: 0, authorName: '王书记', audienceLabel: '心血管内科党支部全体',
        recipientCount: 3, unboundCount: 0, readCount: 1, ackCount: 0, requireAck: false, urgent: false, body: '正文', images: [], deadline: null, correctedAt: null, audience: { kind: 'branch', branchId: 'b-1' }, editMode: 'correction',
      },
      counts: { recipients: 3, read: 1, unread: 2, acknowledged: 0, excused: 0, unbound: 0, ratePercent: 33.3 },
      groups: [
        {
          groupId: 'g-1',
          groupName: '医生党小组',
          members: [
            { memberId: 'm-2', name: '赵敏', readAt: null, ackAt: null, excused: false, excuseReason: null, remindCount: 0 },
            { memberId: 'm-3', name: '钱程', readAt: null, ackAt: null, excused: false, excuseReason: null, remindCount: 1 },
            { memberId: 'm-4', name: '孙悦', readAt: Date.UTC(2026, 10, 22, 2), ackAt: null, excused: false, excuseReason: null, remindCount: 0 },
          ],
        },
      ],
      unbound: [],
      inviteBranchId: 'b-1',
      reminders: [],
      remindAvailableAt: null,
      isCommitteeNotice: false,
      unboundReachable: false,
    };
    const p = await loadPage('admin/notice-track/index', {
      query: { noticeId: 'n-1' },
      cloud: byAction({ 'org/me': () => ok(memberMe('secretary')), 'notices/track': () => ok(view) }),
    });
    expect(squash(p.text('.track-read-count')).replace(/\s/g, '')).toBe('1/3');
    expect(p.all('.track-member.is-unread')).toHaveLength(2);
    expect(squash(p.text('.track-member.is-read .track-member-name'))).toBe('孙悦');
    expect(p.errors).toEqual([]);
    p.unload();
  });
});
