import { View, Text } from '@tarojs/components';
import './index.scss';
import { pressable } from '../../utils/pressable';

export interface Choice<V extends string> {
  value: V;
  label: string;
  description?: string;
  /** Extra class on this row, e.g. for tests (`audience-groups`). */
  className?: string;
}

interface ChoiceListProps<V extends string> {
  choices: Array<Choice<V>>;
  value: V | null;
  onChange: (value: V) => void;
  className?: string;
}

/** Radio-style list with whole-row tap targets (easier one-handed than a wheel picker). */
export function ChoiceList<V extends string>({ choices, value, onChange, className }: ChoiceListProps<V>) {
  return (
    <View className={`choice-list ${className ?? ''}`} role="radiogroup">
      {choices.map((c) => {
        const active = c.value === value;
        return (
          <View key={c.value} className={`choice ${active ? 'choice--active' : ''} ${c.className ?? ''}`} aria-checked={active} {...pressable(() => onChange(c.value), 'radio')}>
            <View className="choice__text">
              <Text className="choice__label">{c.label}</Text>
              {c.description && <Text className="choice__description">{c.description}</Text>}
            </View>
            <Text className="choice__mark">{active ? '✓' : ''}</Text>
          </View>
        );
      })}
    </View>
  );
}
