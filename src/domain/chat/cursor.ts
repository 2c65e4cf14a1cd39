import { CHAT_LIMITS } from './limits';

/**
 * Unread from one per-member read cursor (never per-message receipts): unread = head.seq − readSeq.
 * A cursor belongs to one branch; a member moved elsewhere starts at 0 in the new branch.
 */
export interface CursorState {
  inBranch: string | null;
  readSeq: number;
  mentionSeqs: readonly number[];
}

/** The read position that applies to `branchId`: 0 when the cursor belongs to another branch or is missing. */
export const readSeqFor = (cursor: CursorState | null, branchId: string): number =>
  cursor && cursor.inBranch === branchId ? cursor.readSeq : 0;

export const unreadCount = (headSeq: number, readSeq: number): number => Math.max(0, headSeq - Math.min(readSeq, headSeq));

/** The badge text: '' when nothing is unread, '99+' above the cap. */
export const badgeText = (unread: number): string => (unread <= 0 ? '' : unread > CHAT_LIMITS.badgeMax ? `${CHAT_LIMITS.badgeMax}+` : String(unread));

/** Advancing never moves back, and never beyond the head. */
export const advanceCursor = (current: number, requested: number, headSeq: number): number => Math.max(current, Math.min(requested, headSeq));

/** Someone mentioned the member (or everyone) after the read cursor. */
export function mentionedSince(readSeq: number, mentionSeqs: readonly number[], allSeqs: readonly number[]): boolean {
  return mentionSeqs.some((s) => s > readSeq) || allSeqs.some((s) => s > readSeq);
}

/** Mentions of the member in order, for “jump to @me”: own mentions and @全体成员, merged. */
export const mentionJumps = (mentionSeqs: readonly number[], allSeqs: readonly number[]): number[] =>
  [...new Set([...mentionSeqs, ...allSeqs])].sort((a, b) => a - b);

/**
 * Where the page lands: the first unread (readSeq + 1) when something is unread, else the latest page.
 * Returns the seq range [from, to] of the first page to load.
 */
export function landingRange(headSeq: number, readSeq: number, page: number = CHAT_LIMITS.page): { from: number; to: number } {
  if (headSeq <= 0) return { from: 1, to: 0 };
  if (readSeq >= headSeq) return { from: Math.max(1, headSeq - page + 1), to: headSeq };
  const from = readSeq + 1;
  return { from, to: Math.min(headSeq, from + page - 1) };
}
