import type { LessonsInput, LibraryItem } from '../../domain/api/lessons';
import type { LessonKind } from '../../domain/lesson/lesson';
import { lessonsApi } from '../../platform/api';
import { usePagedList, type PagedList } from '../../hooks/use-paged-list';

export type LibraryScope = 'all' | 'central' | 'branch';

export interface LibraryFilter {
  scope: LibraryScope;
  branchId: string | null;
  kind: LessonKind | null;
  query: string;
}

export type LibraryList = PagedList<LibraryItem>;

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
  const { scope, branchId, kind, query } = filter;
  return usePagedList<LibraryItem, string>(
    (after) => lessonsApi('library.list', inputOf({ scope, branchId, kind, query }, after ?? undefined)),
    (i) => i.lessonId,
    [scope, branchId, kind, query],
    '课程库加载失败，请重试',
  );
}
