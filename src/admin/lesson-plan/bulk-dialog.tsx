import { useEffect, useState } from 'react';
import { View, Text, Picker } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { ChoiceList } from '../../components/choice-list';
import { FormDialog } from '../../components/form-dialog';
import type { BulkPlanResult } from '../../domain/lesson/calendar';
import { lessonsApi } from '../../platform/api';
import { FormError } from '../../utils/error-message';
import { LessonPicker } from '../lesson-shared/lesson-picker';

type Days = 'weekdays' | 'daily';

interface BulkDialogProps {
  visible: boolean;
  branchId: string | null;
  today: string;
  onClose: () => void;
  onDone: (result: BulkPlanResult, lessons: number) => void;
}

/** 批量排课: lessons in the order chosen, one per weekday (or every day) from a start date. */
export function BulkDialog({ visible, branchId, today, onClose, onDone }: BulkDialogProps) {
  const [lessonIds, setLessonIds] = useState<string[]>([]);
  const [start, setStart] = useState(today);
  const [days, setDays] = useState<Days>('weekdays');
  const [overwrite, setOverwrite] = useState(false);
  useEffect(() => {
    if (!visible) return;
    setLessonIds([]);
    setStart(today);
    setDays('weekdays');
    setOverwrite(false);
  }, [visible, today]);

  const confirm = async () => {
    if (lessonIds.length === 0) throw new FormError('请按顺序选择要安排的课程');
    const common = { start, lessonIds, days, overwrite };
    const result = await lessonsApi('plan.bulk', branchId ? { scope: 'branch', branchId, ...common } : { scope: 'central', ...common });
    onDone(result, lessonIds.length);
    onClose();
  };

  return (
    <FormDialog className="plan-bulk-dialog" visible={visible} title="批量排课" confirmText="排课" onConfirm={confirm} onClose={onClose}>
      <View className="bulk-field">
        <Text className="bulk-field__label">开始日期</Text>
        <Picker mode="date" value={start} start={today} onChange={(e) => setStart(String(e.detail.value))}>
          <View className="bulk-start">{start}</View>
        </Picker>
      </View>
      <ChoiceList
        className="bulk-days"
        choices={[
          { value: 'weekdays', label: '仅工作日', description: '周一至周五，节假日请另行调整', className: 'bulk-days-weekdays' },
          { value: 'daily', label: '每天', className: 'bulk-days-daily' },
        ]}
        value={days}
        onChange={setDays}
      />
      <View className="bulk-switch">
        <View className="bulk-switch__text">
          <Text className="bulk-field__label">覆盖已有安排</Text>
          <Text className="muted bulk-switch__hint">关闭时跳过已排课的日期</Text>
        </View>
        <Switch className="bulk-overwrite" checked={overwrite} onChange={setOverwrite} />
      </View>
      <View className="bulk-field">
        <Text className="bulk-field__label">按顺序点选课程（已选 {lessonIds.length} 课）</Text>
        {visible && (
          <LessonPicker
            branchId={branchId}
            selected={lessonIds}
            ordered
            onToggle={(item) => setLessonIds((prev) => (prev.includes(item.lessonId) ? prev.filter((id) => id !== item.lessonId) : [...prev, item.lessonId]))}
          />
        )}
      </View>
    </FormDialog>
  );
}
