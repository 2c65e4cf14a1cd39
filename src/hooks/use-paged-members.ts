import type { MemberView } from '../domain/api/org';
import { orgApi } from '../platform/api';
import { usePagedList, type PagedList } from './use-paged-list';

const PAGE_SIZE = 30;

export type PagedMembers = PagedList<MemberView> & { members: MemberView[] | null };

/** A branch's members, paged by the server's `after` cursor (the employee number). */
export function usePagedMembers(branchId: string): PagedMembers {
  const list = usePagedList<MemberView, string>(
    async (after) => {
      const page = await orgApi('members.list', { branchId, limit: PAGE_SIZE, ...(after ? { after } : {}) });
      return { items: page.members, next: page.next };
    },
    (m) => m._id,
    [branchId],
    '成员加载失败，请重试',
  );
  return { ...list, members: list.items };
}
