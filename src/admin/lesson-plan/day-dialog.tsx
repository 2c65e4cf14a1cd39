import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { ChoiceList } from '../../components/choice-list';
import { FormDialog } from '../../components/form-dialog';
import type { MonthDayView } from '../../domain/api/lessons';
import { lessonsApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { FormError } from '../../utils/error-message';
import { dayText } from '../../utils/lesson-format';
import { LessonPicker } from '../lesson-shared/lesson-picker';

type Special = 'off' | 'inherit';

interface DayDialogProps {
  day: MonthDayView | null;
  /** Null: the central plan. */
  branchId: string | null;
  onClose: () => void;
  onChanged: (day: MonthDayView) => void;
}

/** One day: pick a lesson, or (a branch) no lesson that day / back to the central plan. */
export function DayDialog({ day, branchId, onClose, onChanged }: DayDialogProps) {
  const [lessonId, setLessonId] = useState<string | null>(null);
  const [special, setSpecial] = useState<Special | null>(null);
  useEffect(() => {
    setLessonId(null);
    setSpecial(null);
  }, [day]);

  const confirm = async () => {
    if (!day) return;
    let result: MonthDayView;
    if (special === 'inherit' && branchId) result = await lessonsApi('plan.clear', { branchId, date: day.date });
    else if (special === 'off') result = await lessonsApi('plan.set', branchId ? { scope: 'branch', branchId, date: day.date, lessonId: null } : { scope: 'central', date: day.date, lessonId: null });
    else if (lessonId) result = await lessonsApi('plan.set', branchId ? { scope: 'branch', branchId, date: day.date, lessonId } : { scope: 'central', date: day.date, lessonId });
    else throw new FormError('请选择一课，或选择“本日不安排”');
    onChanged(result);
    toastSuccess('已更新课表');
    onClose();
  };

  const current = day ? (day.off ? '本日不安排' : day.title ? `${day.title}${branchId ? `（${day.source === 'branch' ? '支部安排' : '院党委中心课表'}）` : ''}` : '未安排') : '';
  const specials: Array<{ value: Special; label: string; description?: string; className: string }> = [];
  if (day && (branchId ? !day.off : day.lessonId)) specials.push({ value: 'off', label: branchId ? '本日不安排' : '取消安排', description: branchId ? '本支部当天没有微党课' : undefined, className: 'plan-choice-off' });
  if (day && branchId && day.source === 'branch') {
    specials.push({ value: 'inherit', label: '恢复中心课表', description: day.centralTitle ? `院党委安排：${day.centralTitle}` : '院党委当天未安排', className: 'plan-choice-inherit' });
  }

  return (
    <FormDialog className="plan-day-dialog" visible={day !== null} title={day ? dayText(day.date) : ''} confirmText="确定" onConfirm={confirm} onClose={onClose}>
      <Text className="muted plan-day-dialog__current">当前：{current}</Text>
      {specials.length > 0 && (
        <ChoiceList
          className="plan-specials"
          choices={specials}
          value={special}
          onChange={(v) => {
            setSpecial(v);
            setLessonId(null);
          }}
        />
      )}
      <View className="plan-day-dialog__pick">
        <Text className="plan-day-dialog__label">选择一课</Text>
        {day && (
          <LessonPicker
            branchId={branchId}
            selected={lessonId ? [lessonId] : []}
            onToggle={(item) => {
              setLessonId(item.lessonId === lessonId ? null : item.lessonId);
              setSpecial(null);
            }}
          />
        )}
      </View>
    </FormDialog>
  );
}
