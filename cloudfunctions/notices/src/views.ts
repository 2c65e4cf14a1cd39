import type { SentItem } from '../../../src/domain/api/notices';
import { audienceLabel } from '../../../src/domain/notice/audience';
import type { Notice } from '../../../src/domain/notice/types';
import type { Branch, PartyGroup } from '../../../src/domain/org/types';
import type { FunctionContext } from '../../_runtime/context';

/** Names for audience labels: branches and groups are small collections, read once per call. */
export async function orgNames(ctx: FunctionContext) {
  const [branches, groups] = await Promise.all([
    ctx.storage.collection<Branch>('branches').findAll({}),
    ctx.storage.collection<PartyGroup>('partyGroups').findAll({}),
  ]);
  const branch = new Map(branches.map((b) => [b._id, b.name]));
  const group = new Map(groups.map((g) => [g._id, g.name]));
  return {
    branch: (id: string) => branch.get(id) ?? '已删除支部',
    group: (id: string) => group.get(id) ?? '已删除党小组',
  };
}

export type OrgNames = Awaited<ReturnType<typeof orgNames>>;

export const toSentItem = (n: Notice, names: OrgNames, unboundCount = 0): SentItem => ({
  noticeId: n._id,
  title: n.title,
  status: n.status,
  publishAt: n.publishAt,
  publishedAt: n.publishedAt,
  authorName: n.authorName,
  audienceLabel: audienceLabel(n.audience, names),
  recipientCount: n.recipientCount,
  unboundCount,
  readCount: n.readCount,
  ackCount: n.ackCount,
  requireAck: n.requireAck,
  urgent: n.urgent === true,
});
