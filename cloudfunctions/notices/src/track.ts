import type { NoticesInput, NoticesOutput, TrackedMember, TrackingView } from '../../../src/domain/api/notices';
import type { BranchReach } from '../../../src/domain/api/reach';
import { editMode, readRate, remindAvailableAt } from '../../../src/domain/notice/rules';
import type { Notice, Receipt, ReminderBatch } from '../../../src/domain/notice/types';
import { isCommitteeAdmin } from '../../../src/domain/org/policies';
import type { Member } from '../../../src/domain/org/types';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import { reachByMember } from '../../_runtime/reach/report-view';
import type { Filter } from '../../_runtime/storage/port';
import { allReceipts, getTrackableNotice, notices, receipts, unboundAmong } from './load';
import { orgNames, toSentItem } from './views';

const SENT_PAGE = 30;

/** Notices the caller can track: their own, their branch's (officers), or all (committee). Newest first. */
export async function sent(input: NoticesInput<'sent'>, ctx: FunctionContext): Promise<NoticesOutput['sent']> {
  const { actor } = await requireActor(ctx);
  const scope: Filter = isCommitteeAdmin(actor)
    ? {}
    : actor.branchId && actor.role !== 'member'
      ? { $or: [{ authorId: actor.memberId }, { branchId: actor.branchId }] }
      : { authorId: actor.memberId };
  const filter: Filter = input.after ? { $and: [scope, { createdAt: { $lt: input.after } }] } : scope;
  const page = await notices(ctx).find(filter, { orderBy: [['createdAt', 'desc']], limit: SENT_PAGE + 1 });
  const names = await orgNames(ctx);
  const items = page.slice(0, SENT_PAGE);
  const unbound = await unboundReceiptsOf(ctx, items.filter((n) => n.status !== 'scheduled').map((n) => n._id));
  return { items: items.map((n) => toSentItem(n, names, unbound.get(n._id) ?? 0)), next: page.length > SENT_PAGE ? items[items.length - 1].createdAt : null };
}

/** Per notice, how many recipients have not bound WeChat: two queries for a page, whatever its size. */
async function unboundReceiptsOf(ctx: FunctionContext, noticeIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (noticeIds.length === 0) return counts;
  const unbound = (await ctx.storage.collection<Member>('members').findAll({ openid: null }, 1000)).map((m) => m._id);
  for (let i = 0; i < unbound.length; i += 500) {
    const rows = await receipts(ctx).findAll({ noticeId: { $in: noticeIds }, memberId: { $in: unbound.slice(i, i + 500) }, excused: false }, 1000);
    for (const r of rows) counts.set(r.noticeId, (counts.get(r.noticeId) ?? 0) + 1);
  }
  return counts;
}

const tracked = (r: Receipt): TrackedMember => ({
  memberId: r.memberId,
  name: r.memberName,
  readAt: r.readAt,
  ackAt: r.ackAt,
  excused: r.excused,
  excuseReason: r.excuseReason,
  remindCount: r.remindCount,
});

/** Unread before read (the people to chase on top), then by name. */
const byAttention = (a: Receipt, b: Receipt) =>
  Number(a.readAt !== null) - Number(b.readAt !== null) || a.memberName.localeCompare(b.memberName, 'zh-CN');

