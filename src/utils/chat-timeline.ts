import type { ChatMessageView } from '../domain/api/chat';
import type { OutboxEntry } from './chat-outbox';

/**
 * The chat page's loaded window of messages, ordered by the server's sequence number only. Pages,
 * sync results and send acknowledgements all merge by seq, keeping the higher revision, so a message
 * arriving twice (a ring and the send's own answer, or a retry) is shown once.
 *
 * The window is contiguous: `oldest`..`newest` with nothing missing in between. Changes to messages
 * outside it (a recall far up in history) are ignored until that part is loaded; new messages beyond
 * it while `hasNewer` (landed on the first unread of a long backlog) wait until the member scrolls down.
 */
export interface Timeline {
  messages: ChatMessageView[];
  hasOlder: boolean;
  hasNewer: boolean;
}

export const emptyTimeline: Timeline = { messages: [], hasOlder: false, hasNewer: false };

/** Merges by seq (higher rev wins), ascending. */
export function mergeBySeq(current: ReadonlyArray<ChatMessageView>, incoming: ReadonlyArray<ChatMessageView>): ChatMessageView[] {
  const bySeq = new Map<number, ChatMessageView>();
  for (const m of current) bySeq.set(m.seq, m);
  for (const m of incoming) {
    const had = bySeq.get(m.seq);
    if (!had || m.rev >= had.rev) bySeq.set(m.seq, m);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** A page of older messages (scrolling up). */
export const prependOlder = (t: Timeline, page: ReadonlyArray<ChatMessageView>, hasMore: boolean): Timeline => ({
  ...t,
  messages: mergeBySeq(t.messages, page),
  hasOlder: hasMore,
});

/** A page of newer messages (scrolling down a long backlog). */
export const appendNewer = (t: Timeline, page: ReadonlyArray<ChatMessageView>, hasMore: boolean): Timeline => ({
  ...t,
  messages: mergeBySeq(t.messages, page),
  hasNewer: hasMore,
});

/**
 * Changes from `sync` (complete by revision) or a send's answer: changed messages inside the window
 * are replaced; new ones are appended when the window reaches the end, otherwise they mark `hasNewer`.
 * Seqs may skip (another member's image still under review is not sent to us), so gaps prove nothing.
 */
export function applyChanges(t: Timeline, changed: ReadonlyArray<ChatMessageView>): Timeline {
  if (changed.length === 0) return t;
  const first = t.messages[0]?.seq ?? 0;
  const last = t.messages.at(-1)?.seq ?? 0;
  const inside: ChatMessageView[] = [];
  let beyond = false;
  for (const m of changed) {
    if (t.messages.length > 0 && m.seq < first) continue; // older history not loaded: ignore
    if (m.seq <= last || !t.hasNewer) inside.push(m);
    else beyond = true;
  }
  return { ...t, messages: mergeBySeq(t.messages, inside), hasNewer: t.hasNewer || beyond };
}

/** Outbox entries not yet in the timeline (a sent message whose answer was lost shows once). */
export function pendingNotInTimeline(entries: ReadonlyArray<OutboxEntry>, t: Timeline): OutboxEntry[] {
  const known = new Set(t.messages.filter((m) => m.mine).map((m) => m.clientMsgId));
  return entries.filter((e) => !known.has(e.clientId));
}

/** The highest revision in a list (for `sync`'s `afterRev`). */
export const maxRev = (messages: ReadonlyArray<ChatMessageView>, floor: number): number => messages.reduce((r, m) => Math.max(r, m.rev), floor);
