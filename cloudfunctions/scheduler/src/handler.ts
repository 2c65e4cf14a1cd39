import type { FunctionContext } from '../../_runtime/context';
import { releaseDueLessons, type LessonReleaseReport } from '../../lessons/src/release';
import { releaseMeetingReminders, type MeetingReminderReport } from '../../meetings/src/reminders';
import { releaseDueNotices } from '../../notices/src/release';

export interface SchedulerReport {
  at: number;
  notices: { released: number; notices: string[] };
  lessons: LessonReleaseReport;
  meetings: MeetingReminderReport;
}

/**
 * One scheduler tick: everything whose time has come. Driven by the CloudBase timer trigger in the
 * cloud and by the local host's interval locally; every step is idempotent, so a tick that fires
 * twice or late does each thing once (scheduled notices flip once; each branch's lesson day is
 * recorded once under its release key).
 */
export async function runScheduler(ctx: FunctionContext): Promise<SchedulerReport> {
  const at = ctx.now();
  const notices = await releaseDueNotices(ctx);
  const lessons = await releaseDueLessons(ctx);
  const meetings = await releaseMeetingReminders(ctx);
  return { at, notices, lessons, meetings };
}
