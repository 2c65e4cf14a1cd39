import type { FunctionContext } from '../_runtime/context';
import { runScheduler } from '../scheduler/src/handler';

/**
 * The local stand-in for the CloudBase timer trigger: the same scheduler code on an interval. Ticks
 * never overlap; a failed tick is logged and the next one tries again (every step is idempotent).
 */
export function startLocalScheduler(makeContext: () => FunctionContext, intervalMs = 30_000): { stop(): void; tick(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () =>
    (running ??= runScheduler(makeContext())
      .then((report) => {
        if (report.notices.released > 0) console.log(`[定时任务] 已发布 ${report.notices.released} 条定时通知`);
        if (report.lessons.released > 0) console.log(`[定时任务] 已开放 ${report.lessons.released} 个支部日的微党课`);
        if (report.meetings.sent > 0) console.log(`[定时任务] 已发送 ${report.meetings.sent} 条会议提醒`);
      })
      .catch((err) => console.error('[定时任务] 执行失败', err))
      .finally(() => {
        running = null;
      }));
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer), tick };
}
