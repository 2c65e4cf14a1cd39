/** Chat limits, shared by the chat page and the chat function (one place, as outline's validations). */
export const CHAT_LIMITS = {
  /** Characters of one text message (emoji count as their UTF-16 length, as the input box does). */
  textMax: 2000,
  /** A sender may recall their own message for this long (WeChat's own window). */
  recallWindowMs: 2 * 60 * 1000,
  /** History page size (older messages, newer messages, first screen). */
  page: 30,
  /** `sync` returns at most this many changed messages per call; `more` says call again. */
  syncMax: 100,
  /** A change older than this is settled: no write that raised the head before it is still in flight (function timeout 20 s). */
  settleMs: 25 * 1000,
  /** `open` looks this many revs back for a change still in flight (far more than concurrent sends in one branch). */
  openRevWindow: 20,
  /** Messages per member per sliding minute. */
  ratePerMinute: 20,
  rateWindowMs: 60 * 1000,
  /** One image per message, at most this many bytes after compression on the phone. */
  imageMaxBytes: 2 * 1024 * 1024,
  imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  /** Explicit @mentions per message (a branch has at most 50 members). */
  mentionsMax: 50,
  /** The quoted snapshot keeps this many characters of the original. */
  quoteExcerptMax: 100,
  /** Reason a moderator may give for a removal. */
  removeReasonMax: 50,
  /** The cursor remembers the latest mentions of the member (for “jump to @me”). */
  mentionSeqsKept: 20,
  /** The head remembers the latest @全体成员 messages. */
  allSeqsKept: 10,
  /** Conditional increments of the head retried this many times before giving up (CONFLICT). */
  headRetries: 20,
  /** Badge shows 99+ above this. */
  badgeMax: 99,
  auditPage: 50,
} as const;

/** The mini program page a mention's subscribe message opens (chat-ui's page). */
export const CHAT_PAGE_PATH = 'pages/chat/index';

/** The token that mentions every member of the branch (officers only). */
export const MENTION_ALL = '全体成员';
