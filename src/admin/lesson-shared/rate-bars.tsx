import { View, Text } from '@tarojs/components';
import { rateClass, rateText, shortDay } from '../../utils/lesson-format';

export interface RateBar {
  date: string;
  ratePercent: number | null;
  completed: number;
  expected: number;
}

interface RateBarsProps {
  bars: RateBar[];
  /** Class on each bar (`trend-bar`, `committee-total-bar`). */
  barClassName: string;
  className?: string;
}

/** A bar chart from Views: each bar's height is the day's completion rate; days without a lesson are flat. */
export function RateBars({ bars, barClassName, className }: RateBarsProps) {
  const dense = bars.length > 10;
  return (
    <View className={`rate-bars ${dense ? 'rate-bars--dense' : ''} ${className ?? ''}`}>
      <View className="bars">
        {bars.map((b) => (
          <View key={b.date} className={`bar ${barClassName} ${rateClass(b.ratePercent)}`} data-date={b.date} data-rate={b.ratePercent ?? ''}>
            {!dense && <Text className="bar__value">{rateText(b.ratePercent)}</Text>}
            <View className="bar__fill" style={{ height: `${Math.max(b.ratePercent ?? 0, 1)}%` }} />
          </View>
        ))}
      </View>
      <View className="bar-labels">
        {bars.map((b, i) => (
          <Text key={b.date} className="bar-label">
            {!dense || i % 5 === 0 || i === bars.length - 1 ? shortDay(b.date) : ''}
          </Text>
        ))}
      </View>
    </View>
  );
}
