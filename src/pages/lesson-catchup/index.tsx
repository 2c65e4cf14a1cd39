import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { MeGate } from '../../components/me-gate';
import { PercentBar } from '../../components/percent-bar';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import type { CatchUpItem } from '../../domain/api/lessons';
import { LESSON_KIND_LABELS } from '../../domain/lesson/lesson';
import { useAsync } from '../../hooks/use-async';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { lessonsApi } from '../../platform/api';
import { dayText, durationText } from '../../utils/lesson-format';
import { ROUTES, withQuery } from '../../utils/routes';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';

function CatchUpRow({ item }: { item: CatchUpItem }) {
  const open = () => void Taro.navigateTo({ url: withQuery(ROUTES.lesson, { lessonId: item.lesson.lessonId, date: item.date }) });
  return (
    <View className="catchup-item" {...pressable(open, 'link')}>
      <View className="catchup-item__head">
        <Text className="catchup-item-date">{dayText(item.date)}</Text>
        <Tag className={`lesson-kind--${item.lesson.kind}`} type="primary" plain>
          {LESSON_KIND_LABELS[item.lesson.kind]}
        </Tag>
      </View>
      <Text className="catchup-item-title">{item.lesson.title}</Text>
      <Text className="muted catchup-item__meta">约 {durationText(item.lesson.durationSec)} · {item.percent > 0 ? '继续学习' : '未开始'}</Text>
      <PercentBar percent={item.percent} className="catchup-item-percent" />
    </View>
  );
}

function CatchUp() {
  const state = useAsync(() => lessonsApi('catchup', {}), []);
  useOnReturn(() => void state.reload());
  if (state.error && !state.data) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={5} />;
  const { items } = state.data;
  if (items.length === 0) {
    return (
      <Card className="catchup-empty">
        <EmptyView title="没有需要补学的课" description="前 7 天的微党课都已完成" />
      </Card>
    );
  }
  return (
    <>
      <Text className="page-intro">前 7 天未完成的微党课，共 {items.length} 课。补学完成后计入完成当天的学习天数。</Text>
      <View className="catchup-list">
        {items.map((item) => (
          <CatchUpRow key={`${item.date}:${item.lesson.lessonId}`} item={item} />
        ))}
      </View>
    </>
  );
}

function LessonCatchUpPage() {
  return (
    <View className="page page-lesson-catchup">
      <MeGate>{() => <CatchUp />}</MeGate>
    </View>
  );
}

export default withPageDisplay(LessonCatchUpPage);
