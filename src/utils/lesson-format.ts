import { isoWeekday } from '../domain/lesson/dates';

/** “12 分钟”, or seconds under a minute: how long a lesson takes, as members read it on a card. */
export function durationText(sec: number): string {
  if (sec < 60) return `${Math.max(0, Math.round(sec))} 秒`;
  return `${Math.round(sec / 60)} 分钟`;
}

/** 03:25 (or 1:02:03): a player's clock. */
export function clockText(sec: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(sec) ? sec : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** `2026-11-22` → `11月22日 周日`. */
export function dayText(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  let week = '';
  try {
    week = ` 周${WEEKDAYS[isoWeekday(date) - 1]}`;
  } catch {
    week = '';
  }
  return `${m}月${d}日${week}`;
}

/** `2026-11-22` → `11-22`, for narrow chart labels. */
export const shortDay = (date: string): string => date.slice(5);

/** A rate for display: `87.5%`, or `—` when nobody was expected. */
export const rateText = (rate: number | null): string => (rate === null ? '—' : `${rate}%`);

/** The bucket a rate's colour comes from (never a rank). */
export function rateClass(rate: number | null): string {
  if (rate === null) return 'rate-none';
  if (rate >= 90) return 'rate-high';
  if (rate >= 60) return 'rate-mid';
  return 'rate-low';
}
