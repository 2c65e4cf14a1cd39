import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckinCodeView } from '../../domain/api/meetings';
import { meetingsApi } from '../../platform/api';
import { errorMessage } from '../../utils/error-message';
import { usePageVisible } from '../../hooks/use-page-visibility';

export interface ShownCode extends CheckinCodeView {
  /** Device time at which this code rotates (received + secondsLeft). */
  expiresAt: number;
}

/**
 * The current check-in code, fetched again the moment it rotates (and every 5 s for the counts): the
 * server signs each code, the display only shows it. Stops while the page is hidden.
 */
export function useCheckinCode(meetingId: string): { code: ShownCode | null; error: string | null; retry: () => void } {
  const [code, setCode] = useState<ShownCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const visible = usePageVisible();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(true);

  const fetchNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    try {
      const view = await meetingsApi('checkinCode', { meetingId });
      if (!live.current) return;
      const expiresAt = Date.now() + view.secondsLeft * 1000;
      setCode({ ...view, expiresAt });
      setError(null);
      // Next fetch at the rotation (a little after, so the server has moved on), or in 5 s for the counts.
      timer.current = setTimeout(() => void fetchNow(), Math.min(view.secondsLeft * 1000 + 300, 5000));
    } catch (e) {
      if (!live.current) return;
      setError(errorMessage(e, '签到码获取失败'));
      setCode(null);
      timer.current = setTimeout(() => void fetchNow(), 10000);
    }
  }, [meetingId]);

  useEffect(() => {
    live.current = true;
    if (visible) void fetchNow();
    return () => {
      live.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [visible, fetchNow]);

  return { code, error, retry: () => void fetchNow() };
}
