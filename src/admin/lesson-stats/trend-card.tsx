import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { lessonsApi } from '../../platform/api';
import { rateClass, rateText, shortDay } from '../../utils/lesson-format';
import { ExportButton } from '../lesson-shared/export-button';
import { RateBars } from '../lesson-shared/rate-bars';

type Period = 7 | 30;

interface TrendCardProps {
  branchId: string;
  /** The day shown above (highlighted here). */
  selected: string | null;
  /** Tapping a day with a lesson shows its names above, by party group. */
  onPick: (date: string) => void;
}

/** The last 7 or 30 days: a bar per day (its completion rate) and the numbers behind it; tap a day for its names. */
export function TrendCard({ branchId, selected, onPick }: TrendCardProps) {
  const [days, setDays] = useState<Period>(7);
  const state = useAsync(() => lessonsApi('stats.branchTrend', { branchId, days }), [branchId, days]);
  const view = state.data;

  return (
    <Card
      title="近期完成率"
      className="stats-trend"
      extra={
        <View className="chips period-chips">
          {([7, 30] as const).map((p) => (
            <Text key={p} className={`chip trend-${p} ${days === p ? 'is-active' : ''}`} onClick={() => setDays(p)}>
              {p} 天
            </Text>
          ))}
        </View>
      }
    >
      {state.error && !view ? (
        <ErrorView message={state.error} onRetry={state.reload} />
      ) : !view || view.days.length !== days ? (
        <LoadingView rows={3} />
      ) : (
        <>
          <Text className="trend-summary">
            有课 {view.summary.daysWithLesson} 天，应学 {view.summary.expected} 人次，完成 {view.summary.completed} 人次，完成率 {rateText(view.summary.ratePercent)}
          </Text>
          <RateBars className="trend-chart" barClassName="trend-bar" bars={view.days} />
          <Text className="muted trend-hint">点某一天，在上方查看当天已学、未学名单</Text>
          <View className="trend-days">
            {[...view.days].reverse().map((d) => (
              <View
                key={d.date}
                className={`trend-day ${d.lessonId ? 'has-lesson' : ''} ${d.date === selected ? 'is-selected' : ''}`}
                data-date={d.date}
                onClick={() => d.lessonId && onPick(d.date)}
              >
                <Text className="trend-day__date">{shortDay(d.date)}</Text>
                <Text className="trend-day__title">{d.lessonId ? d.title ?? '微党课' : '无课'}</Text>
                <Text className="trend-day__count">{d.lessonId ? `${d.completed}/${d.expected}` : ''}</Text>
                <Text className={`trend-day__rate ${rateClass(d.ratePercent)}`}>{rateText(d.ratePercent)}</Text>
              </View>
            ))}
          </View>
          <View className="actions">
            <ExportButton className="lesson-export-trend" label={`导出近 ${days} 天`} input={{ report: 'branchTrend', branchId, days }} />
          </View>
        </>
      )}
    </Card>
  );
}
