import type { FunctionContext } from '../context';
import { reachDepsOf } from './deps';
import { startReminder, type ReachSourceHooks, type ReminderStarted } from './remind-round';

export interface MeetingReminder {
  /** Deterministic per meeting and reminder (e.g. `meeting:<id>:day-before`): a timer firing twice sends once. */
  reminderId: string;
  meetingId: string;
  branchId: string;
  /** Who set it off; null for a timer. */
  by: string | null;
  memberIds: string[];
  title: string;
  from: string;
  /** The meeting's time, formatted in Asia/Shanghai. */
  time: string;
  tip: string;
  page: string;
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
      source: { kind: 'meeting', id: input.meetingId, branchId: input.branchId },
      by: input.by,
      memberIds: input.memberIds,
      message: { kind: 'meeting', urgent: true, title: input.title, from: input.from, time: input.time, tip: input.tip, page: input.page },
    },
    hooks,
  );
}
