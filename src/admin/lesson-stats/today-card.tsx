import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import { PercentBar } from '../../components/percent-bar';
import type { BranchDayView } from '../../domain/api/lessons';
import { dayText, rateText } from '../../utils/lesson-format';
import { ROUTES, withQuery } from '../../utils/routes';

/** Today: completed x / y, and who has not studied yet, by party group (least progress first). */
export function TodayCard({ view, branchId }: { view: BranchDayView; branchId: string }) {
  const openLesson = () => view.lessonId && void Taro.navigateTo({ url: withQuery(ROUTES.lessonStat, { lessonId: view.lessonId, branchId }) });
  if (view.lessonId === null) {
    return (
      <Card title={`今天 · ${dayText(view.date)}`} className="stats-today">
        <Text className="stats-today__none">今天没有安排微党课</Text>
      </Card>
    );
  }
  const notStudied = view.groups.reduce((n, g) => n + g.notStudied.length, 0);
  return (
    <>
      <Card title={`今天 · ${dayText(view.date)}`} className="stats-today">
        <Text className="stats-today__title lesson-stat-link" onClick={openLesson}>
          {view.lessonTitle ?? '今日微党课'} ›
        </Text>
        {!view.released && <Text className="muted stats-today__pending">尚未到开放时间，开放后党员即可学习</Text>}
        <View className="stats-today__counts">
          <View className="stats-count">
            <Text className="stats-count__label">已完成</Text>
            <Text className="lesson-stats-count">
              {view.completed} / {view.expected}
            </Text>
          </View>
          <View className="stats-count">
            <Text className="stats-count__label">完成率</Text>
            <Text className="lesson-stats-rate">{rateText(view.ratePercent)}</Text>
          </View>
          <View className="stats-count">
            <Text className="stats-count__label">未学</Text>
            <Text className="lesson-stats-pending">{notStudied}</Text>
          </View>
        </View>
        <PercentBar percent={view.ratePercent ?? 0} done={view.ratePercent === 100} />
      </Card>
      <Card title="未学名单" className="lesson-not-studied">
        {notStudied === 0 ? (
          <Text className="not-studied-none">全部党员已完成今天的学习</Text>
        ) : (
          view.groups
            .filter((g) => g.notStudied.length > 0)
            .map((g) => (
              <View key={g.groupId ?? 'none'} className="not-studied-group">
                <Text className="not-studied-group__name">
                  {g.groupName}（未学 {g.notStudied.length} / {g.expected}）
                </Text>
                <View className="not-studied-group__members">
                  {g.notStudied.map((m) => (
                    <View key={m.memberId} className={`not-studied-member ${m.started ? 'is-started' : 'is-not-started'}`}>
                      <Text className="not-studied-member__name">{m.name}</Text>
                      <Text className="not-studied-member__state">{m.started ? `已学 ${m.percent}%` : '未开始'}</Text>
                    </View>
                  ))}
                </View>
              </View>
            ))
        )}
      </Card>
    </>
  );
}
