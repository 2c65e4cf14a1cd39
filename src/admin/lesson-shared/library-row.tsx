import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { LibraryItem } from '../../domain/api/lessons';
import { LESSON_KIND_LABELS } from '../../domain/lesson/lesson';
import { durationText } from '../../utils/lesson-format';
import { pressable } from '../../utils/pressable';

export const EDIT_MODE_LABELS: Record<LibraryItem['editMode'], string> = {
  free: '',
  metadata: '已有人学习',
  locked: '已归档',
};

interface LibraryRowProps {
  item: LibraryItem;
  onTap: () => void;
  selected?: boolean;
  /** Position in a chosen order (bulk planning), shown as a badge. */
  order?: number;
  className?: string;
}

/** One lesson: kind, title, length, whose library, and whether it can still be edited freely. */
export function LibraryRow({ item, onTap, selected = false, order, className }: LibraryRowProps) {
  return (
    <View className={`library-item ${selected ? 'is-selected' : ''} ${item.status === 'archived' ? 'is-archived' : ''} ${className ?? ''}`} {...pressable(onTap)}>
      <View className="library-item__head">
        <Tag className={`library-item-kind lesson-kind--${item.kind}`} type="primary" plain>
          {LESSON_KIND_LABELS[item.kind]}
        </Tag>
        <Tag className="library-item-scope" type={item.branchId === null ? 'danger' : 'warning'} plain>
          {item.branchId === null ? '院党委' : '支部'}
        </Tag>
        {item.editMode !== 'free' && (
          <Tag className={`library-item-mode library-item-mode--${item.editMode}`} type="default" plain>
            {EDIT_MODE_LABELS[item.editMode]}
          </Tag>
        )}
        {order !== undefined && <Text className="library-item-order">{order}</Text>}
      </View>
      <Text className="library-item-title">{item.title}</Text>
      <Text className="muted library-item__meta">
        约 {durationText(item.durationSec)}
        {item.chapterCount > 1 ? ` · ${item.chapterCount} 节` : ''}
        {item.createdByName ? ` · ${item.createdByName}` : ''}
      </Text>
    </View>
  );
}
