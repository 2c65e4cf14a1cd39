import { useEffect, useRef } from 'react';
import { useOnReturn, usePageVisible } from './use-page-visibility';

/**
 * Calls `tick` every `intervalMs` while the page is shown and `enabled`; stops when hidden or unloaded,
 * and ticks at once on return. A tick still running is not started again.
 */
export function usePolling(tick: () => Promise<void>, intervalMs: number, enabled = true): void {
  const visible = usePageVisible();
  const latest = useRef(tick);
  latest.current = tick;
  const running = useRef(false);

  const run = useRef(async () => {
    if (running.current) return;
    running.current = true;
    try {
      await latest.current();
    } finally {
      running.current = false;
    }
  }).current;

  useOnReturn(() => {
    if (enabled) void run();
  });

  useEffect(() => {
    if (!enabled || !visible) return undefined;
    const timer = setInterval(() => void run(), intervalMs);
    return () => clearInterval(timer);
  }, [enabled, visible, intervalMs, run]);
}
