import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberView } from '../domain/api/org';
import { orgApi } from '../platform/api';
import { errorMessage } from '../utils/error-message';

const PAGE_SIZE = 30;

export interface PagedMembers {
  members: MemberView[] | null;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  /** Error of the last "加载更多", kept apart so the list already shown stays. */
  moreError: string | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  replace: (member: MemberView) => void;
  remove: (memberId: string) => void;
}

/** A branch's members, paged by the server's `after` cursor (never by skip). */
export function usePagedMembers(branchId: string): PagedMembers {
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setError(null);
    setMoreError(null);
    try {
      const page = await orgApi('members.list', { branchId, limit: PAGE_SIZE });
      if (mine !== seq.current) return;
      setMembers(page.members);
      setNext(page.next);
    } catch (e) {
      if (mine === seq.current) setError(errorMessage(e, '成员加载失败，请重试'));
    }
  }, [branchId]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await orgApi('members.list', { branchId, after: next, limit: PAGE_SIZE });
      if (mine !== seq.current) return;
      setMembers((prev) => [...(prev ?? []), ...page.members.filter((m) => !prev?.some((p) => p._id === m._id))]);
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e, '加载失败，请重试'));
    } finally {
      setLoadingMore(false);
    }
  }, [branchId, next, loadingMore]);

  useEffect(() => {
    setMembers(null);
    void reload();
  }, [reload]);

  const replace = useCallback((member: MemberView) => setMembers((prev) => prev?.map((m) => (m._id === member._id ? member : m)) ?? prev), []);
  const remove = useCallback((memberId: string) => setMembers((prev) => prev?.filter((m) => m._id !== memberId) ?? prev), []);

  return { members, hasMore: next !== null, loadingMore, error, moreError, reload, loadMore, replace, remove };
}
