import { View, Text } from '@tarojs/components';
import './index.scss';

interface PercentBarProps {
  /** Null: nothing to measure yet (nobody answered): an empty bar and “—”, never a misleading 0%. */
  percent: number | null;
  /** Carries the percentage text, e.g. `lesson-progress`: tests read `45%` from it. */
  className?: string;
  done?: boolean;
  /** False where the same number is already shown large beside the bar (no “0%” twice). */
  showText?: boolean;
}

/** A thick progress bar with the percentage beside it, readable at arm's length. */
export function PercentBar({ percent, className, done = false, showText = true }: PercentBarProps) {
  const p = percent === null ? 0 : Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <View className={`percent-bar ${done ? 'percent-bar--done' : ''}`}>
      <View className="percent-bar__track">
        <View className="percent-bar__fill" style={{ width: `${p}%` }} />
      </View>
      {showText && <Text className={`percent-bar__text ${className ?? ''}`}>{percent === null ? '—' : `${p}%`}</Text>}
    </View>
  );
}
