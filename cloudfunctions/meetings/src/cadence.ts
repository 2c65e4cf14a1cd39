import type { MeetingsOutput, MeetingsParsed } from '../../../src/domain/api/meetings';
import { branchDue, yearMatrix, type HeldFact } from '../../../src/domain/meeting/due';
import { MEETING_LIMITS as L } from '../../../src/domain/meeting/limits';
import { monthKeyOf, shanghaiDate, yearBounds } from '../../../src/domain/meeting/period';
import { canSeeMatrix, canSetCadence } from '../../../src/domain/meeting/policies';
import { MEETING_TYPE_LABELS, type CadenceTable, type Meeting } from '../../../src/domain/meeting/types';
import type { Branch, Member } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { DuplicateKeyError } from '../../_runtime/storage/port';
import { requireBranchRecords } from './access';
import { notifyMembers } from './notify';
import { branchName, getActiveBranch, loadCadence, meetings, saveCadence } from './store';


export async function cadence(_input: MeetingsParsed<'cadence'>, ctx: FunctionContext): Promise<MeetingsOutput['cadence']> {
  await requireActor(ctx);
  const { table, setting } = await loadCadence(ctx);
  return { table, isDefault: setting === null, updatedAt: setting?.updatedAt ?? null };
}

export async function setCadence(input: MeetingsParsed<'setCadence'>, ctx: FunctionContext): Promise<MeetingsOutput['setCadence']> {
  const { actor } = await requireActor(ctx);
  authorise(canSetCadence(actor));
  const { table } = await loadCadence(ctx);
  const next: CadenceTable = { ...table, ...(input.table as Partial<CadenceTable>) };
  const now = ctx.now();
  await saveCadence(ctx, { _id: 'meetingCadence', table: next, updatedBy: actor.memberId, updatedAt: now });
  return { table: next, isDefault: false, updatedAt: now };
}

/** A branch's meetings in a time range, hospital-wide ones included (they count for every branch). */
export async function branchMeetings(ctx: FunctionContext, branchId: string, start: number, end: number): Promise<Meeting[]> {
  const range = { startAt: { $gte: start, $lt: end } };
  const [own, hospital] = await Promise.all([meetings(ctx).findAll({ branchId, ...range }, 1000), meetings(ctx).findAll({ branchId: null, ...range }, 1000)]);
  return [...own, ...hospital];
}

const facts = (list: Meeting[]): HeldFact[] => list.map((m) => ({ type: m.type, startAt: m.startAt, status: m.status }));

export async function overview(input: MeetingsParsed<'overview'>, ctx: FunctionContext): Promise<MeetingsOutput['overview']> {
  const { actor } = await requireActor(ctx);
  const branchId = requireBranchRecords(actor, input.branchId);
  const now = ctx.now();
  const month = input.month ?? monthKeyOf(now);
  const year = Number(month.slice(0, 4));
  const { table } = await loadCadence(ctx);
  const { start, end } = yearBounds(year);
  const list = await branchMeetings(ctx, branchId, start, end);
  const cells = branchDue(table, facts(list), now, month).map((r) => ({
    type: r.type,
    cadence: r.cadence,
    period: r.period.key,
    periodLabel: r.period.label,
    state: r.state,
    held: r.held,
    scheduled: r.scheduled,
    nextAt: r.nextAt,
  }));
  return {
    branchId,
    branchName: await branchName(ctx, branchId),
    month,
    cells,
    dueCount: cells.filter((c) => c.state === 'due').length,
    overdueCount: cells.filter((c) => c.state === 'overdue').length,
  };
}

const remindSlot = (now: number) => Math.floor(now / L.remindBranchCooldownMs);

