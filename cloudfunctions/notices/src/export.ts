import type { NoticesInput, NoticesOutput } from '../../../src/domain/api/notices';
import type { Receipt } from '../../../src/domain/notice/types';
import type { FunctionContext } from '../../_runtime/context';
import { requireActor } from '../../_runtime/actor';
import { xlsxBase64 } from '../../_runtime/spreadsheet/xlsx-write';
import { allReceipts, getTrackableNotice, unboundAmong } from './load';
import { formatShanghai } from './time';
import { orgNames } from './views';

const status = (r: Receipt, unbound: ReadonlySet<string>) =>
  r.excused ? `免读（${r.excuseReason ?? '请假'}）` : r.readAt !== null ? '已读' : unbound.has(r.memberId) ? '未绑定微信' : '未读';

/** The read/unread list for the branch ledger (台账), one row per recipient, unread first. */
export async function exportReceipts(input: NoticesInput<'export'>, ctx: FunctionContext): Promise<NoticesOutput['export']> {
  const { actor } = await requireActor(ctx);
  const notice = await getTrackableNotice(ctx, actor, input.noticeId);
  const [rows, names] = await Promise.all([allReceipts(ctx, notice._id), orgNames(ctx)]);
  const unbound = await unboundAmong(ctx, rows.map((r) => r.memberId));
  rows.sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null) || a.memberName.localeCompare(b.memberName, 'zh-CN'));
  const header = ['姓名', '支部', '党小组', '状态', '阅读时间', ...(notice.requireAck ? ['确认时间'] : []), '提醒次数'];
  const body = rows.map((r) => [
    r.memberName,
    r.branchId ? names.branch(r.branchId) : '',
    r.partyGroupId ? names.group(r.partyGroupId) : '',
    status(r, unbound),
    r.readAt ? formatShanghai(r.readAt) : '',
    ...(notice.requireAck ? [r.ackAt ? formatShanghai(r.ackAt) : ''] : []),
    r.remindCount,
  ]);
  const title = [[`通知：${notice.title}`], [`发布：${notice.authorName} ${formatShanghai(notice.publishedAt ?? notice.publishAt)}`], []];
  const base64 = await xlsxBase64('阅读情况', [...title, header, ...body]);
  const safeTitle = notice.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 30);
  return { fileName: `阅读情况_${safeTitle}_${formatShanghai(ctx.now(), 'YYYYMMDD')}.xlsx`, base64 };
}
