import type { Cadence } from './types';

/**
 * Calendar periods in Asia/Shanghai (UTC+8 all year: China has no daylight saving), computed from
 * epoch ms with a fixed offset so the process time zone (UTC in functions) never leaks in.
 */

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface ShanghaiDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function shanghaiDate(ms: number): ShanghaiDate {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Epoch ms of 00:00 Shanghai on the first day of `month` (1–12; 13 rolls into the next year). */
export const monthStart = (year: number, month: number): number => Date.UTC(year, month - 1, 1) - SHANGHAI_OFFSET_MS;

const pad = (n: number): string => String(n).padStart(2, '0');
export const monthKey = (year: number, month: number): string => `${year}-${pad(month)}`;
export const monthKeyOf = (ms: number): string => {
  const d = shanghaiDate(ms);
  return monthKey(d.year, d.month);
};

export function parseMonthKey(key: string): { year: number; month: number } {
  const [y, m] = key.split('-').map(Number);
  return { year: y, month: m };
}

export const quarterOf = (month: number): number => Math.floor((month - 1) / 3) + 1;
const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** A period a cadence requires one meeting in: [start, end) in epoch ms. */
export interface Period {
  /** `2026-11`, `2026-Q4`, `2026`. */
  key: string;
  label: string;
  start: number;
  end: number;
  /** Months (`YYYY-MM`) the period covers. */
  months: string[];
}

/** The period of `cadence` containing the given Shanghai month; `none` is treated as yearly (never required). */
export function periodFor(cadence: Cadence, year: number, month: number): Period {
  if (cadence === 'monthly') {
    return { key: monthKey(year, month), label: `${month}月`, start: monthStart(year, month), end: monthStart(year, month + 1), months: [monthKey(year, month)] };
  }
  if (cadence === 'quarterly') {
    const q = quarterOf(month);
    const first = (q - 1) * 3 + 1;
    return {
      key: `${year}-Q${q}`,
      label: QUARTER_LABELS[q - 1],
      start: monthStart(year, first),
      end: monthStart(year, first + 3),
      months: [0, 1, 2].map((i) => monthKey(year, first + i)),
    };
  }
  return { key: String(year), label: `${year}年`, start: monthStart(year, 1), end: monthStart(year + 1, 1), months: Array.from({ length: 12 }, (_, i) => monthKey(year, i + 1)) };
}

/** Start and end (exclusive) of a Shanghai calendar year. */
export const yearBounds = (year: number): { start: number; end: number } => ({ start: monthStart(year, 1), end: monthStart(year + 1, 1) });

/** `YYYY-MM-DD HH:mm` in Shanghai, for messages and the ledger. */
export function formatShanghaiDateTime(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
