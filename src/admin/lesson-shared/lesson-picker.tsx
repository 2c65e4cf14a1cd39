import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { LibraryItem } from '../../domain/api/lessons';
import { LibraryFilters } from './filters';
import { LibraryRow } from './library-row';
import { useLibrary, type LibraryFilter } from './use-library';

interface LessonPickerProps {
  /** Central plan: the central library; a branch: central plus the branch's own. */
  branchId: string | null;
  /** Chosen lesson ids, in the order chosen. */
  selected: ReadonlyArray<string>;
  onToggle: (item: LibraryItem) => void;
  /** Show each chosen lesson's position (bulk planning). */
  ordered?: boolean;
}

/** Lessons to plan, searchable; archived lessons are not offered. */
export function LessonPicker({ branchId, selected, onToggle, ordered = false }: LessonPickerProps) {
  const [filter, setFilter] = useState<LibraryFilter>({ scope: branchId ? 'all' : 'central', branchId, kind: null, query: '' });
  const list = useLibrary(filter);
  return (
    <View className="lesson-picker">
      <LibraryFilters filter={filter} onChange={setFilter} scopes={[]} />
      <View className="lesson-picker__list">
        {list.error && !list.items && <Text className="form-error">{list.error}</Text>}
        {!list.items && !list.error && <Text className="muted">加载中…</Text>}
        {list.items?.length === 0 && <Text className="muted">{filter.query ? '没有找到相关课程' : '课程库还没有可用的课程'}</Text>}
        {list.items?.map((item) => {
          const at = selected.indexOf(item.lessonId);
          return (
            <LibraryRow
              key={item.lessonId}
              className="picker-item"
              item={item}
              selected={at >= 0}
              order={ordered && at >= 0 ? at + 1 : undefined}
              onTap={() => onToggle(item)}
            />
          );
        })}
        {list.hasMore && (
          <Button className="picker-more" size="small" fill="outline" loading={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        )}
      </View>
    </View>
  );
}
