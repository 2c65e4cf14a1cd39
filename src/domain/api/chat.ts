import * as v from 'valibot';
import { CHAT_LIMITS } from '../chat/limits';
import { CLIENT_MSG_ID_PATTERN } from '../chat/client-id';
import type { ChatAuditAction, ChatImage, ChatMention, ChatMessageKind, ChatQuote } from '../chat/types';
import { id, payload } from './common';

/**
 * The `chat` function: one group per branch. Every action authorises from the caller's CURRENT
 * member record (a moved member loses the old chat at once). `branchId` is optional: absent = the
 * caller's own branch; only committee admins may name another branch.
 *
 * Realtime: clients never read messages directly. They listen to a doorbell ({branchId, seq, rev}) —
 * weapp: CloudBase `watch()` on `chatHeads/<branchId>`; H5: Server-Sent Events at CHAT_STREAM_PATH —
 * and then call `sync` with the last rev they hold.
 */

const branchId = v.optional(id);
const seq = v.pipe(v.number('消息序号不正确'), v.integer('消息序号不正确'), v.minValue(1, '消息序号不正确'));
const seqOrZero = v.pipe(v.number('消息序号不正确'), v.integer('消息序号不正确'), v.minValue(0, '消息序号不正确'));
const clientMsgId = v.pipe(v.string('缺少消息编号'), v.regex(CLIENT_MSG_ID_PATTERN, '消息编号格式不正确'));
const fileId = v.pipe(v.string('图片无效，请重新上传'), v.regex(/^(cloud:\/\/[\w.\-/]{1,300}|f_[a-z0-9]{8,40})$/, '图片无效，请重新上传'));
const dimension = v.pipe(v.number('图片尺寸不正确'), v.integer('图片尺寸不正确'), v.minValue(1, '图片尺寸不正确'), v.maxValue(20000, '图片尺寸不正确'));
const text = v.pipe(
  v.string('消息内容格式不正确'),
  v.maxLength(CHAT_LIMITS.textMax, `消息不能超过 ${CHAT_LIMITS.textMax} 个字`),
);
const pageLimit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, '每页条数不正确'), v.maxValue(CHAT_LIMITS.page, `每页最多 ${CHAT_LIMITS.page} 条`)), CHAT_LIMITS.page);

export const chatInput = {
  /** The 支部 tab badge: unread count and the @-me mark; identity + one read. */
  badge: payload({}),
  /** Everything the chat page needs to open, in one call (lands on the first unread). */
  open: payload({ branchId }),
  /** History by seq: `beforeSeq` pages older (scrolling up), `afterSeq` newer; neither = latest page. */
  list: payload({ branchId, beforeSeq: v.optional(seq), afterSeq: v.optional(seqOrZero), limit: pageLimit }),
  /** After a doorbell (or onShow / reconnect): every message created or changed after `afterRev`. */
  sync: payload({ branchId, afterRev: seqOrZero }),
  /** Advance the read cursor (never moves back). */
  read: payload({ branchId, seq: seqOrZero }),
  /**
   * Idempotent by `clientMsgId`: the same id returns the first result (`duplicate: true`).
   * Text: 1–2,000 characters after trimming. Image: one uploaded file, reviewed asynchronously.
   * `mentionIds` come from the picker; only those whose `@name` is in the text count.
   * `mentionAll` (@全体成员): officers only, and the text must contain `@全体成员`.
   * `privacyConfirmed`: the sender confirmed “可能包含患者隐私，确认发送？”; without it text that looks
   * like a national ID, mobile or 住院号 is refused with PRIVACY_CONFIRM (nothing stored).
   */
  send: payload({
    branchId,
    clientMsgId,
    kind: v.optional(v.picklist(['text', 'image'], '消息类型不正确'), 'text'),
    text: v.optional(text, ''),
    image: v.optional(v.nullable(v.strictObject({ fileId, width: dimension, height: dimension }, '图片格式不正确')), null),
    quoteSeq: v.optional(v.nullable(seq), null),
    mentionIds: v.optional(v.pipe(v.array(id, '提及的成员格式不正确'), v.maxLength(CHAT_LIMITS.mentionsMax, `最多提及 ${CHAT_LIMITS.mentionsMax} 人`)), []),
    mentionAll: v.optional(v.boolean(), false),
    privacyConfirmed: v.optional(v.boolean(), false),
  }),
  /** The sender's own message within 2 minutes of sending. */
  recall: payload({ branchId, seq }),
  /** Secretary / branch committee of the branch, or a committee admin; audited with the original. */
  remove: payload({
    branchId,
    seq,
    reason: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(CHAT_LIMITS.removeReasonMax, `原因不能超过 ${CHAT_LIMITS.removeReasonMax} 个字`))), null),
  }),
  /** One pinned announcement per branch; pinning another replaces it. Officers; audited. */
  pin: payload({ branchId, seq }),
  unpin: payload({ branchId }),
  /** Members for the @ picker (name + pinyin initials), and how many @全体成员 would notify. */
  mentionables: payload({ branchId }),
  /** “转为通知”: the notice compose form prefilled from a message. Officers. */
  toNotice: payload({ branchId, seq }),
  /** Moderation audit (committee admins): newest first, paged by `before` (an `at` timestamp). */
  audit: payload({ branchId, before: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))), null) }),
} as const;

