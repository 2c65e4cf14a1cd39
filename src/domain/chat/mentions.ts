import { CHAT_LIMITS, MENTION_ALL } from './limits';
import type { ChatMention } from './types';

/**
 * Mentions are chosen in the picker (member ids) and written into the text as `@name`. The server
 * keeps a picked member only when `@name` really appears in the text and the member belongs to the
 * branch, so a crafted request cannot ping people silently. `@全体成员` needs `mentionAll` and an officer.
 */

/** Every `@token` in the text: the characters after `@` up to whitespace or punctuation. */
export function mentionTokens(text: string): string[] {
  const out: string[] = [];
  const re = /[@＠]([^\s@＠,，.。!！?？:：;；、()（）[\]【】"“”'‘’<>《》]{1,20})/g;
  for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** True when the text contains `@全体成员`. */
export const mentionsEveryone = (text: string): boolean => mentionTokens(text).some((t) => t.startsWith(MENTION_ALL));

/**
 * The mentions that count: picked ids that are in `roster` and whose `@name` is in the text (a name
 * followed directly by other text also counts: “@王芳你好”). Order of the picks, no duplicates, never
 * the sender.
 */
export function resolveMentions(
  text: string,
  pickedIds: readonly string[],
  roster: ReadonlyArray<{ _id: string; name: string }>,
  senderId: string,
): ChatMention[] {
  const byId = new Map(roster.map((m) => [m._id, m]));
  const tokens = mentionTokens(text);
  const seen = new Set<string>();
  const out: ChatMention[] = [];
  for (const id of pickedIds) {
    const member = byId.get(id);
    if (!member || seen.has(id) || id === senderId) continue;
    if (!tokens.some((t) => t.startsWith(member.name))) continue;
    seen.add(id);
    out.push({ memberId: id, name: member.name });
    if (out.length >= CHAT_LIMITS.mentionsMax) break;
  }
  return out;
}

/** Keeps the newest `max` seqs, ascending, without duplicates. */
export function keepLatestSeqs(seqs: readonly number[], add: number, max: number): number[] {
  return [...new Set([...seqs, add])].sort((a, b) => a - b).slice(-max);
}
