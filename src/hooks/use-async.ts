import { useCallback, useEffect, useRef, useState } from 'react';
import { showArrived } from '../platform/show-arrived';
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
 * action does not blank the page. A stale response (deps changed meanwhile) is dropped. `initial`: data
 * already at hand when the component mounts (shown at once, and not loaded again until deps change).
 */
export function useAsync<T>(load: () => Promise<T>, deps: ReadonlyArray<unknown>, enabled = true, initial: T | null = null): AsyncState<T> {
  const [data, setData] = useState<T | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled && initial === null);
  const skipFirstLoad = useRef(initial !== null);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    let settle: () => void;
    try {
      const result = await loadRef.current();
      settle = () => setData(result);
    } catch (e) {
      settle = () => setError(errorMessage(e, '加载失败，请检查网络后重试'));
    }
    if (mine !== seq.current) return;
    showArrived(() => {
      settle();
      setLoading(false);
    });
  }, []);

  useEffect(() => {
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    if (enabled) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);

  return { data, error, loading, reload, setData };
}
