import type { MeView, OrgInput } from '../../../src/domain/api/org';
import { AppError } from '../../../src/domain/shared/errors';
import { assertInviteUsable, normaliseInviteCode } from '../../../src/domain/org/invite';
import { ORG_LIMITS } from '../../../src/domain/org/limits';
import type { Branch, Invite, Member } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { findCaller } from '../../_runtime/actor';
import { memberIdFor } from '../../_runtime/ids';
import { meView } from './me';
import { activeMembersOf } from './views';

/**
 * Binding ties the platform identity (OPENID / local session) to one member record, once. The write
 * is conditional on the record still being unbound, so two phones racing for one member cannot both win.
 */
async function bindOpenid(ctx: FunctionContext, memberId: string): Promise<Member> {
  const openid = ctx.openid!;
  const changed = await ctx.storage
    .collection<Member>('members')
    .update({ _id: memberId, openid: null }, { $set: { openid, boundAt: ctx.now(), updatedAt: ctx.now() } });
  if (changed === 0) throw new AppError('MEMBER_ALREADY_BOUND');
  const member = await ctx.storage.collection<Member>('members').get(memberId);
  return member!;
}

async function assertCallerUnbound(ctx: FunctionContext): Promise<void> {
  if (await findCaller(ctx)) throw new AppError('ALREADY_BOUND');
}

const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

export async function bindByRoster(input: OrgInput<'bind.roster'>, ctx: FunctionContext): Promise<MeView> {
  await assertCallerUnbound(ctx);
  const [member] = await ctx.storage.collection<Member>('members').find({ employeeNo: input.employeeNo, status: 'active' }, { limit: 1 });
  // One message for "no such number" and "wrong name": the form must not reveal who is on the roster.
  if (!member || !sameName(member.name, input.name)) throw new AppError('ROSTER_NO_MATCH');
  if (member.openid !== null) throw new AppError('MEMBER_ALREADY_BOUND');
  return meView(ctx, await bindOpenid(ctx, member._id));
}

export async function bindByInvite(input: OrgInput<'bind.invite'>, ctx: FunctionContext): Promise<MeView> {
  await assertCallerUnbound(ctx);
  const now = ctx.now();
  const invite = await ctx.storage.collection<Invite>('invites').get(normaliseInviteCode(input.code));
  assertInviteUsable(invite, now);
  const branch = await ctx.storage.collection<Branch>('branches').get(invite.branchId);
  if (!branch || branch.status !== 'active') throw new AppError('BRANCH_ARCHIVED');

  const members = ctx.storage.collection<Member>('members');
  const [existing] = await members.find({ employeeNo: input.employeeNo }, { limit: 1 });
  let bound: Member;
  if (existing) {
    // The roster already knows this person: the invite may only confirm them into their own branch.
    if (!sameName(existing.name, input.name)) throw new AppError('ROSTER_NO_MATCH', '工号与姓名不匹配，请核对');
    if (existing.status !== 'active' || existing.branchId !== invite.branchId) {
      throw new AppError('MEMBER_NOT_IN_BRANCH', '该工号不属于此邀请码的支部，请联系支部书记');
    }
    if (existing.openid !== null) throw new AppError('MEMBER_ALREADY_BOUND');
    bound = await bindOpenid(ctx, existing._id);
  } else {
    if ((await activeMembersOf(ctx.storage, branch._id)).length >= ORG_LIMITS.branchMaxMembers) throw new AppError('BRANCH_FULL');
    bound = {
      _id: memberIdFor(input.employeeNo),
      name: input.name,
      employeeNo: input.employeeNo,
      department: branch.department,
      branchId: branch._id,
      partyGroupId: null,
      role: 'member',
      phone: null,
      openid: ctx.openid,
      boundAt: now,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    await members.insert(bound);
  }
  await ctx.storage.collection<Invite>('invites').updateById(invite._id, { $inc: { uses: 1 } });
  return meView(ctx, bound);
}
