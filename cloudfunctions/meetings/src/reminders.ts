import { MEETING_LIMITS as L } from '../../../src/domain/meeting/limits';
import { formatShanghaiDateTime } from '../../../src/domain/meeting/period';
import { MEETING_TYPE_LABELS, type Meeting } from '../../../src/domain/meeting/types';
import type { FunctionContext } from '../../_runtime/context';
import { DuplicateKeyError } from '../../_runtime/storage/port';
import { meetingPage, notifyMembers } from './notify';
import { attendance, meetings, rowsOf } from './store';

export type ReminderKind = 'day' | 'hour';

export interface MeetingReminderReport {
  sent: number;
  keys: string[];
}

/** The key of one reminder: a rescheduled meeting (new startAt) is reminded again, for its new time. */
export const reminderKey = (meeting: Pick<Meeting, '_id' | 'startAt'>, kind: ReminderKind): string => `mr:${meeting._id}:${kind}:${meeting.startAt}`;

/**
 * Which reminder is due now: an hour before (from startAt − 1 h until the start), or the day before
 * (from startAt − 24 h until startAt − 1 h, and only while more than two hours remain, so a meeting
 * scheduled for this afternoon is not “reminded the day before”).
 */
export function dueReminder(meeting: Pick<Meeting, 'startAt'>, now: number): ReminderKind | null {
  const left = meeting.startAt - now;
  if (left <= 0) return null;
  if (left <= L.reminderOffsetsMs.hour) return 'hour';
  if (left <= L.reminderOffsetsMs.day && left > 2 * L.reminderOffsetsMs.hour) return 'day';
  return null;
}

/**
 * The scheduler's part: each meeting starting in the next 24 hours gets its due reminder once. The
 * reminder's key is inserted BEFORE sending: a tick that fires twice, late, or on two instances
 * sends at most once (the second insert fails on the key). Recipients: attendees not on approved
 * leave and not yet checked in; the in-app mark is attendance.remindedAt.
 */
export async function releaseMeetingReminders(ctx: FunctionContext): Promise<MeetingReminderReport> {
  const now = ctx.now();
  const soon = await meetings(ctx).find({ status: 'scheduled', startAt: { $gt: now, $lte: now + L.reminderOffsetsMs.day } }, { orderBy: [['startAt', 'asc']], limit: 500 });
  const keys: string[] = [];
  const log = ctx.storage.collection<{ _id: string; meetingId: string; kind: ReminderKind; at: number; recipients: number; wechat: number }>('meetingReminders');
  for (const meeting of soon) {
    const kind = dueReminder(meeting, now);
    if (!kind) continue;
    const key = reminderKey(meeting, kind);
    if (await log.get(key)) continue;
    const rows = (await rowsOf(ctx, meeting._id)).filter((r) => !r.removed && r.leaveStatus !== 'approved' && r.checkinAt === null);
    try {
      await log.insert({ _id: key, meetingId: meeting._id, kind, at: now, recipients: rows.length, wechat: 0 });
    } catch (err) {
      if (err instanceof DuplicateKeyError) continue;
      throw err;
    }
    for (let i = 0; i < rows.length; i += 500) {
      await attendance(ctx).update({ _id: { $in: rows.slice(i, i + 500).map((r) => r._id) } }, { $set: { remindedAt: now }, $inc: { remindCount: 1 } });
    }
    const result = await notifyMembers(ctx, rows.map((r) => r.memberId), {
      title: `${kind === 'day' ? '明天' : '1 小时后'}：${MEETING_TYPE_LABELS[meeting.type]}`,
      author: meeting.organizerName,
      time: formatShanghaiDateTime(meeting.startAt),
      tip: `${meeting.topic}${meeting.place ? ` · ${meeting.place}` : ''}`,
      page: meetingPage(meeting._id),
    });
    await log.updateById(key, { $set: { wechat: result.wechat } });
    keys.push(key);
  }
  return { sent: keys.length, keys };
}
