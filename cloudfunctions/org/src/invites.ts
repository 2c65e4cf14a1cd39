import type { InviteView, OrgInput, OrgOutput } from '../../../src/domain/api/org';
import { AppError } from '../../../src/domain/shared/errors';
import { inviteCodeFrom, inviteExpiry, inviteState, normaliseInviteCode } from '../../../src/domain/org/invite';
import { BIND_PAGE, inviteScene, RECENT_JOIN_DAYS } from '../../../src/domain/org/invite-link';
import { canManageInvites } from '../../../src/domain/org/policies';
import type { Invite, Member } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { createOnce, requestDigest } from '../../_runtime/idempotency';
import { getBranchOrThrow } from './views';

async function toViews(ctx: FunctionContext, invites: Invite[]): Promise<InviteView[]> {
  const creatorIds = [...new Set(invites.map((i) => i.createdBy))];
  const creators = creatorIds.length ? await ctx.storage.collection<Member>('members').find({ _id: { $in: creatorIds } }, { limit: 1000 }) : [];
  const now = ctx.now();
  return invites.map((i) => ({
    code: i._id,
    branchId: i.branchId,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    revokedAt: i.revokedAt,
    uses: i.uses,
    state: inviteState(i, now),
    createdByName: creators.find((c) => c._id === i.createdBy)?.name ?? '',
  }));
}

export async function listInvites(input: OrgInput<'invites.list'>, ctx: FunctionContext): Promise<OrgOutput['invites.list']> {
  const { actor } = await requireActor(ctx);
  authorise(canManageInvites(actor, input.branchId));
  const since = ctx.now() - RECENT_JOIN_DAYS * 24 * 60 * 60 * 1000;
  const [invites, joined] = await Promise.all([
    ctx.storage.collection<Invite>('invites').find({ branchId: input.branchId }, { orderBy: [['createdAt', 'desc']], limit: 100 }),
    // Who bound lately, so the secretary sees an invite worked ("张三 已加入"): binding stamps boundAt.
    ctx.storage.collection<Member>('members').find({ branchId: input.branchId, status: 'active', boundAt: { $gte: since } }, { orderBy: [['boundAt', 'desc']], limit: 20 }),
  ]);
  return {
    invites: await toViews(ctx, invites),
    joined: joined.map((m) => ({ memberId: m._id, name: m.name, boundAt: Number(m.boundAt) })),
  };
}

/** `invites.qr`: the mini program code (小程序码) that opens the bind page with this invite filled in. */
export async function inviteQrCode(input: OrgInput<'invites.qr'>, ctx: FunctionContext): Promise<OrgOutput['invites.qr']> {
  const { actor } = await requireActor(ctx);
  const invite = await ctx.storage.collection<Invite>('invites').get(normaliseInviteCode(input.code));
  if (!invite) throw new AppError('INVITE_INVALID');
  authorise(canManageInvites(actor, invite.branchId));
  if (inviteState(invite, ctx.now()) !== 'active') throw new AppError(invite.revokedAt !== null ? 'INVITE_REVOKED' : 'INVITE_EXPIRED');
  return ctx.wechat.miniProgramCode({ page: BIND_PAGE, scene: inviteScene(invite._id) });
}

/**
 * One invite per request id. The code is the document id, so it is derived from the request
 * (SHA-256 of caller and the client's 128-bit random request id; see _runtime/idempotency.ts): a
 * double tap or retry returns the first invite. Someone else's invite under the same code (1 in 31^8)
 * is refused, never handed out; the client then sends a new request id.
 */
export async function createInvite(input: OrgInput<'invites.create'>, ctx: FunctionContext): Promise<InviteView> {
  const { actor } = await requireActor(ctx);
  authorise(canManageInvites(actor, input.branchId));
  const invites = ctx.storage.collection<Invite>('invites');
  const code = inviteCodeFrom(requestDigest('org.invites.create', actor.memberId, input.requestId));
  return createOnce(invites, code, {
    create: async () => {
      const branch = await getBranchOrThrow(ctx.storage, input.branchId);
      if (branch.status !== 'active') throw new AppError('BRANCH_ARCHIVED');
      const now = ctx.now();
      const invite: Invite = {
        _id: code,
        branchId: branch._id,
        createdBy: actor.memberId,
        createdAt: now,
        expiresAt: inviteExpiry(now, input.days),
        revokedAt: null,
        uses: 0,
      };
      await invites.insert(invite);
      return (await toViews(ctx, [invite]))[0];
    },
    replay: async (existing) => {
      if (existing.createdBy !== actor.memberId) throw new AppError('CONFLICT', '邀请码生成冲突，请重试');
      return (await toViews(ctx, [existing]))[0];
    },
  });
}

export async function revokeInvite(input: OrgInput<'invites.revoke'>, ctx: FunctionContext): Promise<InviteView> {
  const { actor } = await requireActor(ctx);
  const invites = ctx.storage.collection<Invite>('invites');
  const invite = await invites.get(normaliseInviteCode(input.code));
  if (!invite) throw new AppError('INVITE_INVALID');
  authorise(canManageInvites(actor, invite.branchId));
  const revoked = invite.revokedAt === null ? { ...invite, revokedAt: ctx.now() } : invite;
  if (revoked !== invite) await invites.updateById(invite._id, { $set: { revokedAt: revoked.revokedAt } });
  return (await toViews(ctx, [revoked]))[0];
}
