import type { NoticesInput, NoticesOutput } from '../../../src/domain/api/notices';
import { assertCanAddress, audienceBranchId } from '../../../src/domain/notice/audience';
import { assertDeadline, assertPublishAt, editMode } from '../../../src/domain/notice/rules';
import type { Notice, NoticeAudience } from '../../../src/domain/notice/types';
import type { Actor, Member } from '../../../src/domain/org/types';
import { canPublishNotices } from '../../../src/domain/org/policies';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { authorise, requireActor } from '../../_runtime/actor';
import { createOnce, idForRequest } from '../../_runtime/idempotency';
import { assertTextAllowed } from './content-check';
import { getTrackableNotice, notices } from './load';
import { recipientsFor, releaseNotice } from './release';
import { orgNames, toSentItem } from './views';

async function assertImagesExist(ctx: FunctionContext, images: Array<{ fileId: string }>): Promise<void> {
  if (images.length === 0) return;
  const urls = await ctx.files.urls(images.map((i) => i.fileId));
  if (urls.some((u) => u === null)) throw new AppError('BAD_REQUEST', '有图片未上传成功，请重新上传');
}

/**
 * Publishes once per request id: the notice id comes from (caller, request id), so a double tap or a
 * retry returns the first notice. A repeat also finishes an immediate release the first call did not
 * (it crashed or is still fanning out): the release is idempotent, so both answers show it published.
 */
export async function publish(input: NoticesInput<'publish'>, ctx: FunctionContext): Promise<NoticesOutput['publish']> {
  const { actor, member } = await requireActor(ctx);
  authorise(canPublishNotices(actor));
  const noticeId = idForRequest('n', 'notices.publish', actor.memberId, input.requestId);
  return createOnce(notices(ctx), noticeId, {
    create: () => publishNew(input, ctx, actor, member, noticeId),
    replay: async (existing) => {
      if (existing.status === 'scheduled' && existing.publishAt <= ctx.now()) await releaseNotice(ctx, existing);
      return toSentItem((await notices(ctx).get(existing._id))!, await orgNames(ctx));
    },
  });
}

async function publishNew(
  input: NoticesInput<'publish'>,
  ctx: FunctionContext,
  actor: Actor,
  member: Member,
  noticeId: string,
): Promise<NoticesOutput['publish']> {
  const audience = input.audience as NoticeAudience;
  assertCanAddress(actor, audience);
  const now = ctx.now();
  const scheduled = input.publishAt !== null && input.publishAt !== undefined;
  if (scheduled) assertPublishAt(input.publishAt!, now);
  const publishAt = scheduled ? input.publishAt! : now;
  assertDeadline(input.deadline ?? null, publishAt);
  await assertImagesExist(ctx, input.images ?? []);
  // Resolved now so a bad audience is refused before anything is stored; reused for an immediate release.
  const recipients = await recipientsFor(ctx, audience, actor.memberId);
  await assertTextAllowed(ctx, `${input.title}\n${input.body}`);

  const notice: Notice = {
    _id: noticeId,
    branchId: audienceBranchId(audience),
    authorId: actor.memberId,
    authorName: member.name,
    title: input.title,
    body: input.body,
    images: input.images ?? [],
    audience,
    requireAck: input.requireAck ?? false,
    urgent: input.urgent ?? false,
    deadline: input.deadline ?? null,
    // Stored as scheduled first: if the fan-out is interrupted, the scheduler finishes it.
    status: 'scheduled',
    publishAt,
    publishedAt: null,
    withdrawnAt: null,
    correctedAt: null,
    recipientCount: 0,
    readCount: 0,
    ackCount: 0,
    lastRemindAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await notices(ctx).insert(notice);
  if (!scheduled) await releaseNotice(ctx, notice, recipients);
  return toSentItem((await notices(ctx).get(notice._id))!, await orgNames(ctx));
}

export async function update(input: NoticesInput<'update'>, ctx: FunctionContext): Promise<NoticesOutput['update']> {
  const { actor } = await requireActor(ctx);
  const notice = await getTrackableNotice(ctx, actor, input.noticeId);
  const mode = editMode(notice);
  if (mode === 'locked') throw new AppError('CONFLICT', '通知已撤回，不能修改');
  await assertImagesExist(ctx, input.images ?? []);
  await assertTextAllowed(ctx, `${input.title}\n${input.body}`);
  const now = ctx.now();
  const corrected = mode === 'correction';
  await notices(ctx).updateById(notice._id, {
    $set: { title: input.title, body: input.body, images: input.images ?? [], updatedAt: now, ...(corrected ? { correctedAt: now } : {}) },
  });
  return { ...toSentItem((await notices(ctx).get(notice._id))!, await orgNames(ctx)), mode: corrected ? 'corrected' : 'edited' };
}

/** Withdrawing keeps the notice and its receipts for the record; members see only that it was withdrawn. */
export async function withdraw(input: NoticesInput<'withdraw'>, ctx: FunctionContext): Promise<NoticesOutput['withdraw']> {
  const { actor } = await requireActor(ctx);
  const notice = await getTrackableNotice(ctx, actor, input.noticeId);
  if (notice.status !== 'withdrawn') {
    const now = ctx.now();
    await notices(ctx).update({ _id: notice._id, status: { $ne: 'withdrawn' } }, { $set: { status: 'withdrawn', withdrawnAt: now, updatedAt: now } });
  }
  return toSentItem((await notices(ctx).get(notice._id))!, await orgNames(ctx));
}
