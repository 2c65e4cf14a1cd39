import { assertDeadline, assertPublishAt } from '../../domain/notice/rules';
import { isAppError } from '../../domain/shared/errors';
import { epochOf, fieldsOf } from '../../utils/format-time';
import type { DateTimeValue } from '../../components/date-time-field';

const HOUR = 60 * 60 * 1000;

export interface ScheduleDraft {
  later: boolean;
  publishAt: DateTimeValue;
  hasDeadline: boolean;
  deadline: DateTimeValue;
}

/** Defaults a secretary rarely has to touch: publish in about an hour, deadline tomorrow 18:00. */
export function defaultSchedule(now: number): ScheduleDraft {
  const nextHour = Math.ceil((now + HOUR) / HOUR) * HOUR;
  const tomorrow = fieldsOf(now + 24 * HOUR).date;
  return { later: false, publishAt: fieldsOf(nextHour), hasDeadline: false, deadline: { date: tomorrow, clock: '18:00' } };
}

/** Epoch ms for the payload, or the message explaining what is wrong (same rules as the function). */
export function scheduleTimes(draft: ScheduleDraft, now: number): { publishAt: number | null; deadline: number | null } | { error: string } {
  const publishAt = draft.later ? epochOf(draft.publishAt.date, draft.publishAt.clock) : null;
  const deadline = draft.hasDeadline ? epochOf(draft.deadline.date, draft.deadline.clock) : null;
  if (Number.isNaN(publishAt)) return { error: '请选择定时发布的日期和时间' };
  if (Number.isNaN(deadline)) return { error: '请选择截止日期和时间' };
  try {
    if (publishAt !== null) assertPublishAt(publishAt, now);
    assertDeadline(deadline, publishAt ?? now);
  } catch (e) {
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
  return { publishAt, deadline };
}
