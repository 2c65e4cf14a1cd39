import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { PercentBar } from '../../components/percent-bar';
import type { TodayView } from '../../domain/api/lessons';
import { LESSON_KIND_LABELS } from '../../domain/lesson/lesson';
import type { BoundMe } from '../../hooks/use-me';
import { formatClock } from '../../utils/format-time';
import { lessonAccess, lessonStatsUrl } from '../../utils/lesson-access';
import { durationText } from '../../utils/lesson-format';
import { ROUTES, withQuery } from '../../utils/routes';
import { pressable } from '../../utils/pressable';

const go = (url: string) => void Taro.navigateTo({ url });

function startLabel(view: TodayView): string {
  if (view.progress?.completed) return '已完成·查看';
  return (view.progress?.percent ?? 0) > 0 ? '继续学习' : '开始学习';
}

/** Today's lesson in one tap: what it is, how far along, and one big button. */
function TodayBody({ view }: { view: TodayView }) {
  const { lesson } = view;
  if (lesson && view.released) {
    const percent = view.progress?.percent ?? 0;
    const done = view.progress?.completed ?? false;
    return (
      <View className="today-lesson">
        <View className="today-lesson__meta">
          <Tag className={`today-lesson-kind lesson-kind--${lesson.kind}`} type="primary">
            {LESSON_KIND_LABELS[lesson.kind]}
          </Tag>
          <Text className="today-lesson-duration">约 {durationText(lesson.durationSec)}</Text>
          {done && <Text className="today-lesson-done">✓ 已完成</Text>}
        </View>
        <Text className="today-lesson-title">{lesson.title}</Text>
        {view.reminded && !done && (
          <Text className="today-reminded">{view.reminded.byName} 提醒你完成今天的微党课</Text>
        )}
        <PercentBar percent={percent} className="today-lesson-progress" done={done} />
        <Button
          className="today-lesson-start"
          type="primary"
          size="large"
          block
          fill={done ? 'outline' : undefined}
          onClick={() => go(withQuery(ROUTES.lesson, { lessonId: lesson.lessonId, date: view.date }))}
        >
          {startLabel(view)}
        </Button>
      </View>
    );
  }
  if (!view.released && view.planned && !view.off) {
    return (
      <View className="today-lesson today-lesson--pending">
        <Text className="today-lesson-pending">今日微党课 {formatClock(view.releaseAt)} 更新</Text>
        <Text className="muted today-lesson__hint">到点后在这里一键开始学习</Text>
      </View>
    );
  }
  return (
    <View className="today-lesson today-lesson--none">
      <Text className="today-lesson-none">今天没有新课</Text>
      {view.catchUpCount > 0 && <Text className="muted today-lesson__hint">可以补学前几天未完成的微党课</Text>}
    </View>
  );
}

/** Today's lesson card, from the home's one call (src/hooks/use-home.ts); `reload` retries that call. */
export function TodayLesson({ me, view, error, reload }: { me: BoundMe; view: TodayView | null; error: string | null; reload: () => void }) {
  const statsUrl = lessonStatsUrl(lessonAccess(me.member));

  return (
    <Card
      title="今日微党课"
      className="home-lesson"
      extra={
        statsUrl && (
          <Text className="today-stats-link" {...pressable(() => go(statsUrl), 'link')}>
            学习情况 ›
          </Text>
        )
      }
    >
      {!view ? (
        error ? (
          <View className="today-lesson-error" {...pressable(reload)}>
            <Text className="form-error">{error}</Text>
            <Text className="today-lesson-error__retry">点此重试</Text>
          </View>
        ) : (
          <Text className="muted today-lesson-loading">加载中…</Text>
        )
      ) : (
        <>
          <TodayBody view={view} />
          {view.catchUpCount > 0 && (
            <View className="today-catchup" {...pressable(() => go(ROUTES.lessonCatchup), 'link')}>
              <Text className="today-catchup__text">
                补学：前几天还有 <Text className="today-catchup-count">{view.catchUpCount}</Text> 课未完成
              </Text>
              <Text className="today-catchup__arrow">›</Text>
            </View>
          )}
          <View className="today-week" {...pressable(() => go(ROUTES.lessonHistory), 'link')}>
            <Text className="today-week__days">
              本周已学 {view.week.daysThisWeek} / {view.week.target} 天
            </Text>
            {view.week.streak > 0 && <Text className="today-week__streak">连续达标 {view.week.streak} 周</Text>}
          </View>
        </>
      )}
    </Card>
  );
}

/**
 * A member without a branch (the committee office) has no daily lesson of their own: instead of a
 * meaningless “今天没有新课”, the home offers the hospital's study overview.
 */
export function CommitteeStudyCard() {
  return (
    <Card title="全院学习情况" className="home-lesson home-committee-study">
      <View className="home-committee-study__link" role="link" onClick={() => go(ROUTES.lessonCommittee)}>
        <Text className="home-committee-study__text">查看各支部每日微党课完成率、导出台账</Text>
        <Text className="today-catchup__arrow">›</Text>
      </View>
    </Card>
  );
}
