import type { LessonsInput, LessonsOutput } from '../../../src/domain/api/lessons';
import { LESSON_LIMITS } from '../../../src/domain/lesson/limits';
import { committeeSheet, dayNamesSheet, notStudiedSheet, trendSheet } from '../../../src/domain/lesson/stats';
import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';
import { xlsxBase64 as workbook } from '../../_runtime/spreadsheet/xlsx-write';
import { getBranch } from './load';
import { branchDay, branchDaysWithNames, branchTrend, committee } from './stats';
import { formatInZone } from './time';

type Rows = Array<Array<string | number>>;

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 30);
const rate = (r: number | null) => (r === null ? '—' : `${r}%`);

/**
 * Reports as xlsx (台账): a branch's day (who has not studied, by party group), a branch's trend, the
 * committee's matrix. Each report is authorised by the action it reuses.
 */
export async function exportStats(input: LessonsInput<'stats.export'>, ctx: FunctionContext): Promise<LessonsOutput['stats.export']> {
  const stamp = formatInZone(ctx.now(), LESSON_LIMITS.defaultTimeZone, 'YYYYMMDD');
  if (input.report === 'committee') {
    const m = await committee({ days: input.days ?? 30 }, ctx);
    const title: Rows = [[`各支部微党课完成率（近 ${m.dates.length} 天）`], [`导出：${formatInZone(ctx.now(), LESSON_LIMITS.defaultTimeZone)}`], []];
    return { fileName: `各支部学习情况_${m.dates.length}天_${stamp}.xlsx`, base64: await workbook('完成率', [...title, ...committeeSheet(m)]) };
  }
  if (!input.branchId) throw new AppError('BAD_REQUEST', '请选择支部');
  if (input.report === 'branchDay') {
    const view = await branchDay({ branchId: input.branchId, ...(input.date ? { date: input.date } : {}) }, ctx);
    const branch = await getBranch(ctx, input.branchId);
    const title: Rows = [
      [`${branch.name} ${view.date} 微党课：${view.lessonTitle ?? '无课'}`],
      [`完成 ${view.completed} / ${view.expected}，完成率 ${rate(view.ratePercent)}`],
      [],
    ];
    return { fileName: `学习情况_${safe(branch.name)}_${view.date}.xlsx`, base64: await workbook('未学名单', [...title, ...notStudiedSheet(view)]) };
  }
  const trend = await branchTrend({ branchId: input.branchId, days: input.days ?? 30 }, ctx);
  const branch = await getBranch(ctx, input.branchId);
  const titles = new Map(trend.days.map((d) => [d.lessonId ?? '', d.title ?? '']));
  const titleOf = (id: string) => titles.get(id) || '已删除的微党课';
  const named = await branchDaysWithNames(ctx, branch, trend.days.map((d) => d.date));
  const title: Rows = [[`${branch.name} 微党课完成率（近 ${trend.days.length} 天）`], [`合计：完成 ${trend.summary.completed} / ${trend.summary.expected} 人次，完成率 ${rate(trend.summary.ratePercent)}`], []];
  return {
    fileName: `学习趋势_${safe(branch.name)}_${trend.days.length}天_${stamp}.xlsx`,
    base64: await workbook('每日完成率', [...title, ...trendSheet(trend.days, titleOf)], [['每日名单', dayNamesSheet(named, titleOf)]]),
  };
}
