import { View, Text, Textarea } from '@tarojs/components';
import { pressable } from '../../utils/pressable';
import { LEAVE_REASONS, LEAVE_REASON_LABELS, type LeaveReason } from '../../domain/meeting/types';
import './index.scss';

export interface ReasonValue {
  reason: LeaveReason | null;
  /** Free text: required for 其他, optional otherwise. */
  note: string;
}

interface ReasonPickerProps {
  value: ReasonValue;
  onChange: (value: ReasonValue) => void;
  noteMaxLength?: number;
}

/**
 * 请假 reasons as large chips (one tap for a nurse between patients), and a note that becomes required
 * when the reason is 其他.
 */
export function ReasonPicker({ value, onChange, noteMaxLength = 100 }: ReasonPickerProps) {
  return (
    <View className="reason-picker">
      <Text className="reason-picker__label" id="reason-picker-label">
        请假原因
      </Text>
      <View className="reason-picker__chips" role="radiogroup" aria-labelledby="reason-picker-label">
        {LEAVE_REASONS.map((r) => {
          const on = value.reason === r;
          return (
            <View key={r} className={`reason-chip reason-${r} ${on ? 'reason-chip--on' : ''}`} aria-checked={on} {...pressable(() => onChange({ ...value, reason: r }), 'radio')}>
              <Text>{LEAVE_REASON_LABELS[r]}</Text>
            </View>
          );
        })}
      </View>
      <Text className="reason-picker__label">{value.reason === 'other' ? '说明（必填）' : '说明（选填）'}</Text>
      <Textarea
        className="reason-picker__note"
        value={value.note}
        maxlength={noteMaxLength}
        placeholder={value.reason === 'other' ? '请说明请假原因' : '可补充说明，例如班次时间'}
        onInput={(e) => onChange({ ...value, note: e.detail.value })}
        ariaLabel="请假说明"
      />
    </View>
  );
}
