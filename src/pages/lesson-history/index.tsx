import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { MeGate } from '../../components/me-gate';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import type { HistoryItem, WeekView } from '../../domain/api/lessons';
import { LESSON_KIND_LABELS } from '../../domain/lesson/lesson';
import { lessonsApi } from '../../platform/api';
import { errorMessage } from '../../utils/error-message';
import { formatShortDateTime } from '../../utils/format-time';
import { ROUTES, withQuery } from '../../utils/routes';
import '../lesson-catchup/index.scss';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';

function WeekSummary({ week }: { week: WeekView }) {
  return (
    <Card className="history-week">
      <View className="history-week__row">
        <View className="history-week__cell">
          <Text className="history-week__label">本周已学</Text>
          <Text className="history-week-days">
            {week.daysThisWeek} / {week.target} 天
          </Text>
        </View>
        <View className="history-week__cell">
          <Text className="history-week__label">连续达标</Text>
          <Text className="history-week-streak">{week.streak} 周</Text>
        </View>
      </View>
      <Text className="muted history-week__tip">每周学满 {week.target} 天即达标，轮班也能保持；补学计入完成当天。</Text>
    </Card>
  );
}

function HistoryRow({ item }: { item: HistoryItem }) {
  const open = () => void Taro.navigateTo({ url: withQuery(ROUTES.lesson, { lessonId: item.lessonId }) });
  return (
    <View className="history-item" {...pressable(open, 'link')}>
      <View className="history-item__head">
        <Text className="history-item-date">{formatShortDateTime(item.completedAt)} 完成</Text>
        <Tag type="primary" plain>
          {LESSON_KIND_LABELS[item.kind]}
        </Tag>
      </View>
      <Text className="history-item-title">{item.title}</Text>
      <Text className="muted history-item__meta">{item.checkTotal ? `小测答对 ${item.checkCorrect ?? 0} / ${item.checkTotal}` : '小测未作答'}</Text>
    </View>
  );
}

/** Completed lessons, newest first, paged by the last completedAt. */
function History() {
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [week, setWeek] = useState<WeekView | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setError(null);
    try {
      const page = await lessonsApi('history', {});
      if (mine !== seq.current) return;
      setItems(page.items);
      setWeek(page.week);
      setNext(page.next);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e, '加载失败，请重试'));
    }
  }, []);

  const more = async () => {
    if (next === null || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await lessonsApi('history', { before: next });
      setItems((prev) => [...(prev ?? []), ...page.items.filter((i) => !prev?.some((p) => p.lessonId === i.lessonId))]);
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e, '加载失败，请重试'));
    } finally {
      setLoadingMore(false);
    }
  };

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !items) return <ErrorView message={error} onRetry={() => void load()} />;
  if (!items) return <LoadingView rows={5} />;
  return (
    <>
      {week && <WeekSummary week={week} />}
      {items.length === 0 ? (
        <Card className="history-empty">
          <EmptyView title="还没有完成的微党课" description="完成的课程会记录在这里" />
        </Card>
      ) : (
        <View className="history-list">
          {items.map((item) => (
            <HistoryRow key={item.lessonId} item={item} />
          ))}
        </View>
      )}
      {next !== null && (
        <View className="block-actions">
          {moreError && <Text className="form-error">{moreError}</Text>}
          <Button className="history-more" block size="large" fill="outline" loading={loadingMore} onClick={() => void more()}>
            加载更多
          </Button>
        </View>
      )}
    </>
  );
}

function LessonHistoryPage() {
  return (
    <View className="page page-lesson-history">
      <MeGate>{() => <History />}</MeGate>
    </View>
  );
}

export default withPageDisplay(LessonHistoryPage);
