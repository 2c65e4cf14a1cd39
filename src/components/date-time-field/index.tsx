import { View, Text, Picker } from '@tarojs/components';
import './index.scss';

export interface DateTimeValue {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  clock: string;
}

interface DateTimeFieldProps {
  label: string;
  value: DateTimeValue;
  onChange: (value: DateTimeValue) => void;
  /** Earliest selectable day, YYYY-MM-DD. */
  start?: string;
  end?: string;
  className?: string;
}

/**
 * A date and a time, each the platform's own picker (wheel in WeChat, popup on H5): big tap targets and
 * no typing. The values are wall-clock fields; callers turn them into an instant in Asia/Shanghai.
 */
export function DateTimeField({ label, value, onChange, start, end, className }: DateTimeFieldProps) {
  return (
    <View className={`date-time-field ${className ?? ''}`}>
      <Text className="date-time-field__label">{label}</Text>
      <View className="date-time-field__row">
        <Picker mode="date" value={value.date} start={start} end={end} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className="date-time-field__box date-time-field__date">{value.date || '选择日期'}</View>
        </Picker>
        <Picker mode="time" value={value.clock} onChange={(e) => onChange({ ...value, clock: String(e.detail.value) })}>
          <View className="date-time-field__box date-time-field__clock">{value.clock || '选择时间'}</View>
        </Picker>
      </View>
    </View>
  );
}
