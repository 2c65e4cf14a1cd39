import { View, Text } from '@tarojs/components';
import { PercentBar } from '../../components/percent-bar';
import type { ProgressView } from '../../domain/api/lessons';
import type { LessonKind } from '../../domain/lesson/lesson';
import type { SaveState } from '../../hooks/use-progress-saver';
import { durationText } from '../../utils/lesson-format';

const SAVE_TEXT: Record<SaveState, string> = {
  idle: '',
  saving: '正在保存进度…',
  saved: '进度已保存',
  retrying: '网络不佳，进度已暂存在手机上，稍后自动保存',
};

/** The member's progress in this lesson, what completes it, and whether it is saved. */
export function ProgressSummary({ progress, kind, saveState }: { progress: ProgressView; kind: LessonKind; saveState: SaveState }) {
  const rule = kind === 'article' ? `读到文末并阅读满 ${durationText(progress.minReadSec)}即完成` : '播放满 90% 即完成，拖动跳过的部分不计入';
  return (
    <View className="lesson-progress-card">
      <View className="lesson-progress-card__head">
        <Text className="lesson-progress-card__label">学习进度</Text>
        {progress.completed && <Text className="lesson-completed">✓ 已完成</Text>}
      </View>
      <PercentBar percent={progress.percent} className="lesson-progress" done={progress.completed} />
      {!progress.completed && <Text className="lesson-progress-card__rule">{rule}</Text>}
      {SAVE_TEXT[saveState] && <Text className={`lesson-save-state lesson-save-state--${saveState}`}>{SAVE_TEXT[saveState]}</Text>}
    </View>
  );
}
