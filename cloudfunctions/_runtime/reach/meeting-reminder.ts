import type { FunctionContext } from '../context';
import { reachDepsOf } from './deps';
import { startReminder, type ReachSourceHooks, type ReminderStarted } from './remind-round';

/**
 * What a meeting message is about: one meeting (its branch is null for a hospital-wide 党课), or a
 * branch whose meetings are due (the committee's nudge to its secretary, about no single meeting).
 */
export type MeetingReachSource = { kind: 'meeting'; meetingId: string; branchId: string | null } | { kind: 'branch'; branchId: string };

export interface MeetingReminder {
  /** Deterministic per meeting and reminder (e.g. `meeting:<id>:day-before`): a timer firing twice sends once. */
  reminderId: string;
  about: MeetingReachSource;
  /** Who set it off; null for a timer. */
  by: string | null;
  memberIds: string[];
  title: string;
  from: string;
  /** The meeting's time, formatted in Asia/Shanghai. */
  time: string;
  tip: string;
  page: string;
  /**
   * Reminders before a meeting are urgent by the product's rule (SMS allowed, quiet hours ignored);
   * other meeting messages (the invitation, a cancellation, make-up tasks, a nudge) are not. Default true.
   */
  urgent?: boolean;
}

/**
 * For 三会一课 meetings (issue 12): meeting reminders are urgent by the product's rule, so they may use
 * SMS (within the committee's cap) and are not held back by quiet hours. `hooks.stillPending` can leave
 * out those who already answered (attendance, leave) before a second round.
 */
export function remindMeeting(ctx: FunctionContext, input: MeetingReminder, hooks: ReachSourceHooks = {}): Promise<ReminderStarted> {
  return startReminder(
    ctx,
    reachDepsOf(ctx),
    {
      reminderId: input.reminderId,
      source: input.about.kind === 'meeting' ? { kind: 'meeting', id: input.about.meetingId, branchId: input.about.branchId } : { kind: 'branch', id: input.about.branchId, branchId: input.about.branchId },
      by: input.by,
      memberIds: input.memberIds,
      // A meeting has its own follow-up (the hour-before reminder), so no second round here.
      escalate: false,
      message: { kind: 'meeting', urgent: input.urgent ?? true, title: input.title, from: input.from, time: input.time, tip: input.tip, page: input.page },
    },
    hooks,
  );
}
