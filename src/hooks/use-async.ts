import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../utils/error-message';

export interface AsyncState<T> {
  data: T | null;
  /** The user-facing message (ApiError's Chinese text), or null. */
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/**
 * Runs `load` now and whenever `deps` change; keeps the last data while reloading so a refresh after an
 * action does not blank the page. A stale response (deps changed meanwhile) is dropped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: ReadonlyArray<unknown>, enabled = true): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const result = await loadRef.current();
      if (mine === seq.current) setData(result);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e, '加载失败，请检查网络后重试'));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);

  return { data, error, loading, reload, setData };
}
