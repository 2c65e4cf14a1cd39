import { resolveRecipients } from '../../../src/domain/notice/audience';
import { receiptId, type Notice, type NoticeAudience, type Receipt } from '../../../src/domain/notice/types';
import type { Member, PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';
import type { Filter } from '../../_runtime/storage/port';
import { notices, receipts } from './load';

/** Only the members (and groups) the audience can reach: one branch's for a branch notice, not the hospital's. */
function scopeOf(audience: NoticeAudience): Filter {
  if (audience.kind === 'all') return { status: 'active' };
  if (audience.kind === 'branches') return { status: 'active', branchId: { $in: audience.branchIds } };
  return { status: 'active', branchId: audience.branchId };
}

/** The members an audience reaches right now, the author excepted; throws a user-facing error for an invalid audience. */
export async function recipientsFor(ctx: FunctionContext, audience: NoticeAudience, authorId: string): Promise<Member[]> {
  const scope = scopeOf(audience);
  const [members, groups] = await Promise.all([
    ctx.storage.collection<Member>('members').findAll(scope, 1000),
    audience.kind === 'groups' ? ctx.storage.collection<PartyGroup>('partyGroups').findAll(scope, 1000) : Promise.resolve([]),
  ]);
  return resolveRecipients(audience, members, groups, authorId);
}

/**
 * Publishing = freezing the recipients into one receipt each, then flipping the notice to published.
 * Receipt ids are `${noticeId}:${memberId}`, so running this twice (a retried call, a timer that fires
 * twice or late) writes each receipt once; the final flip is conditional on the notice still being
 * scheduled, so exactly one run publishes it. `resolved`: recipients the caller has just resolved.
 */
export async function releaseNotice(ctx: FunctionContext, notice: Notice, resolved?: Member[]): Promise<{ released: boolean; recipients: number }> {
  const recipients = resolved ?? (await recipientsFor(ctx, notice.audience, notice.authorId));
  const now = ctx.now();
  const docs: Receipt[] = recipients.map((m) => ({
    _id: receiptId(notice._id, m._id),
    noticeId: notice._id,
    memberId: m._id,
    memberName: m.name,
    branchId: m.branchId,
    partyGroupId: m.partyGroupId,
    publishedAt: now,
    readAt: null,
    ackAt: null,
    excused: false,
    excuseReason: null,
    remindCount: 0,
    remindedAt: null,
  }));
  await ctx.storage.atomically(async () => {
    await receipts(ctx).insertMany(docs);
  });
  const flipped = await notices(ctx).update(
    { _id: notice._id, status: 'scheduled' },
    { $set: { status: 'published', publishedAt: now, recipientCount: docs.length, updatedAt: now } },
  );
  return { released: flipped === 1, recipients: docs.length };
}

/** The scheduler's part: every scheduled notice whose time has come. */
export async function releaseDueNotices(ctx: FunctionContext): Promise<{ released: number; notices: string[] }> {
  const due = await notices(ctx).find({ status: 'scheduled', publishAt: { $lte: ctx.now() } }, { orderBy: [['publishAt', 'asc']], limit: 100 });
  const released: string[] = [];
  for (const notice of due) {
    const result = await releaseNotice(ctx, notice);
    if (result.released) released.push(notice._id);
  }
  return { released: released.length, notices: released };
}
