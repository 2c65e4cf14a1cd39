/**
 * Chat documents as stored. Messages and cursors are admin-only collections reached through the chat
 * function; the head is the one document a client may watch (a doorbell without message content).
 */

export type ChatMessageKind = 'text' | 'image';

/**
 * visible: everyone sees it · reviewing: an image waiting for WeChat's asynchronous media check (only
 * the sender sees it, as 审核中) · rejected: the check failed (only the sender sees that) · recalled by
 * its sender within 2 minutes · removed by a moderator.
 */
export type ChatMessageState = 'visible' | 'reviewing' | 'rejected' | 'recalled' | 'removed';

export type ChatImage = {
  fileId: string;
  width: number;
  height: number;
};

/** A reply's quote: a snapshot taken when the reply was sent, so later recalls or removals do not change it. */
export type ChatQuote = {
  seq: number;
  senderId: string;
  senderName: string;
  kind: ChatMessageKind;
  /** At most CHAT_LIMITS.quoteExcerptMax characters of the original text ('' for an image). */
  excerpt: string;
};

export type ChatMention = {
  memberId: string;
  name: string;
};

/** `_id` = messageId(branchId, clientMsgId): a retried send collides with the first one. */
export type ChatMessageDoc = {
  _id: string;
  branchId: string;
  /** Server-assigned, per branch, from the head's conditional increment: the only order. */
  seq: number;
  /** The head revision of the last change to this message (creation, recall, removal, review). */
  rev: number;
  clientMsgId: string;
  senderId: string;
  senderName: string;
  kind: ChatMessageKind;
  text: string;
  image: ChatImage | null;
  quote: ChatQuote | null;
  mentions: ChatMention[];
  mentionAll: boolean;
  state: ChatMessageState;
  createdAt: number;
  /** When the state last changed by recall, removal or review. */
  changedAt: number | null;
  /** The moderator who removed it (name kept for the audit and the notice). */
  removedBy: string | null;
  /** WeChat mediaCheckAsync trace id while reviewing. */
  traceId: string | null;
};

/**
 * The per-branch head, `_id` = branchId, in `chatHeads`: the doorbell. Carries no message content.
 * `seq` counts messages; `rev` counts every change (new message, recall, removal, pin, review).
 */
export type ChatHeadDoc = {
  _id: string;
  kind: 'head';
  branchId: string;
  seq: number;
  rev: number;
  /** The pinned announcement's seq, or null. */
  pinnedSeq: number | null;
  /** The latest @全体成员 message seqs, newest last (at most CHAT_LIMITS.allSeqsKept). */
  allSeqs: number[];
  updatedAt: number;
};

/**
 * A member's read cursor, `_id` = cursorId(openid), kept in `chatHeads` next to the heads so a badge
 * refresh reads both in one query (identity + one read: at most 2 storage reads whatever the history
 * size). Keyed by openid so the head's security rule can look it up with `get()`; `inBranch` says which
 * branch `readSeq` belongs to (a moved member's cursor resets on their next call).
 */
export type ChatCursorDoc = {
  _id: string;
  kind: 'cursor';
  memberId: string;
  /** The branch the cursor belongs to; the head's security rule compares it with the head. */
  inBranch: string | null;
  /** True for committee admins: the security rule lets them hear every branch's doorbell. */
  admin: boolean;
  /** The highest seq the member has seen in `inBranch`. */
  readSeq: number;
  /** Seqs of the latest messages that @-mentioned this member, newest last. */
  mentionSeqs: number[];
  /** Send times within the last minute (rate limit), oldest first. */
  recentSends: number[];
  /** Bumped by every rate-limit write: the condition that makes concurrent sends serialise. */
  version: number;
  updatedAt: number;
};

export type ChatAuditAction = 'remove' | 'pin' | 'unpin' | 'recall';

/** Who did what to which message, with the original content (committee admin only). */
export type ChatAuditDoc = {
  _id: string;
  branchId: string;
  seq: number | null;
  action: ChatAuditAction;
  byId: string;
  byName: string;
  at: number;
  reason: string | null;
  original: { senderId: string; senderName: string; kind: ChatMessageKind; text: string; image: ChatImage | null; createdAt: number } | null;
};

export const messageId = (branchId: string, clientMsgId: string): string => `${branchId}:${clientMsgId}`;
export const cursorId = (openid: string): string => `cur_${openid}`;
