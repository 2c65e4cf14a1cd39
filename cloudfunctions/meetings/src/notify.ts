import type { FunctionContext } from '../../_runtime/context';
import { remindMeeting } from '../../_runtime/reach/meeting-reminder';

/** A meeting message: what it says and the page it opens. */
export interface MeetingMessage {
  title: string;
  author: string;
  time: string;
  tip: string;
  page: string;
}

/** Which event this is, so a retry of the same event finds the first reminder and sends nothing. */
interface NotifyRouteBase {
  /** Unique per event, e.g. `<meetingId>:scheduled`, `<meetingId>:day`, `br:<branchId>:<slot>`. */
  key: string;
  by: string | null;
  /** Only the reminders before a meeting are urgent (may use SMS, not held by quiet hours). */
  urgent: boolean;
}

/** An event of one meeting (invitation, reminders, cancellation, make-up tasks). */
interface MeetingEventRoute extends NotifyRouteBase {
  meetingId: string;
  branchId: string | null;
}

/** The committee's nudge to a branch's secretary about the meetings the branch still owes: about the branch, no one meeting. */
interface BranchDueRoute extends NotifyRouteBase {
  aboutBranch: string;
}

export type MeetingNotifyRoute = MeetingEventRoute | BranchDueRoute;

export interface NotifyResult {
  total: number;
  /** Reached outside the app (WeChat, WeCom or SMS) in the first round; 0 when quiet hours deferred it. */
  reached: number;
  wechat: number;
}

/**
 * The ONE way meetings reach members outside the app (invitation, reminders, cancellation, make-up
 * tasks, the committee's nudge to a secretary): the reminder engine of issue 11, which picks each
 * member's best channel (WeChat credit, WeCom, SMS for urgent), respects quiet hours and records the
 * reach report. The in-app mark is the caller's (attendance.remindedAt, the make-up list, the branch
 * reminder record). Failures never fail the caller's action.
 */
export async function notifyMembers(ctx: FunctionContext, memberIds: string[], message: MeetingMessage, route: MeetingNotifyRoute): Promise<NotifyResult> {
  if (memberIds.length === 0) return { total: 0, reached: 0, wechat: 0 };
  try {
    const started = await remindMeeting(ctx, {
      reminderId: `meeting:${route.key}`,
      about: 'aboutBranch' in route ? { kind: 'branch', branchId: route.aboutBranch } : { kind: 'meeting', meetingId: route.meetingId, branchId: route.branchId },
      by: route.by,
      memberIds,
      title: message.title,
      from: message.author,
      time: message.time,
      tip: message.tip,
      page: message.page,
      urgent: route.urgent,
    });
    const reached = started.round1?.reached;
    return { total: memberIds.length, reached: reached ? reached.wechat + reached.wecom + reached.sms : 0, wechat: reached?.wechat ?? 0 };
  } catch (err) {
    console.error('[meetings] notify', err);
    return { total: memberIds.length, reached: 0, wechat: 0 };
  }
}

export const meetingPage = (meetingId: string): string => `pages/meeting/index?meetingId=${meetingId}`;
