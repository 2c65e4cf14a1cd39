import { createHmac } from 'node:crypto';
import type { Mac } from '../../../src/domain/meeting/checkin-token';
import { DEFAULT_CADENCE, MEETING_TYPES, type Attendance, type CadenceSetting, type CadenceTable, type Meeting, type Minutes, type MinutesRevision } from '../../../src/domain/meeting/types';
import type { Branch } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { DuplicateKeyError } from '../../_runtime/storage/port';

export const meetings = (ctx: FunctionContext) => ctx.storage.collection<Meeting>('meetings');
export const attendance = (ctx: FunctionContext) => ctx.storage.collection<Attendance>('meetingAttendance');
export const minutesOf = (ctx: FunctionContext) => ctx.storage.collection<Minutes>('meetingMinutes');
export const minutesHistory = (ctx: FunctionContext) => ctx.storage.collection<MinutesRevision>('meetingMinutesHistory');

export async function getMeeting(ctx: FunctionContext, meetingId: string): Promise<Meeting> {
  const meeting = await meetings(ctx).get(meetingId);
  if (!meeting) throw new AppError('NOT_FOUND', '会议不存在或已删除');
  return meeting;
}

/** Every attendance row of a meeting (removed ones included: callers filter). */
export const rowsOf = (ctx: FunctionContext, meetingId: string): Promise<Attendance[]> => attendance(ctx).findAll({ meetingId }, 1000);

/** Rows of many meetings, in chunks the `$in` can carry. */
export async function rowsOfMany(ctx: FunctionContext, meetingIds: string[]): Promise<Map<string, Attendance[]>> {
  const out = new Map<string, Attendance[]>(meetingIds.map((id) => [id, []]));
  for (let i = 0; i < meetingIds.length; i += 100) {
    const rows = await attendance(ctx).findAll({ meetingId: { $in: meetingIds.slice(i, i + 100) } }, 1000);
    for (const r of rows) out.get(r.meetingId)?.push(r);
  }
  return out;
}

export async function branchName(ctx: FunctionContext, branchId: string | null): Promise<string> {
  if (branchId === null) return committeeName(ctx);
  const branch = await ctx.storage.collection<Branch>('branches').get(branchId);
  return branch?.name ?? '已删除的支部';
}

export async function getActiveBranch(ctx: FunctionContext, branchId: string): Promise<Branch> {
  const branch = await ctx.storage.collection<Branch>('branches').get(branchId);
  if (!branch) throw new AppError('NOT_FOUND', '支部不存在');
  if (branch.status !== 'active') throw new AppError('BRANCH_ARCHIVED');
  return branch;
}

export async function committeeName(ctx: FunctionContext): Promise<string> {
  const settings = await ctx.storage.collection<{ _id: string; committeeName?: string }>('settings').get('organisation');
  return settings?.committeeName ?? '医院党委';
}

const cadenceDoc = (ctx: FunctionContext) => ctx.storage.collection<CadenceSetting>('settings');

/** The hospital's cadence: the committee's setting over the defaults (a type added later gets its default). */
export async function loadCadence(ctx: FunctionContext): Promise<{ table: CadenceTable; setting: CadenceSetting | null }> {
  const setting = await cadenceDoc(ctx).get('meetingCadence');
  const table = { ...DEFAULT_CADENCE };
  for (const type of MEETING_TYPES) if (setting?.table?.[type]) table[type] = setting.table[type];
  return { table, setting };
}

export const saveCadence = (ctx: FunctionContext, setting: CadenceSetting): Promise<void> => cadenceDoc(ctx).put(setting);

/**
 * The check-in HMAC. The secret comes from the environment (`WZB_MEETING_SECRET`: set it in the
 * CloudBase console; the local host derives it from its own secret at start). Without it, a random
 * secret is created once in `settings` (insert-once: concurrent first calls agree on one).
 */
export async function checkinMac(ctx: FunctionContext): Promise<Mac> {
  const secret = process.env.WZB_MEETING_SECRET || (await storedSecret(ctx));
  return (message) => createHmac('sha256', secret).update(message).digest();
}

async function storedSecret(ctx: FunctionContext): Promise<string> {
  const col = ctx.storage.collection<{ _id: string; secret: string }>('settings');
  const existing = await col.get('meetingCheckinSecret');
  if (existing) return existing.secret;
  const secret = Buffer.from(ctx.randomBytes(32)).toString('hex');
  try {
    await col.insert({ _id: 'meetingCheckinSecret', secret });
    return secret;
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    return (await col.get('meetingCheckinSecret'))!.secret;
  }
}
