import { View, Text } from '@tarojs/components';
import { pressable } from '../../utils/pressable';

export interface Chip<V extends string | number> {
  value: V;
  label: string;
}

/** A single choice as a grid of large chips (the reason picker's look), for short option sets. */
export function ChipChoice<V extends string | number>({ chips, value, onChange, label, className }: { chips: Array<Chip<V>>; value: V | null; onChange: (v: V) => void; label: string; className?: string }) {
  return (
    <View className={`m-field ${className ?? ''}`}>
      <Text className="m-field__label">{label}</Text>
      <View className="chip-grid" role="radiogroup" aria-label={label}>
        {chips.map((c) => {
          const on = c.value === value;
          return (
            <View key={String(c.value)} className={`reason-chip chip-${String(c.value)} ${on ? 'reason-chip--on' : ''}`} aria-checked={on} {...pressable(() => onChange(c.value), 'radio')}>
              <Text>{c.label}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
