import type { InboxView, NoticeDetail } from '../domain/api/notices';

/**
 * The member's notices list as last fetched (by the home's one call or the 通知 tab), kept for the app
 * session so the 通知 tab opens from what the home just fetched, and returning from a notice patches the
 * row the member read instead of fetching the whole list again. Older than INBOX_FRESH_MS: fetch again.
 */
export const INBOX_FRESH_MS = 2 * 60 * 1000;

let latest: { view: InboxView; at: number } | null = null;

export function rememberInbox(view: InboxView, now = Date.now()): void {
  latest = { view, at: now };
}

/** The list when fetched within INBOX_FRESH_MS, with what the member has opened since; otherwise null. */
export function recentInbox(now = Date.now()): InboxView | null {
  return latest && now - latest.at <= INBOX_FRESH_MS ? latest.view : null;
}

/** A notice the member opened (or acknowledged): its row reads as the server now has it; the order stays. */
export function noticeSeen(detail: Pick<NoticeDetail, 'noticeId' | 'readAt' | 'ackAt'>): void {
  if (!latest) return;
  const items = latest.view.items.map((i) =>
    i.noticeId === detail.noticeId ? { ...i, read: i.read || detail.readAt !== null, acked: i.acked || detail.ackAt !== null } : i,
  );
  latest = { view: { items, unreadCount: items.filter((i) => !i.read && !i.withdrawn).length }, at: latest.at };
}

/** Forget the list (tests; a new identity). */
export function forgetInbox(): void {
  latest = null;
}
