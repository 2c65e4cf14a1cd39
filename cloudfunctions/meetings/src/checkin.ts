import type { MeetingsOutput, MeetingsParsed } from '../../../src/domain/api/meetings';
import { checkinOpen, checkinWindow, isLate } from '../../../src/domain/meeting/attendance';
import { currentCode, verifyCode, verifyToken } from '../../../src/domain/meeting/checkin-token';
import { MEETING_LIMITS as L } from '../../../src/domain/meeting/limits';
import { attendanceId, type CheckinMethod, type Meeting } from '../../../src/domain/meeting/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import { managedMeeting, notCancelled } from './access';
import { attendance, checkinMac, getMeeting, meetings } from './store';
import { attendeeView } from './views';

function assertWindow(meeting: Meeting, now: number): void {
  if (checkinOpen(meeting, now)) return;
  const { opensAt } = checkinWindow(meeting);
  if (now < opensAt) throw new AppError('CONFLICT', '签到尚未开始（会前 30 分钟开放）');
  throw new AppError('CONFLICT', '会议已结束，签到已关闭');
}

/** The officer's screen: the QR token and the 6-digit code of the current 30-second window. */
export async function checkinCode(input: MeetingsParsed<'checkinCode'>, ctx: FunctionContext): Promise<MeetingsOutput['checkinCode']> {
  const { actor } = await requireActor(ctx);
  const meeting = await managedMeeting(ctx, actor, input.meetingId);
  notCancelled(meeting);
  const now = ctx.now();
  assertWindow(meeting, now);
  const code = currentCode(await checkinMac(ctx), meeting._id, now);
  return { meetingId: meeting._id, token: code.token, code: code.code, secondsLeft: code.secondsLeft, windowMs: L.tokenWindowMs, expected: meeting.expected, checkedIn: meeting.checkedIn };
}

/**
 * A member checks in with the scanned token or the typed code. Checks run in this order and the
 * first failure refuses with nothing written: the token (forged, expired, another meeting), the
 * meeting (cancelled, outside the window), the caller (not an attendee), then the claim itself: a
 * conditional write on `checkinAt: null`, so two taps or two devices check in once.
 */
export async function checkin(input: MeetingsParsed<'checkin'>, ctx: FunctionContext): Promise<MeetingsOutput['checkin']> {
  const { actor } = await requireActor(ctx);
  const now = ctx.now();
  const mac = await checkinMac(ctx);
  let meetingId: string;
  let method: CheckinMethod;
  if (input.token) {
    const verdict = verifyToken(mac, input.token, now);
    if (!verdict.ok) throw new AppError('CHECKIN_INVALID', verdict.reason === 'expired' ? '签到码已过期，请扫描屏幕上最新的二维码' : '签到码无效', { path: 'token' });
    if (input.meetingId && input.meetingId !== verdict.meetingId) throw new AppError('CHECKIN_INVALID', '该签到码不属于本次会议', { path: 'token' });
    meetingId = verdict.meetingId;
    method = 'qr';
  } else if (input.meetingId && input.code) {
    // Typed codes are guessable in principle (10⁶): an attendee gets a bounded number of wrong tries per meeting.
    const own = await attendance(ctx).get(attendanceId(input.meetingId, actor.memberId));
    if (own && (own.codeFailures ?? 0) >= L.codeFailuresMax) throw new AppError('CHECKIN_INVALID', '签到码错误次数过多，请扫描二维码或请支部书记手动签到', { path: 'code' });
    if (!verifyCode(mac, input.meetingId, input.code, now)) {
      if (own) await attendance(ctx).updateById(own._id, { $inc: { codeFailures: 1 } });
      throw new AppError('CHECKIN_INVALID', '签到码不正确或已过期，请输入屏幕上最新的 6 位数字', { path: 'code' });
    }
    meetingId = input.meetingId;
    method = 'code';
  } else {
    throw new AppError('BAD_REQUEST', input.meetingId ? '请输入 6 位签到码' : '请扫描签到二维码或输入 6 位签到码', { path: input.meetingId ? 'code' : 'token' });
  }
  const meeting = await getMeeting(ctx, meetingId);
  notCancelled(meeting);
  assertWindow(meeting, now);
  const row = await attendance(ctx).get(attendanceId(meeting._id, actor.memberId));
  if (!row || row.removed) throw new AppError('FORBIDDEN', '你不在本次会议的参会名单中');
  if (row.checkinAt !== null) throw new AppError('CONFLICT', '你已签到，无需重复签到');
  const late = isLate(meeting, now);
  const claimed = await attendance(ctx).update({ _id: row._id, checkinAt: null }, { $set: { checkinAt: now, checkinMethod: method, late, checkinBy: actor.memberId, checkinByName: null } });
  if (claimed === 0) throw new AppError('CONFLICT', '你已签到，无需重复签到');
  await meetings(ctx).updateById(meeting._id, { $inc: { checkedIn: 1 } });
  return { meetingId: meeting._id, topic: meeting.topic, checkinAt: now, method, late };
}

/** 手动签到 by an officer (recorded with who did it), or its undo. Open from the window's start on, also after the end. */
export async function manualCheckin(input: MeetingsParsed<'manualCheckin'>, ctx: FunctionContext): Promise<MeetingsOutput['manualCheckin']> {
  const { actor, member: officer } = await requireActor(ctx);
  const meeting = await managedMeeting(ctx, actor, input.meetingId);
  notCancelled(meeting);
  const now = ctx.now();
  if (now < checkinWindow(meeting).opensAt) throw new AppError('CONFLICT', '签到尚未开始（会前 30 分钟开放）');
  const row = await attendance(ctx).get(attendanceId(meeting._id, input.memberId));
  if (!row || row.removed) throw new AppError('NOT_FOUND', '该党员不在本次会议的参会名单中');
  if (input.undo) {
    if (row.checkinMethod !== 'manual') throw new AppError('CONFLICT', '只能撤销手动签到');
    const undone = await attendance(ctx).update({ _id: row._id, checkinMethod: 'manual' }, { $set: { checkinAt: null, checkinMethod: null, checkinBy: null, checkinByName: null, late: false } });
    if (undone === 1) await meetings(ctx).updateById(meeting._id, { $inc: { checkedIn: -1 } });
  } else {
    if (row.checkinAt !== null) throw new AppError('CONFLICT', '该党员已签到');
    // After the end the officer records attendance as it was, not late for being typed in later.
    const at = Math.min(now, meeting.endAt);
    const claimed = await attendance(ctx).update(
      { _id: row._id, checkinAt: null },
      { $set: { checkinAt: at, checkinMethod: 'manual', late: now <= meeting.endAt && isLate(meeting, now), checkinBy: actor.memberId, checkinByName: officer.name } },
    );
    if (claimed === 0) throw new AppError('CONFLICT', '该党员已签到');
    await meetings(ctx).updateById(meeting._id, { $inc: { checkedIn: 1 } });
  }
  return attendeeView((await attendance(ctx).get(row._id))!, meeting, now);
}
