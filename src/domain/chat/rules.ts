import { CHAT_LIMITS } from './limits';
import type { ChatMessageDoc, ChatQuote } from './types';

/** Recall: the sender's own visible (or reviewing) message, strictly within 2 minutes of sending. */
export const recallDeadline = (createdAt: number): number => createdAt + CHAT_LIMITS.recallWindowMs;
export const withinRecallWindow = (createdAt: number, now: number): boolean => now <= recallDeadline(createdAt);

export const isGone = (m: Pick<ChatMessageDoc, 'state'>): boolean => m.state === 'recalled' || m.state === 'removed';

/**
 * Sliding-minute rate limit over the member's recent send times. Returns the times to store when
 * allowed, or how long to wait.
 */
export function rateCheck(recent: readonly number[], now: number): { allowed: true; next: number[] } | { allowed: false; retryAfterMs: number } {
  const windowStart = now - CHAT_LIMITS.rateWindowMs;
  const inWindow = recent.filter((t) => t > windowStart && t <= now).sort((a, b) => a - b);
  if (inWindow.length >= CHAT_LIMITS.ratePerMinute) {
    return { allowed: false, retryAfterMs: inWindow[inWindow.length - CHAT_LIMITS.ratePerMinute] + CHAT_LIMITS.rateWindowMs - now };
  }
  return { allowed: true, next: [...inWindow, now] };
}

/** The quote snapshot of a message being replied to. */
export function quoteOf(m: Pick<ChatMessageDoc, 'seq' | 'senderId' | 'senderName' | 'kind' | 'text'>): ChatQuote {
  const chars = [...m.text];
  const excerpt = chars.length > CHAT_LIMITS.quoteExcerptMax ? `${chars.slice(0, CHAT_LIMITS.quoteExcerptMax).join('')}…` : m.text;
  return { seq: m.seq, senderId: m.senderId, senderName: m.senderName, kind: m.kind, excerpt: m.kind === 'image' ? '' : excerpt };
}

/** Text as stored: trimmed at the ends; inner whitespace and emoji kept. */
export const normaliseText = (text: string): string => text.replace(/^\s+|\s+$/g, '');

/** A notice title from a message: its first line, at most 60 characters (the notice title limit). */
export function noticeTitleFrom(text: string, fallback: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim().length > 0)?.trim() ?? '';
  const chars = [...first];
  if (chars.length === 0) return fallback;
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : first;
}
