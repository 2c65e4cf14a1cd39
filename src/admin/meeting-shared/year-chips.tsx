import { View, Text } from '@tarojs/components';
import { formatDate } from '../../utils/format-time';
import { pressable } from '../../utils/pressable';
import './year-chips.scss';

/** The calendar year today, in the app's time zone (what the ledger and the matrix open on). */
export const thisYear = (): number => Number(formatDate(Date.now()).slice(0, 4));

/** A single choice of year as a row of chips: the meeting ledger's and the meeting matrix's year switch. */
export function YearChips({ years, value, onChange, chipClassName }: { years: number[]; value: number; onChange: (year: number) => void; chipClassName?: string }) {
  return (
    <View className="ledger-years" role="radiogroup" aria-label="年份">
      {years.map((y) => (
        <Text key={y} className={`ledger-year ${chipClassName ?? ''} ${y === value ? 'is-on' : ''}`} aria-checked={y === value} {...pressable(() => onChange(y), 'radio')}>
          {y}年
        </Text>
      ))}
    </View>
  );
}