export async function track(input: NoticesInput<'track'>, ctx: FunctionContext): Promise<NoticesOutput['track']> {
  const { actor } = await requireActor(ctx);
  const notice = await getTrackableNotice(ctx, actor, input.noticeId);
  const [all, names, reminders, imageUrls] = await Promise.all([
    allReceipts(ctx, notice._id),
    orgNames(ctx),
    ctx.storage.collection<ReminderBatch>('noticeReminders').find({ noticeId: notice._id }, { orderBy: [['at', 'desc']], limit: 20 }),
    notice.images.length ? ctx.files.urls(notice.images.map((i) => i.fileId)) : Promise.resolve([]),
  ]);
  const unbound = await unboundAmong(ctx, all.map((r) => r.memberId));
  const groups = new Map<string, { groupId: string | null; groupName: string; rows: Receipt[] }>();
  const committee = notice.branchId === null;
  for (const r of all.filter((x) => !x.excused && !unbound.has(x.memberId))) {
    // Committee notices group by branch; branch notices by party group.
    const key = committee ? (r.branchId ?? '') : (r.partyGroupId ?? '');
    const label = committee ? (r.branchId ? names.branch(r.branchId) : '未分支部') : r.partyGroupId ? names.group(r.partyGroupId) : '未分组';
    const entry = groups.get(key) ?? { groupId: key || null, groupName: label, rows: [] };
    entry.rows.push(r);
    groups.set(key, entry);
  }
  const excused = all.filter((r) => r.excused);
  const grouped: TrackingView['groups'] = [...groups.values()]
    .sort((a, b) => (a.groupId === null ? 1 : b.groupId === null ? -1 : a.groupName.localeCompare(b.groupName, 'zh-CN')))
    .map((g) => ({ groupId: g.groupId, groupName: g.groupName, members: g.rows.sort(byAttention).map(tracked) }));
  if (excused.length) grouped.push({ groupId: 'excused', groupName: '已请假 / 免读', members: excused.sort(byAttention).map(tracked) });
  const counts = readRate(all, unbound);
  return {
    notice: {
      ...toSentItem(notice, names, counts.unbound),
      body: notice.body,
      // The edit form needs them: saving without them would drop the pictures.
      images: notice.images.map((img, i) => ({ fileId: img.fileId, url: imageUrls[i] ?? '' })),
      deadline: notice.deadline,
      correctedAt: notice.correctedAt,
      audience: notice.audience,
      editMode: editMode(notice),
    },
    counts,
    groups: grouped,
    unbound: all.filter((r) => !r.excused && unbound.has(r.memberId)).sort(byAttention).map(tracked),
    inviteBranchId: notice.branchId,
    reminders,
    remindAvailableAt: remindAvailableAt(notice, ctx.now()),
    isCommitteeNotice: committee,
    // WeCom (or SMS for 紧急) reaches members who never bound WeChat: their reminders do not skip them.
    unboundReachable: ctx.channels.wecom.configured || (notice.urgent === true && ctx.channels.sms.configured),
  };
}

/** For committee notices: the read rate per branch, alphabetical (no ranking that shames a branch). */
export async function rollup(input: NoticesInput<'rollup'>, ctx: FunctionContext): Promise<NoticesOutput['rollup']> {
  const { actor } = await requireActor(ctx);
  const notice = await getTrackableNotice(ctx, actor, input.noticeId);
  const [all, names, reach] = await Promise.all([allReceipts(ctx, notice._id), orgNames(ctx), latestReach(ctx, notice._id)]);
  const unbound = await unboundAmong(ctx, all.map((r) => r.memberId));
  const byBranch = new Map<string, Receipt[]>();
  for (const r of all) {
    const rows = byBranch.get(r.branchId ?? '');
    if (rows) rows.push(r);
    else byBranch.set(r.branchId ?? '', [r]);
  }
  const branches = [...byBranch.entries()]
    .map(([branchId, rows]) => {
      const rate = readRate(rows, unbound);
      return {
        branchId,
        branchName: names.branch(branchId),
        recipients: rate.recipients,
        read: rate.read,
        acknowledged: rate.acknowledged,
        excused: rate.excused,
        unbound: rate.unbound,
        ratePercent: rate.ratePercent,
        reach: reach && branchReach(rows, reach),
      };
    })
    .sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh-CN'));
  const total = readRate(all, unbound);
  return {
    noticeId: notice._id,
    title: notice.title,
    branches,
    total: { recipients: total.recipients, read: total.read, acknowledged: total.acknowledged, excused: total.excused, unbound: total.unbound, ratePercent: total.ratePercent, reach: reach && branchReach(all, reach) },
  };
}

/** Who the notice's latest reminder reached by an external channel (true) or only in-app (false); null when never reminded. */
async function latestReach(ctx: FunctionContext, noticeId: string): Promise<Map<string, boolean> | null> {
  const [latest] = await ctx.storage.collection<ReminderBatch>('noticeReminders').find({ noticeId }, { orderBy: [['at', 'desc']], limit: 1, fields: ['_id'] });
  return latest ? reachByMember(ctx, latest._id) : null;
}

function branchReach(rows: readonly Receipt[], reach: Map<string, boolean>): BranchReach {
  let reached = 0;
  let unreached = 0;
  for (const r of rows) {
    const hit = reach.get(r.memberId);
    if (hit === true) reached++;
    else if (hit === false) unreached++;
  }
  return { reached, unreached };
}

/** Excusing (leave, night shift) takes a member out of the rate; they stay listed apart. */
export async function excuse(input: NoticesInput<'excuse'>, ctx: FunctionContext): Promise<NoticesOutput['excuse']> {
  const { actor } = await requireActor(ctx);
  const notice: Notice = await getTrackableNotice(ctx, actor, input.noticeId);
  const id = `${notice._id}:${input.memberId}`;
  const receipt = await receipts(ctx).get(id);
  if (!receipt) throw new AppError('NOT_FOUND', '该党员不在通知对象中');
  await receipts(ctx).updateById(id, { $set: { excused: input.excused, excuseReason: input.excused ? (input.reason || '请假') : null } });
  return tracked((await receipts(ctx).get(id))!);
}
