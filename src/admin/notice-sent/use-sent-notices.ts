import type { SentItem } from '../../domain/api/notices';
import { usePagedList, type PagedList } from '../../hooks/use-paged-list';
import { noticesApi } from '../../platform/api';

export type SentNotices = PagedList<SentItem>;

/** The caller's notices, newest first, paged by the server's `after` key. */
export function useSentNotices(): SentNotices {
  return usePagedList<SentItem, number>(
    (after) => noticesApi('sent', after === null ? {} : { after }),
    (n) => n.noticeId,
    [],
  );
}