export type ChatAction = keyof typeof chatInput;
export type ChatInput<A extends ChatAction> = v.InferInput<(typeof chatInput)[A]>;
/** What a handler receives after parsing (defaults filled in). */
export type ChatParsed<A extends ChatAction> = v.InferOutput<(typeof chatInput)[A]>;

/** Where the branch's sequence stands: what the doorbell rings with. */
export interface ChatHead {
  branchId: string;
  seq: number;
  rev: number;
}

/**
 * One message as a client sees it. Text, quotes and names are plain text: render as text, never HTML.
 * recalled → text '' and the UI shows “<senderName>撤回了一条消息”; removed → text '' and “该消息已被移除”;
 * reviewing / rejected (images) → only the sender receives them (“审核中” / “未通过审核”).
 */
export interface ChatMessageView {
  seq: number;
  rev: number;
  clientMsgId: string;
  senderId: string;
  senderName: string;
  kind: ChatMessageKind;
  text: string;
  /** `url` is a temporary URL to display; null once recalled or removed. */
  image: (ChatImage & { url: string }) | null;
  quote: ChatQuote | null;
  mentions: ChatMention[];
  mentionAll: boolean;
  state: 'visible' | 'reviewing' | 'rejected' | 'recalled' | 'removed';
  createdAt: number;
  /** True when the caller sent it and may still recall it (server clock; the UI hides the action after). */
  mine: boolean;
  /** Until when the sender may recall it (createdAt + 2 min). */
  recallUntil: number;
}

export interface ChatBadge {
  /** Null when the caller has no branch (a committee admin above every branch). */
  branchId: string | null;
  unread: number;
  /** Someone @-mentioned the caller (or @全体成员) after their read cursor. */
  mentioned: boolean;
  seq: number;
  rev: number;
}

export interface ChatOpenView {
  head: ChatHead;
  branchName: string;
  memberCount: number;
  /** The caller's read cursor before opening: the page draws “以下为新消息” above readSeq + 1 when unread > 0. */
  readSeq: number;
  unread: number;
  /** A page around the first unread (from readSeq + 1), or the latest page when nothing is unread; ascending. */
  messages: ChatMessageView[];
  /** Older pages exist before messages[0]. */
  hasOlder: boolean;
  /** Newer pages exist after the last message (when landing on the first unread of a long backlog). */
  hasNewer: boolean;
  pinned: ChatMessageView | null;
  /** Seqs of messages that mention the caller (or everyone), newest last: the “@我” jumps. */
  mentionSeqs: number[];
  canModerate: boolean;
  canMentionAll: boolean;
  /** The caller (for marking “mine”). */
  me: { memberId: string; name: string };
  /**
   * The first `afterRev` for `sync` (see ChatSync.syncedRev): not head.rev, which may cover a send still in
   * flight. Always sent; optional in the type only so fixtures written before it still type-check.
   */
  syncedRev?: number;
  /**
   * The read cursor after opening: opening marks the page it shows as read when that page reaches the
   * newest message (what the page's `read` call did right after; now one call less). Optional in the type
   * for fixtures written before it.
   */
  readUpTo?: number;
}

