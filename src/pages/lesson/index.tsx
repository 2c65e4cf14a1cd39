import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { MeGate } from '../../components/me-gate';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import type { LessonStudyView } from '../../domain/api/lessons';
import { LESSON_KIND_LABELS } from '../../domain/lesson/lesson';
import { useAsync } from '../../hooks/use-async';
import { useProgressSaver } from '../../hooks/use-progress-saver';
import { lessonsApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { readPending } from '../../platform/pending-beats';
import { dayText, durationText } from '../../utils/lesson-format';
import { ArticleLesson } from './article-lesson';
import { ReaderTextSize } from './reader-text-size';
import { AudioLesson } from './audio-lesson';
import { LessonCheck } from './lesson-check';
import { ProgressSummary } from './progress-summary';
import { VideoLesson } from './video-lesson';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

/** Where to start: a position saved on this phone but not yet on the server is the newer one. */
function withLocalResume(view: LessonStudyView): LessonStudyView['progress'] {
  const local = readPending(view.lesson.lessonId)?.resume;
  return local ? { ...view.progress, resume: { chapter: local.chapter, position: local.position } } : view.progress;
}

function LessonStudy({ view }: { view: LessonStudyView }) {
  const { lesson } = view;
  const [initial] = useState(() => withLocalResume(view));
  const mediaTotalSec = lesson.chapters.reduce((s, c) => s + c.durationSec, 0);
  const saver = useProgressSaver(lesson.lessonId, view.progress, () => toastSuccess('已完成本课'), mediaTotalSec);
  const { progress } = saver;
  const meta = [lesson.source ? `来源：${lesson.source}` : '', durationText(lesson.durationSec), lesson.chapters.length > 1 ? `${lesson.chapters.length} 节` : '']
    .filter(Boolean)
    .join(' · ');
  const player = { lesson, saver, initial };

  return (
    <>
      <View className="lesson-head">
        <View className="lesson-head__tags">
          <Tag className={`lesson-kind lesson-kind--${lesson.kind}`} type="primary">
            {LESSON_KIND_LABELS[lesson.kind]}
          </Tag>
          {view.date && <Text className="lesson-date">{dayText(view.date)}</Text>}
        </View>
        <Text className="lesson-title">{lesson.title}</Text>
        <Text className="lesson-meta">{meta}</Text>
        {lesson.summary && <Text className="lesson-summary">{lesson.summary}</Text>}
      </View>

      <ProgressSummary progress={progress} kind={lesson.kind} saveState={saver.saveState} />

      {lesson.kind === 'video' && <VideoLesson {...player} />}
      {lesson.kind === 'audio' && <AudioLesson {...player} />}
      {lesson.kind === 'article' && (
        <ReaderTextSize>
          <ArticleLesson {...player} />
        </ReaderTextSize>
      )}

      <LessonCheck lessonId={lesson.lessonId} questions={lesson.questions} open={progress.completed} initial={view.check} />
    </>
  );
}

function Study({ lessonId, date }: { lessonId: string; date: string }) {
  const state = useAsync(() => lessonsApi('get', date ? { lessonId, date } : { lessonId }), [lessonId, date]);
  if (state.error && !state.data) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  return <LessonStudy key={state.data.lesson.lessonId} view={state.data} />;
}

function LessonPage() {
  const { lessonId = '', date = '' } = useRouter().params;
  return (
    <View className="page page-lesson">
      {lessonId ? (
        <MeGate>{() => <Study lessonId={lessonId} date={date} />}</MeGate>
      ) : (
        <View className="lesson-missing">
          <EmptyView title="缺少课程参数" description="请从首页“今日微党课”进入" />
        </View>
      )}
    </View>
  );
}

export default withPageDisplay(LessonPage);
