import type { OrgInput, RosterJobView, RosterValidation } from '../../../src/domain/api/org';
import { AppError } from '../../../src/domain/shared/errors';
import { ORG_LIMITS } from '../../../src/domain/org/limits';
import { canImportRoster } from '../../../src/domain/org/policies';
import { FIELD_LABELS, validateRoster, type RosterRecord } from '../../../src/domain/org/roster';
import type { Branch, Member, MemberMove, PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { memberIdFor, newId } from '../../_runtime/ids';
import type { DocValue } from '../../_runtime/storage/port';
import { readRosterGrid } from './roster-file';

/**
 * Roster import in two steps: `roster.validate` checks the whole file and stores a job (nothing touches
 * members unless every row is valid); `roster.apply` then writes it in batches so the client can show
 * progress and each call stays well inside a cloud function's time limit. Members are keyed by
 * employee number, so importing again updates them instead of duplicating.
 */
interface ImportJob {
  _id: string;
  createdBy: string;
  createdAt: number;
  status: RosterJobView['status'];
  records: RosterRecord[];
  total: number;
  applied: number;
  creates: number;
  updates: number;
  moves: number;
  [key: string]: DocValue | undefined;
}

const jobView = (job: ImportJob): RosterJobView => ({
  jobId: job._id,
  status: job.status,
  total: job.total,
  applied: job.applied,
  creates: job.creates,
  updates: job.updates,
  moves: job.moves,
});

export async function validateRosterFile(input: OrgInput<'roster.validate'>, ctx: FunctionContext): Promise<RosterValidation> {
  const { actor } = await requireActor(ctx);
  authorise(canImportRoster(actor));
  const grid = await readRosterGrid(input.fileName, input.contentBase64);

  const [branches, groups, members] = await Promise.all([
    ctx.storage.collection<Branch>('branches').findAll({ status: 'active' }),
    ctx.storage.collection<PartyGroup>('partyGroups').findAll({ status: 'active' }),
    ctx.storage.collection<Member>('members').findAll({ status: 'active' }),
  ]);
  const result = validateRoster(grid, {
    branchIdByName: new Map(branches.map((b) => [b.name, b._id])),
    groupIdByKey: new Map(groups.map((g) => [`${g.branchId}/${g.name}`, g._id])),
    otherMembersPerBranch: (branchId, inFile) => members.filter((m) => m.branchId === branchId && !inFile.has(m.employeeNo)).length,
  });
  const total = Math.max(0, grid.length - 1);
  if (!result.ok) {
    return {
      valid: false,
      headerError: result.headerError,
      total,
      errors: result.errors.map((e) => ({ ...e, column: e.field ? FIELD_LABELS[e.field] : null })),
    };
  }

  const existing = new Map(members.map((m) => [m.employeeNo, m]));
  const updates = result.records.filter((r) => existing.has(r.employeeNo));
  const job: ImportJob = {
    _id: newId(ctx, 'imp'),
    createdBy: actor.memberId,
    createdAt: ctx.now(),
    status: 'ready',
    records: result.records,
    total: result.records.length,
    applied: 0,
    creates: result.records.length - updates.length,
    updates: updates.length,
    moves: updates.filter((r) => existing.get(r.employeeNo)!.branchId !== r.branchId).length,
  };
  await ctx.storage.collection<ImportJob>('importJobs').insert(job);
  return { valid: true, jobId: job._id, total: job.total, creates: job.creates, updates: job.updates, moves: job.moves };
}

async function getOwnJob(ctx: FunctionContext, jobId: string, memberId: string): Promise<ImportJob> {
  const job = await ctx.storage.collection<ImportJob>('importJobs').get(jobId);
  if (!job || job.createdBy !== memberId) throw new AppError('IMPORT_JOB_NOT_FOUND');
  return job;
}

export async function rosterJob(input: OrgInput<'roster.job'>, ctx: FunctionContext): Promise<RosterJobView> {
  const { actor } = await requireActor(ctx);
  authorise(canImportRoster(actor));
  return jobView(await getOwnJob(ctx, input.jobId, actor.memberId));
}

/** Applies the next batch; idempotent, so a retried call after a timeout re-writes the same rows. */
export async function applyRoster(input: OrgInput<'roster.apply'>, ctx: FunctionContext): Promise<RosterJobView> {
  const { actor } = await requireActor(ctx);
  authorise(canImportRoster(actor));
  const job = await getOwnJob(ctx, input.jobId, actor.memberId);
  if (job.status === 'done') return jobView(job);
  const batch = job.records.slice(job.applied, job.applied + ORG_LIMITS.rosterApplyBatch);
  const applied = job.applied + batch.length;
  const status = applied >= job.total ? 'done' : 'applying';
  await ctx.storage.atomically(async () => {
    for (const record of batch) await applyRecord(ctx, record, actor.memberId);
    await ctx.storage.collection<ImportJob>('importJobs').updateById(job._id, { $set: { applied, status } });
  });
  return jobView({ ...job, applied, status });
}

async function applyRecord(ctx: FunctionContext, r: RosterRecord, by: string): Promise<void> {
  const members = ctx.storage.collection<Member>('members');
  const now = ctx.now();
  const [existing] = await members.find({ employeeNo: r.employeeNo }, { limit: 1 });
  if (r.role === 'secretary' && r.branchId) {
    await members.update(
      { branchId: r.branchId, role: 'secretary', employeeNo: { $ne: r.employeeNo } },
      { $set: { role: 'member', updatedAt: now } },
    );
  }
  const fields = {
    name: r.name,
    department: r.department,
    branchId: r.branchId,
    partyGroupId: r.partyGroupId,
    role: r.role,
    phone: r.phone,
    status: 'active',
    updatedAt: now,
    // A blank 企业微信账号 cell keeps the member's account (jobs stored before the column: undefined).
    ...(r.wecomUserId ? { wecomUserId: r.wecomUserId } : {}),
  } as const;
  if (!existing) {
    await members.put({ _id: memberIdFor(r.employeeNo), employeeNo: r.employeeNo, openid: null, boundAt: null, createdAt: now, ...fields });
    return;
  }
  if (existing.branchId !== r.branchId || existing.partyGroupId !== r.partyGroupId) {
    // Deterministic id: a retried batch records the same move once.
    await ctx.storage.collection<MemberMove>('memberHistory').put({
      _id: `mv_${moveKey(existing, r)}`,
      memberId: existing._id,
      fromBranchId: existing.branchId,
      toBranchId: r.branchId,
      fromGroupId: existing.partyGroupId,
      toGroupId: r.partyGroupId,
      reason: '花名册导入',
      by,
      at: now,
    });
  }
  await members.updateById(existing._id, { $set: { ...fields } });
}

const moveKey = (m: Member, r: RosterRecord) => `${m._id}_${m.updatedAt}_${r.branchId ?? 'none'}_${r.partyGroupId ?? 'none'}`;
