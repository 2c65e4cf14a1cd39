import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import { PercentBar } from '../../components/percent-bar';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { lessonsApi } from '../../platform/api';
import { rateText } from '../../utils/lesson-format';
import '../lesson-shared/index.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const LETTERS = 'ABCDEF';

/** One lesson: how many started and completed, and how each question was answered (first attempts). */
function LessonStat({ lessonId, branchId }: { lessonId: string; branchId: string | null }) {
  const state = useAsync(() => lessonsApi('stats.lesson', { lessonId, branchId }), [lessonId, branchId]);
  if (state.error && !state.data) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={6} />;
  const s = state.data;
  return (
    <>
      <Card title={s.title} className="lesson-stat-summary">
        <View className="stats-today__counts">
          <View className="stats-count">
            <Text className="stats-count__label">已完成</Text>
            <Text className="lesson-stat-completed">{s.completed}</Text>
          </View>
          <View className="stats-count">
            <Text className="stats-count__label">已开始</Text>
            <Text className="lesson-stat-started">{s.started}</Text>
          </View>
          <View className="stats-count">
            <Text className="stats-count__label">已答题</Text>
            <Text className="lesson-stat-answered">{s.answered}</Text>
          </View>
        </View>
        <Text className="muted lesson-stat-rate">开始学习的人中完成率 {rateText(s.completionRatePercent)}</Text>
      </Card>
      <Card title="小测正确率（首次作答）" className="lesson-stat-questions">
        {s.questions.map((q, i) => (
          <View key={q.questionId} className="lesson-stat-question">
            <Text className="lesson-stat-question__prompt">
              {i + 1}. {q.prompt}
            </Text>
            <PercentBar percent={q.ratePercent} className="lesson-stat-question-rate" />
            <Text className="muted lesson-stat-question__meta">
              答对 {q.correct} / {q.answered}
              {q.optionCounts.length > 0 ? ` · 选择人数：${q.optionCounts.map((n, k) => `${LETTERS[k]} ${n}`).join('，')}` : ''}
            </Text>
          </View>
        ))}
      </Card>
    </>
  );
}

function LessonStatPage() {
  const { lessonId = '', branchId = '' } = useRouter().params;
  return (
    <View className="page page-lesson-stat">
      {lessonId ? <LessonStat lessonId={lessonId} branchId={branchId || null} /> : <EmptyView title="缺少课程参数" description="请从学习情况页进入" />}
    </View>
  );
}

export default withPageDisplay(LessonStatPage);
