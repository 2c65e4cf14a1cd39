import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import { PercentBar } from '../../components/percent-bar';
import type { BranchDayView } from '../../domain/api/lessons';
import { dayText, rateText } from '../../utils/lesson-format';
import { ROUTES, withQuery } from '../../utils/routes';
import { UnboundCard } from '../shared/unbound-card';

interface DayCardProps {
  view: BranchDayView;
  branchId: string;
  /** Today's card talks about “today”; an earlier day's says which day, and offers the way back. */
  isToday: boolean;
  onBackToToday: () => void;
}

/** One day: completed x / y, who has not studied and who has (by party group), and who cannot yet (unbound). */
export function DayCard({ view, branchId, isToday, onBackToToday }: DayCardProps) {
  const openLesson = () => view.lessonId && void Taro.navigateTo({ url: withQuery(ROUTES.lessonStat, { lessonId: view.lessonId, branchId }) });
  const title = `${isToday ? '今天' : '当天'} · ${dayText(view.date)}`;
  const back = !isToday && (
    <View className="stats-day-back" role="button" onClick={onBackToToday}>
      <Text>回到今天</Text>
    </View>
  );
  if (view.lessonId === null) {
    return (
      <Card title={title} className="stats-today" extra={back || undefined}>
        <Text className="stats-today__none">{isToday ? '今天没有安排微党课' : '这一天没有安排微党课'}</Text>
      </Card>
    );
  }
  const notStudied = view.groups.reduce((n, g) => n + g.notStudied.length, 0);
  const studiedGroups = view.groups.filter((g) => g.studied.length > 0);
  return (
    <>
      <Card title={title} className={`stats-today stats-day ${isToday ? 'is-today' : 'is-past'}`} extra={back || undefined}>
        <Text className="stats-today__title lesson-stat-link" onClick={openLesson}>
          {view.lessonTitle ?? '微党课'} ›
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
          {view.unbound.length > 0 && (
            <View className="stats-count">
              <Text className="stats-count__label">未绑定</Text>
              <Text className="lesson-stats-pending lesson-stats-unbound">{view.unbound.length}</Text>
            </View>
          )}
        </View>
        <PercentBar percent={view.ratePercent} done={view.ratePercent === 100} showText={false} />
      </Card>
      <Card title="未学名单" className="lesson-not-studied">
        {notStudied === 0 ? (
          <Text className="not-studied-none">{isToday ? '全部党员已完成今天的学习' : '全部党员已完成这一天的学习'}</Text>
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
      {studiedGroups.length > 0 && (
        <Card title={`已学名单（${view.completed} 人）`} className="lesson-studied">
          {studiedGroups.map((g) => (
            <View key={g.groupId ?? 'none'} className="studied-group">
              <Text className="not-studied-group__name">
                {g.groupName}（已学 {g.studied.length} / {g.expected}）
              </Text>
              <Text className="studied-group__names">{g.studied.map((m) => m.name).join('、')}</Text>
            </View>
          ))}
        </Card>
      )}
      <UnboundCard people={view.unbound} branchId={branchId} leftOutOf="完成率" remindable={isToday} />
    </>
  );
}