/** The committee's matrix: every active branch × the twelve months of the year. */
export async function matrix(input: MeetingsParsed<'matrix'>, ctx: FunctionContext): Promise<MeetingsOutput['matrix']> {
  const { actor } = await requireActor(ctx);
  authorise(canSeeMatrix(actor));
  const now = ctx.now();
  const { table } = await loadCadence(ctx);
  const { start, end } = yearBounds(input.year);
  const [branches, all, secretaries, reminders] = await Promise.all([
    ctx.storage.collection<Branch>('branches').findAll({ status: 'active' }, 1000),
    meetings(ctx).findAll({ startAt: { $gte: start, $lt: end } }, 1000),
    ctx.storage.collection<Member>('members').findAll({ role: 'secretary', status: 'active' }, 1000),
    ctx.storage.collection<{ _id: string; branchId: string; at: number }>('meetingBranchReminders').find({ at: { $gte: now - L.remindBranchCooldownMs } }, { limit: 1000 }),
  ]);
  branches.sort((a, b) => a._id.localeCompare(b._id));
  const hospital = all.filter((m) => m.branchId === null);
  const months = Array.from({ length: 12 }, (_, i) => `${input.year}-${String(i + 1).padStart(2, '0')}`);
  return {
    year: input.year,
    months,
    branches: branches.map((b) => {
      const cells = yearMatrix(table, facts([...all.filter((m) => m.branchId === b._id), ...hospital]), input.year, now);
      const recent = reminders.some((r) => r.branchId === b._id && remindSlot(r.at) === remindSlot(now));
      return {
        branchId: b._id,
        branchName: b.name,
        secretaryName: secretaries.find((s) => s.branchId === b._id)?.name ?? null,
        cells,
        overdue: cells.reduce((n, c) => n + c.overdue, 0),
        due: cells.reduce((n, c) => n + c.due, 0),
        remindAvailableAt: recent ? (remindSlot(now) + 1) * L.remindBranchCooldownMs : null,
      };
    }),
  };
}

/** One tap from the matrix: the branch's secretary hears what is due and overdue this month. */
export async function remindBranch(input: MeetingsParsed<'remindBranch'>, ctx: FunctionContext): Promise<MeetingsOutput['remindBranch']> {
  const { actor, member } = await requireActor(ctx);
  authorise(canSeeMatrix(actor));
  const branch = await getActiveBranch(ctx, input.branchId);
  const now = ctx.now();
  const [secretary] = await ctx.storage.collection<Member>('members').find({ branchId: branch._id, role: 'secretary', status: 'active' }, { limit: 1 });
  if (!secretary) throw new AppError('CONFLICT', '该支部尚未设置支部书记');
  const { table } = await loadCadence(ctx);
  const { year } = shanghaiDate(now);
  const { start, end } = yearBounds(year);
  const due = branchDue(table, facts(await branchMeetings(ctx, branch._id, start, end)), now);
  const open = due.filter((d) => d.state === 'due' || d.state === 'overdue');
  if (open.length === 0) throw new AppError('CONFLICT', '该支部本期会议均已召开，无需提醒');
  const slot = remindSlot(now);
  const availableAt = (slot + 1) * L.remindBranchCooldownMs;
  try {
    // The slot key makes a double tap (or a second admin) remind once per hour.
    await ctx.storage.collection('meetingBranchReminders').insert({ _id: `br:${branch._id}:${slot}`, branchId: branch._id, at: now, by: actor.memberId, secretaryId: secretary._id, types: open.map((d) => d.type) });
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new AppError('CONFLICT', `刚刚已提醒过，请在 ${Math.ceil((availableAt - now) / 60000)} 分钟后再试`, { availableAt });
    throw err;
  }
  const summary = open.map((d) => `${MEETING_TYPE_LABELS[d.type]}${d.state === 'overdue' ? '（逾期）' : ''}`).join('、');
  const sent = await notifyMembers(ctx, [secretary._id], { title: '请按时召开支部会议', author: member.name, time: monthKeyOf(now), tip: `待开：${summary}`, page: 'pages/meeting/list/index' }, { key: `br:${branch._id}:${slot}`, aboutBranch: branch._id, by: actor.memberId, urgent: false });
  return { branchId: branch._id, secretaryName: secretary.name, sent: true, wechat: sent.reached > 0, remindAvailableAt: availableAt };
}
