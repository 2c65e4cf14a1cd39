import { useCallback, useEffect, useRef, useState } from 'react';
import type { LessonsInput, LibraryItem } from '../../domain/api/lessons';
import type { LessonKind } from '../../domain/lesson/lesson';
import { lessonsApi } from '../../platform/api';
import { errorMessage } from '../../utils/error-message';

export type LibraryScope = 'all' | 'central' | 'branch';

export interface LibraryFilter {
  scope: LibraryScope;
  branchId: string | null;
  kind: LessonKind | null;
  query: string;
}

export interface LibraryList {
  items: LibraryItem[] | null;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  moreError: string | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  replace: (item: LibraryItem) => void;
}

const PAGE = 30;

function inputOf(f: LibraryFilter, after?: string): LessonsInput<'library.list'> {
  return {
    scope: f.scope,
    ...(f.branchId ? { branchId: f.branchId } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.query.trim() ? { query: f.query.trim() } : {}),
    ...(after ? { after } : {}),
    limit: PAGE,
  };
}

/** The library, newest first, paged by the server's cursor; reloads when the filter changes. */
export function useLibrary(filter: LibraryFilter): LibraryList {
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);
  const { scope, branchId, kind, query } = filter;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setError(null);
    setMoreError(null);
    try {
      const page = await lessonsApi('library.list', inputOf({ scope, branchId, kind, query }));
      if (mine !== seq.current) return;
      setItems(page.items);
      setNext(page.next);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e, '课程库加载失败，请重试'));
    }
  }, [scope, branchId, kind, query]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await lessonsApi('library.list', inputOf({ scope, branchId, kind, query }, next));
      if (mine !== seq.current) return;
      setItems((prev) => [...(prev ?? []), ...page.items.filter((i) => !prev?.some((p) => p.lessonId === i.lessonId))]);
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e, '加载失败，请重试'));
    } finally {
      setLoadingMore(false);
    }
  }, [next, loadingMore, scope, branchId, kind, query]);

  useEffect(() => {
    setItems(null);
    void reload();
  }, [reload]);

  const replace = useCallback((item: LibraryItem) => setItems((prev) => prev?.map((i) => (i.lessonId === item.lessonId ? item : i)) ?? prev), []);

  return { items, hasMore: next !== null, loadingMore, error, moreError, reload, loadMore, replace };
}
