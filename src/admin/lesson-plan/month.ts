import { isoWeekday } from '../../domain/lesson/dates';

/** `2026-11` → `2026-12` (by = 1) or `2026-10` (by = -1). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2026-11` → `2026年11月`. */
export const monthLabel = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
};

/** Empty cells before the first day so columns are Monday … Sunday. */
export const leadingBlanks = (firstDate: string): number => isoWeekday(firstDate) - 1;

export const WEEK_HEADER = ['一', '二', '三', '四', '五', '六', '日'];
