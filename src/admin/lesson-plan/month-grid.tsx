import { View, Text } from '@tarojs/components';
import type { MonthDayView } from '../../domain/api/lessons';
import { leadingBlanks, WEEK_HEADER } from './month';
import { pressable } from '../../utils/pressable';

const SOURCE_LABELS = { central: '中心', branch: '支部', none: '' } as const;

interface MonthGridProps {
  days: MonthDayView[];
  today: string;
  /** A branch's calendar (shows 中心 / 支部 and 不安排); the central plan shows lessons only. */
  branch: boolean;
  onTap: (day: MonthDayView) => void;
}

/** The month as a Monday-first grid: each day's lesson title, where it comes from, and days off. */
export function MonthGrid({ days, today, branch, onTap }: MonthGridProps) {
  if (days.length === 0) return null;
  const blanks = Array.from({ length: leadingBlanks(days[0].date) }, (_, i) => i);
  return (
    <View className="plan-grid">
      {WEEK_HEADER.map((w) => (
        <Text key={w} className="plan-grid__weekday">
          {w}
        </Text>
      ))}
      {blanks.map((i) => (
        <View key={`b${i}`} className="plan-day plan-day--blank" />
      ))}
      {days.map((d) => {
        const cls = [
          'plan-day',
          d.date === today ? 'is-today' : '',
          d.date < today ? 'is-past' : '',
          d.editable ? 'is-editable' : '',
          d.off ? 'is-off' : '',
          d.lessonId ? 'has-lesson' : '',
          `plan-day--${d.source}`,
        ].join(' ');
        return (
          <View key={d.date} className={cls} data-date={d.date} {...pressable(() => onTap(d))}>
            <Text className="plan-day__date">{Number(d.date.slice(8))}</Text>
            {d.off ? (
              <Text className="plan-day-off">不安排</Text>
            ) : d.lessonId ? (
              <>
                <Text className="plan-day-title">{d.title ?? '（课程）'}</Text>
                {branch && <Text className={`plan-day-source plan-day-source--${d.source}`}>{SOURCE_LABELS[d.source]}</Text>}
              </>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
