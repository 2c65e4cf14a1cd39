import { View, Text } from '@tarojs/components';
import type { ProgressView } from '../../domain/api/lessons';
import { durationText } from '../../utils/lesson-format';
import type { StudyChapter } from './types';

interface ChapterListProps {
  chapters: StudyChapter[];
  progress: ProgressView;
  active: number;
  onSelect: (index: number) => void;
}

/** Chapters as large rows: number, title, length and how much of it was played. */
export function ChapterList({ chapters, progress, active, onSelect }: ChapterListProps) {
  if (chapters.length <= 1) return null;
  return (
    <View className="lesson-chapters">
      <Text className="lesson-chapters__title">章节（共 {chapters.length} 节）</Text>
      {chapters.map((c, i) => {
        const covered = progress.chapters[i]?.coveredSec ?? 0;
        const pct = c.durationSec > 0 ? Math.min(100, Math.floor((covered / c.durationSec) * 100)) : 0;
        return (
          <View key={c.index} className={`lesson-chapter ${i === active ? 'is-active' : ''} ${pct >= 90 ? 'is-done' : ''}`} onClick={() => i !== active && onSelect(i)}>
            <Text className="lesson-chapter__index">{i + 1}</Text>
            <View className="lesson-chapter__main">
              <Text className="lesson-chapter__title">{c.title}</Text>
              <Text className="lesson-chapter__meta">
                {durationText(c.durationSec)} · {pct >= 90 ? '已学完' : pct > 0 ? `已学 ${pct}%` : '未开始'}
              </Text>
            </View>
            {i === active && <Text className="lesson-chapter__playing">当前</Text>}
          </View>
        );
      })}
    </View>
  );
}
