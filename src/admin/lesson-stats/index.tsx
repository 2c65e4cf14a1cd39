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
import { TodayCard } from './today-card';
import { TrendCard } from './trend-card';
import '../lesson-shared/index.scss';
import './index.scss';

const REFRESH_MS = 15000;

function BranchStats({ branchId }: { branchId: string }) {
  const state = useAsync(() => lessonsApi('stats.branchDay', { branchId }), [branchId]);
  const { setData } = state;
  const [now, setNow] = useState(() => Date.now());
  const [stale, setStale] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setData(await lessonsApi('stats.branchDay', { branchId }));
      setStale(false);
    } catch {
      setStale(true);
    } finally {
      setNow(Date.now());
    }
  }, [branchId, setData]);
  usePolling(refresh, REFRESH_MS, state.data !== null);

  if (state.error && !state.data) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const view = state.data;
  return (
    <>
      {stale && <Text className="track-stale stats-stale">网络不稳定，显示的可能不是最新情况</Text>}
      <TodayCard view={view} branchId={branchId} />
      <RemindBlock view={view} branchId={branchId} now={now} onReminded={() => void refresh()} />
      {view.lessonId !== null && (
        <View className="block-actions">
          <ExportButton className="lesson-export-day" label="导出今日未学名单" input={{ report: 'branchDay', branchId, date: view.date }} />
        </View>
      )}
      <TrendCard branchId={branchId} />
      <View className="block-actions stats-links">
        <Text className="stats-plan-link" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.lessonPlan, { branchId }) })}>
          查看或调整本支部课表 ›
        </Text>
      </View>
    </>
  );
}

export default function LessonStatsPage() {
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
