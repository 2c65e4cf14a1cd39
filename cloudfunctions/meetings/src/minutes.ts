import type { MeetingsOutput, MeetingsParsed } from '../../../src/domain/api/meetings';
import { owesMakeup } from '../../../src/domain/meeting/attendance';
import { formatShanghaiDateTime } from '../../../src/domain/meeting/period';
import { attendanceId, type Minutes, type MinutesRevision } from '../../../src/domain/meeting/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import { accessMeeting, managedMeeting, notCancelled } from './access';
import { meetingPage, notifyMembers } from './notify';
import { attendance, meetings, minutesHistory, minutesOf, rowsOf } from './store';
import { minutesView } from './views';

/**
 * Saves the minutes. Before publishing it is a draft, overwritten freely. After publishing, each
 * save keeps the version it replaces in the history (`<meetingId>:v<n>`; the insert of that key
 * decides a race between two editors: the loser gets CONFLICT and reloads).
 */
export async function saveMinutes(input: MeetingsParsed<'saveMinutes'>, ctx: FunctionContext): Promise<MeetingsOutput['saveMinutes']> {
  const { actor, member } = await requireActor(ctx);
  const meeting = await managedMeeting(ctx, actor, input.meetingId);
  notCancelled(meeting);
  if (input.photos.length) {
    const urls = await ctx.files.urls(input.photos.map((p) => p.fileId));
    if (urls.some((u) => u === null)) throw new AppError('BAD_REQUEST', '照片文件不存在，请重新上传', { path: 'photos' });
  }
  const now = ctx.now();
  const existing = await minutesOf(ctx).get(meeting._id);
  const fields = { recorderName: input.recorderName, content: input.content, resolutions: input.resolutions, photos: input.photos.map((p) => ({ fileId: p.fileId })), updatedBy: actor.memberId, updatedAt: now };
  let saved: Minutes;
  if (!existing) {
    saved = { _id: meeting._id, meetingId: meeting._id, branchId: meeting.branchId ?? '', recorderId: actor.memberId, status: 'draft', publishedAt: null, version: 1, ...fields };
    await minutesOf(ctx).insert(saved);
    await meetings(ctx).updateById(meeting._id, { $set: { minutesStatus: 'draft' } });
  } else if (existing.status === 'draft') {
    saved = { ...existing, ...fields };
    await minutesOf(ctx).put(saved);
  } else {
    const revision: MinutesRevision = {
      _id: `${meeting._id}:v${existing.version}`,
      meetingId: meeting._id,
      version: existing.version,
      recorderName: existing.recorderName,
      content: existing.content,
      resolutions: existing.resolutions,
      photos: existing.photos,
      editedBy: actor.memberId,
      editedByName: member.name,
      replacedAt: now,
    };
    await minutesHistory(ctx).insert(revision);
    saved = { ...existing, ...fields, version: existing.version + 1 };
    const written = await minutesOf(ctx).update({ _id: meeting._id, version: existing.version }, { $set: { ...fields, version: saved.version } });
    if (written === 0) throw new AppError('CONFLICT');
  }
  const rows = await rowsOf(ctx, meeting._id);
  return minutesView(ctx, saved, { ...meeting, minutesStatus: saved.status }, rows, true);
}

/** Publishes to the attendees once the meeting is over; the absent and those on leave get a make-up task. */
export async function publishMinutes(input: MeetingsParsed<'publishMinutes'>, ctx: FunctionContext): Promise<MeetingsOutput['publishMinutes']> {
  const { actor, member } = await requireActor(ctx);
  const meeting = await managedMeeting(ctx, actor, input.meetingId);
  notCancelled(meeting);
  const now = ctx.now();
  if (now < meeting.endAt) throw new AppError('CONFLICT', '会议结束后才能发布会议记录');
  const minutes = await minutesOf(ctx).get(meeting._id);
  if (!minutes) throw new AppError('CONFLICT', '请先保存会议记录');
  const rows = await rowsOf(ctx, meeting._id);
  const published = { ...meeting, minutesStatus: 'published' as const };
  if (minutes.status === 'published') return minutesView(ctx, minutes, published, rows, true);
  const flipped = await minutesOf(ctx).update({ _id: meeting._id, status: 'draft' }, { $set: { status: 'published', publishedAt: now } });
  await meetings(ctx).updateById(meeting._id, { $set: { minutesStatus: 'published', updatedAt: now } });
  if (flipped === 1) {
    const owing = rows.filter((r) => owesMakeup(r, published, now)).map((r) => r.memberId);
    await notifyMembers(ctx, owing, { title: `补学：${meeting.topic}`, author: member.name, time: formatShanghaiDateTime(meeting.startAt), tip: '请阅读会议记录和材料后确认已学习', page: meetingPage(meeting._id) });
  }
  return minutesView(ctx, { ...minutes, status: 'published', publishedAt: now }, published, rows, true);
}

/** 已学习: the caller's make-up of a meeting they missed. A repeat answers with the first time. */
export async function makeupDone(input: MeetingsParsed<'makeupDone'>, ctx: FunctionContext): Promise<MeetingsOutput['makeupDone']> {
  const { actor } = await requireActor(ctx);
  const access = await accessMeeting(ctx, actor, input.meetingId);
  const row = access.row;
  if (!row) throw new AppError('FORBIDDEN', '你不在本次会议的参会名单中');
  if (row.makeupAt !== null) return { meetingId: access.meeting._id, makeupAt: row.makeupAt };
  if (access.meeting.minutesStatus !== 'published') throw new AppError('CONFLICT', '会议记录尚未发布，暂不能补学');
  const now = ctx.now();
  if (!owesMakeup(row, access.meeting, now)) throw new AppError('CONFLICT', '你已参加本次会议，无需补学');
  await attendance(ctx).update({ _id: attendanceId(access.meeting._id, actor.memberId), makeupAt: null }, { $set: { makeupAt: now } });
  const fresh = await attendance(ctx).get(row._id);
  return { meetingId: access.meeting._id, makeupAt: fresh!.makeupAt! };
}
