import { View, Text } from '@tarojs/components';
import './index.scss';

interface PercentBarProps {
  percent: number;
  /** Carries the percentage text, e.g. `lesson-progress`: tests read `45%` from it. */
  className?: string;
  done?: boolean;
}

/** A thick progress bar with the percentage beside it, readable at arm's length. */
export function PercentBar({ percent, className, done = false }: PercentBarProps) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <View className={`percent-bar ${done ? 'percent-bar--done' : ''}`}>
      <View className="percent-bar__track">
        <View className="percent-bar__fill" style={{ width: `${p}%` }} />
      </View>
      <Text className={`percent-bar__text ${className ?? ''}`}>{p}%</Text>
    </View>
  );
}
