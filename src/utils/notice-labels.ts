import type { NoticeStatus } from '../domain/notice/types';

export const STATUS_LABELS: Record<NoticeStatus, { label: string; type: 'warning' | 'success' | 'default' }> = {
  scheduled: { label: '定时', type: 'warning' },
  published: { label: '已发布', type: 'success' },
  withdrawn: { label: '已撤回', type: 'default' },
};

/** 12 / 26, as publishers read it. */
export const ratio = (part: number, whole: number): string => `${part} / ${whole}`;

/** Minutes left before the next reminder is allowed, at least 1 while any wait remains. */
export const minutesUntil = (at: number, now: number): number => Math.max(1, Math.ceil((at - now) / 60000));
