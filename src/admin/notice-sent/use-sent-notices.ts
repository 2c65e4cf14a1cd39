import { useCallback, useEffect, useRef, useState } from 'react';
import type { SentItem } from '../../domain/api/notices';
import { noticesApi } from '../../platform/api';
import { errorMessage } from '../../utils/error-message';

export interface SentNotices {
  items: SentItem[] | null;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  moreError: string | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/** The caller's notices, newest first, paged by the server's `after` key. */
export function useSentNotices(): SentNotices {
  const [items, setItems] = useState<SentItem[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setError(null);
    setMoreError(null);
    try {
      const page = await noticesApi('sent', {});
      if (mine !== seq.current) return;
      setItems(page.items);
      setNext(page.next);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e, '加载失败，请重试'));
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (next === null || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await noticesApi('sent', { after: next });
      if (mine !== seq.current) return;
      setItems((prev) => [...(prev ?? []), ...page.items.filter((n) => !prev?.some((p) => p.noticeId === n.noticeId))]);
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e, '加载失败，请重试'));
    } finally {
      setLoadingMore(false);
    }
  }, [next, loadingMore]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, hasMore: next !== null, loadingMore, error, moreError, reload, loadMore };
}
