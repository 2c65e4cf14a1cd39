import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import type { MonthDayView } from '../../domain/api/lessons';
import type { BulkPlanResult } from '../../domain/lesson/calendar';
import { useAsync } from '../../hooks/use-async';
import { useMe } from '../../hooks/use-me';
import { lessonsApi } from '../../platform/api';
import { toast } from '../../platform/feedback';
import { formatDate } from '../../utils/format-time';
import { lessonAccess } from '../../utils/lesson-access';
import { BulkDialog } from './bulk-dialog';
import { DayDialog } from './day-dialog';
import { monthLabel, shiftMonth } from './month';
import { MonthGrid } from './month-grid';
import '../lesson-shared/index.scss';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';

function bulkText(r: BulkPlanResult): string {
  const parts = [`已安排 ${r.assignments.length} 天`];
  if (r.assignments.length > 0) parts[0] += `（${r.assignments[0].date} 至 ${r.assignments[r.assignments.length - 1].date}）`;
  if (r.skipped.length > 0) parts.push(`跳过 ${r.skipped.length} 天（已有安排）`);
  if (r.unplaced.length > 0) parts.push(`${r.unplaced.length} 课未能安排`);
  return parts.join('，');
}

function Plan({ branchId, canEdit }: { branchId: string | null; canEdit: boolean }) {
  const [month, setMonth] = useState(() => formatDate(Date.now()).slice(0, 7));
  const state = useAsync(() => lessonsApi('plan.month', { month, branchId }), [month, branchId]);
  const [selected, setSelected] = useState<MonthDayView | null>(null);
  const [bulk, setBulk] = useState(false);
  const [bulkResult, setBulkResult] = useState<BulkPlanResult | null>(null);
  const view = state.data;
  const today = view?.today ?? formatDate(Date.now());

  const tap = (day: MonthDayView) => {
    if (!canEdit) return toast(day.title ?? '未安排');
    if (!day.editable) return toast(day.date < today ? '已过去的日期不能修改' : '该日期不能修改');
    setSelected(day);
  };

  const replaceDay = (day: MonthDayView) => {
    if (!view) return;
    state.setData({ ...view, days: view.days.map((d) => (d.date === day.date ? day : d)) });
  };

  return (
    <>
      <Text className="page-intro">
        {branchId ? '本支部课表：默认跟随院党委中心课表，可替换某天的课程或设为不安排。' : '中心课表：院党委为全院支部统一排课，各支部可在本支部课表中调整。'}
        {canEdit ? '点今天或以后的日期修改。' : ''}
      </Text>
      <View className="plan-nav">
        <Text className="plan-prev" {...pressable(() => setMonth((m) => shiftMonth(m, -1)))}>
          ‹ 上月
        </Text>
        <Text className="plan-month">{monthLabel(month)}</Text>
        <Text className="plan-next" {...pressable(() => setMonth((m) => shiftMonth(m, 1)))}>
          下月 ›
        </Text>
      </View>
      {state.error && !view ? (
        <ErrorView message={state.error} onRetry={state.reload} />
      ) : !view || view.month !== month ? (
        <LoadingView rows={6} />
      ) : (
        <Card className="plan-card">
          <MonthGrid days={view.days} today={view.today} branch={branchId !== null} onTap={tap} />
          <View className="plan-legend">
            {branchId && <Text className="plan-legend__item plan-legend__item--central">中心：院党委安排</Text>}
            {branchId && <Text className="plan-legend__item plan-legend__item--branch">支部：本支部调整</Text>}
            {branchId && <Text className="plan-legend__item plan-legend__item--off">不安排：当天无课</Text>}
          </View>
        </Card>
      )}
      {bulkResult && <Text className="bulk-result">{bulkText(bulkResult)}</Text>}
      {canEdit && (
        <View className="block-actions">
          <Button className="plan-bulk" type="primary" fill="outline" size="large" block onClick={() => setBulk(true)}>
            批量排课
          </Button>
        </View>
      )}
      <DayDialog day={selected} branchId={branchId} onClose={() => setSelected(null)} onChanged={replaceDay} />
      <BulkDialog
        visible={bulk}
        branchId={branchId}
        today={today}
        onClose={() => setBulk(false)}
        onDone={(result) => {
          setBulkResult(result);
          void state.reload();
        }}
      />
    </>
  );
}

function LessonPlanPage() {
  const branchParam = useRouter().params.branchId ?? '';
  const { me, error, refresh } = useMe();
  const frame = (body: JSX.Element) => <View className="page page-lesson-plan">{body}</View>;
  if (error) return frame(<ErrorView message={error} onRetry={refresh} />);
  if (!me) return frame(<LoadingView rows={6} />);
  const access = lessonAccess(me.member);
  // No branch named: the central plan (committee), or the officer's own branch.
  const branchId = branchParam || (access.committee ? null : access.officerOf);
  if (!access.committee && (!branchId || branchId !== access.officerOf)) {
    return frame(<EmptyView title="没有权限" description="支部书记、支委或院党委管理员可以安排课表" />);
  }
  return frame(<Plan branchId={branchId} canEdit />);
}

export default withPageDisplay(LessonPlanPage);
