import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { useMe } from '../../hooks/use-me';
import { usePolling } from '../../hooks/use-polling';
import { lessonsApi } from '../../platform/api';
import { lessonAccess } from '../../utils/lesson-access';
import { ROUTES, withQuery } from '../../utils/routes';
import { ExportButton } from '../lesson-shared/export-button';
import { RemindBlock } from './remind-block';
import { DayCard } from './day-card';
import { TrendCard } from './trend-card';
import '../lesson-shared/index.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const REFRESH_MS = 15000;

function BranchStats({ branchId }: { branchId: string }) {
  // null = today (the server decides which date that is in the branch's zone); otherwise a picked earlier day.
  const [picked, setPicked] = useState<string | null>(null);
  const input = picked ? { branchId, date: picked } : { branchId };
  const state = useAsync(() => lessonsApi('stats.branchDay', input), [branchId, picked]);
  const { setData } = state;
  const [now, setNow] = useState(() => Date.now());
  const [stale, setStale] = useState(false);
  const [today, setToday] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setData(await lessonsApi('stats.branchDay', picked ? { branchId, date: picked } : { branchId }));
      setStale(false);
    } catch {
      setStale(true);
    } finally {
      setNow(Date.now());
    }
  }, [branchId, picked, setData]);
  usePolling(refresh, REFRESH_MS, state.data !== null);

  const view = state.data;
  // Remember which date is today, so picking it in the trend list shows the today card again.
  if (view && picked === null && today !== view.date) setToday(view.date);
  const pick = (date: string) => {
    setPicked(date === today ? null : date);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };
  const isToday = picked === null;
  const stillLoading = !view || (picked !== null && view.date !== picked);

  if (state.error && !view) return <ErrorView message={state.error} onRetry={state.reload} />;
  return (
    <>
      {stale && <Text className="track-stale stats-stale">网络不稳定，显示的可能不是最新情况</Text>}
      {stillLoading ? (
        <LoadingView rows={8} />
      ) : (
        <>
          <DayCard view={view} branchId={branchId} isToday={isToday} onBackToToday={() => setPicked(null)} />
          {isToday && <RemindBlock view={view} branchId={branchId} now={now} onReminded={() => void refresh()} />}
          {view.lessonId !== null && (
            <View className="block-actions">
              <ExportButton className="lesson-export-day" label={isToday ? '导出今日未学名单' : '导出当天未学名单'} input={{ report: 'branchDay', branchId, date: view.date }} />
            </View>
          )}
        </>
      )}
      <TrendCard branchId={branchId} selected={picked ?? today} onPick={pick} />
      <View className="block-actions stats-links">
        <Text className="stats-plan-link" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.lessonPlan, { branchId }) })}>
          查看或调整本支部课表 ›
        </Text>
      </View>
    </>
  );
}

function LessonStatsPage() {
  const branchParam = useRouter().params.branchId ?? '';
  const { me, error, refresh } = useMe();
  const frame = (body: JSX.Element) => <View className="page page-lesson-stats">{body}</View>;
  if (error) return frame(<ErrorView message={error} onRetry={refresh} />);
  if (!me) return frame(<LoadingView rows={6} />);
  const access = lessonAccess(me.member);
  const branchId = branchParam || access.officerOf;
  if (!branchId) return frame(<EmptyView title="请选择支部" description="从“全院学习情况”点支部名称进入" />);
  if (!access.committee && branchId !== access.officerOf) return frame(<EmptyView title="没有权限" description="支部书记、支委或院党委管理员可以查看学习情况" />);
  return frame(<BranchStats branchId={branchId} />);
}

export default withPageDisplay(LessonStatsPage);
