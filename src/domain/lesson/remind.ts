import { LESSON_LIMITS } from './limits';

/**
 * “提醒未学”: a branch officer reminds the members who have not completed today's lesson, once it is
 * released, with a cooldown against repeated nagging.
 */

/**
 * The members to remind: expected today, not completed, and bound to WeChat (a member who never bound
 * cannot open the app, so no reminder could reach them; `unbound` counts them for the officer).
 */
export function remindTargets<M extends { _id: string; openid: string | null }>(members: ReadonlyArray<M>, completedMemberIds: ReadonlySet<string>): { targets: M[]; unbound: number } {
  const pending = members.filter((m) => !completedMemberIds.has(m._id));
  const targets = pending.filter((m) => m.openid !== null);
  return { targets, unbound: pending.length - targets.length };
}

/** Null when a reminder may go now, otherwise the earliest time. */
export function lessonRemindAvailableAt(lastRemindAt: number | null, now: number): number | null {
  if (lastRemindAt === null) return null;
  const next = lastRemindAt + LESSON_LIMITS.remindCooldownMs;
  return next > now ? next : null;
}

