import { View, Text } from '@tarojs/components';
import type { Choice } from '../choice-list';
import '../choice-list/index.scss';
import './index.scss';

interface MultiChoiceListProps<V extends string> {
  choices: Array<Choice<V>>;
  selected: ReadonlyArray<V>;
  onChange: (selected: V[]) => void;
  className?: string;
  /** Class on every row (tests click `.audience-choice`). */
  itemClassName?: string;
}

/** Checkbox-style list with whole-row tap targets; the order of `selected` follows the taps. */
export function MultiChoiceList<V extends string>({ choices, selected, onChange, className, itemClassName }: MultiChoiceListProps<V>) {
  const toggle = (value: V) => onChange(selected.includes(value) ? selected.filter((s) => s !== value) : [...selected, value]);
  return (
    <View className={`choice-list multi-choice-list ${className ?? ''}`}>
      {choices.map((c) => {
        const active = selected.includes(c.value);
        return (
          <View
            key={c.value}
            className={`choice ${active ? 'choice--active is-selected' : ''} ${itemClassName ?? ''} ${c.className ?? ''}`}
            onClick={() => toggle(c.value)}
          >
            <View className="choice__text">
              <Text className="choice__label">{c.label}</Text>
              {c.description && <Text className="choice__description">{c.description}</Text>}
            </View>
            <Text className={`multi-choice__box ${active ? 'multi-choice__box--on' : ''}`}>{active ? '✓' : ''}</Text>
          </View>
        );
      })}
    </View>
  );
}
