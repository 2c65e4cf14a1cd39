import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../utils/error-message';

export interface Page<T, C> {
  items: T[];
  next: C | null;
}

export interface PagedList<T> {
  items: T[] | null;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  /** Error of the last "加载更多", kept apart so the list already shown stays. */
  moreError: string | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Swaps in an updated item (same key), e.g. after an action on one row. */
  replace: (item: T) => void;
  remove: (key: string) => void;
}

/**
 * A list paged by the server's cursor (never by skip): `load(cursor)` fetches one page. Reloads when
 * `deps` change; a late answer to an older request is dropped; pages are merged without duplicates.
 */
export function usePagedList<T, C>(
  load: (cursor: C | null) => Promise<Page<T, C>>,
  keyOf: (item: T) => string,
  deps: ReadonlyArray<unknown>,
  failMessage = '加载失败，请重试',
): PagedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<C | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setError(null);
    setMoreError(null);
    try {
      const page = await loadRef.current(null);
      if (mine !== seq.current) return;
      setItems(page.items);
      setNext(page.next);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e, failMessage));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the caller's reload triggers
  }, [failMessage, ...deps]);

  const loadMore = useCallback(async () => {
    if (next === null || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await loadRef.current(next);
      if (mine !== seq.current) return;
      setItems((prev) => {
        const seen = new Set((prev ?? []).map(keyRef.current));
        return [...(prev ?? []), ...page.items.filter((i) => !seen.has(keyRef.current(i)))];
      });
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e, '加载失败，请重试'));
    } finally {
      setLoadingMore(false);
    }
  }, [next, loadingMore]);

  useEffect(() => {
    setItems(null);
    void reload();
  }, [reload]);

  const replace = useCallback((item: T) => setItems((prev) => prev?.map((i) => (keyRef.current(i) === keyRef.current(item) ? item : i)) ?? prev), []);
  const remove = useCallback((key: string) => setItems((prev) => prev?.filter((i) => keyRef.current(i) !== key) ?? prev), []);

  return { items, hasMore: next !== null, loadingMore, error, moreError, reload, loadMore, replace, remove };
}
