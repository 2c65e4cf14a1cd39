import { LESSON_LIMITS } from './limits';

/**
 * “提醒未学”: a branch officer reminds the members who have not completed today's lesson, once it is
 * released, with a cooldown against repeated nagging.
 */

/** The members to remind: expected today and not completed. */
export function remindTargets<M extends { _id: string }>(members: ReadonlyArray<M>, completedMemberIds: ReadonlySet<string>): M[] {
  return members.filter((m) => !completedMemberIds.has(m._id));
}

/** Null when a reminder may go now, otherwise the earliest time. */
export function lessonRemindAvailableAt(lastRemindAt: number | null, now: number): number | null {
  if (lastRemindAt === null) return null;
  const next = lastRemindAt + LESSON_LIMITS.remindCooldownMs;
  return next > now ? next : null;
}