export interface ChatPage {
  messages: ChatMessageView[];
  /** More exist in the direction asked for. */
  hasMore: boolean;
  head: ChatHead;
}

export interface ChatSync {
  /** Created or changed after `afterRev`, ascending by rev (merge into the timeline by seq). */
  messages: ChatMessageView[];
  head: ChatHead;
  pinned: ChatMessageView | null;
  /** More changes than one call returns: call again with `syncedRev` (or reload the latest page). */
  more: boolean;
  /**
   * Pass this as `afterRev` next time (not head.rev): every change up to it has been returned. In the
   * cloud a send raising the head may not have stored its message yet; syncedRev stops before such a
   * gap until it is filled (or is older than CHAT_LIMITS.settleMs: a send that died), so nothing is skipped.
   */
  syncedRev: number;
}

export interface ChatMentionable {
  memberId: string;
  name: string;
  /** Pinyin initials of the name, lower case (王芳 → wf), for the picker's search. */
  initials: string;
  /** Full pinyin without tones, lower case (王芳 → wangfang). */
  pinyin: string;
  role: 'member' | 'secretary' | 'branch_committee' | 'committee_admin';
}

export interface ChatNoticePrefill {
  title: string;
  body: string;
  images: Array<{ fileId: string; url: string }>;
  audience: { kind: 'branch'; branchId: string };
  source: { branchId: string; seq: number };
}

export interface ChatAuditEntry {
  id: string;
  branchId: string;
  branchName: string;
  seq: number | null;
  action: ChatAuditAction;
  byName: string;
  at: number;
  reason: string | null;
  original: { senderName: string; kind: ChatMessageKind; text: string; createdAt: number } | null;
}

export interface ChatOutput {
  badge: ChatBadge;
  open: ChatOpenView;
  list: ChatPage;
  sync: ChatSync;
  read: { readSeq: number; unread: number };
  send: { message: ChatMessageView; duplicate: boolean; head: ChatHead };
  recall: { message: ChatMessageView; head: ChatHead };
  remove: { message: ChatMessageView; head: ChatHead };
  pin: { pinned: ChatMessageView; head: ChatHead };
  unpin: { head: ChatHead };
  mentionables: { members: ChatMentionable[]; allCount: number; canMentionAll: boolean };
  toNotice: ChatNoticePrefill;
  audit: { items: ChatAuditEntry[]; next: number | null };
}

/** The local host's doorbell stream (H5). Authenticated by the session token in the query. */
export const CHAT_STREAM_PATH = '/api/chat/stream';

/**
 * SSE protocol: `GET CHAT_STREAM_PATH?branchId=<id>&token=<session token>`.
 * - refused with 401 (no/invalid token) or 403 (not a member of that branch, nor a committee admin);
 * - on connect: `retry: 3000`, then one ring with the current head;
 * - on every head change of THAT branch: an unnamed event (`onmessage`) whose data is ChatDoorbell JSON;
 * - every CHAT_STREAM_HEARTBEAT_MS a comment line `: ping` keeps proxies from closing it.
 * A ring carries no content: the client calls `chat.sync` with its last rev.
 */
export interface ChatDoorbell {
  branchId: string;
  seq: number;
  rev: number;
}

export const CHAT_STREAM_HEARTBEAT_MS = 15000;

/** The weapp doorbell: `db.collection(CHAT_HEAD_COLLECTION).doc(branchId).watch(...)`; fields seq, rev. */
export const CHAT_HEAD_COLLECTION = 'chatHeads';
