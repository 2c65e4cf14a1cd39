import type { MyAttendance } from '../domain/api/meetings';
import { formatClock, formatDate } from './format-time';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026-11-30 周一 14:00–15:30 (Asia/Shanghai), the end's date only when it differs. */
export function meetingTimeRange(startAt: number, endAt: number): string {
  const day = formatDate(startAt);
  const weekday = WEEKDAYS[new Date(Date.parse(`${day}T00:00:00Z`)).getUTCDay()];
  const endDay = formatDate(endAt);
  const end = endDay === day ? formatClock(endAt) : `${endDay} ${formatClock(endAt)}`;
  return `${day} 周${weekday} ${formatClock(startAt)}–${end}`;
}

export type PillTone = 'primary' | 'warning' | 'success' | 'muted';

/** The member's own state in one short word or two, with the colour it is shown in. */
export function myStatus(my: MyAttendance | null, now: number, endAt: number): { label: string; tone: PillTone } | null {
  if (!my) return null;
  if (my.makeupDue) return { label: '待补学', tone: 'warning' };
  if (my.makeupAt !== null) return { label: '已补学', tone: 'success' };
  if (my.checkinAt !== null) return { label: my.late ? '迟到签到' : '已签到', tone: 'success' };
  if (my.answer === 'leave') {
    if (my.leaveStatus === 'approved') return { label: '请假已批准', tone: 'muted' };
    if (my.leaveStatus === 'declined') return { label: '请假未批准', tone: 'warning' };
    return { label: '请假待审批', tone: 'warning' };
  }
  if (now >= endAt) return my.outcome === 'absent' ? { label: '缺席', tone: 'warning' } : null;
  if (my.answer === 'attend') return { label: '已回复参加', tone: 'success' };
  return { label: '待回复', tone: 'primary' };
}

/** Names as one line for the minutes and the ledger: “张三、李四” or 无. */
export const nameList = (names: ReadonlyArray<string>): string => (names.length ? names.join('、') : '无');
