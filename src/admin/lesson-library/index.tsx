import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useMe } from '../../hooks/use-me';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { lessonAccess } from '../../utils/lesson-access';
import { ROUTES, withQuery } from '../../utils/routes';
import { LibraryFilters } from '../lesson-shared/filters';
import { LibraryRow } from '../lesson-shared/library-row';
import { useLibrary, type LibraryFilter, type LibraryScope } from '../lesson-shared/use-library';
import '../lesson-shared/index.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const COMMITTEE_SCOPES: Array<{ value: LibraryScope; label: string }> = [
  { value: 'central', label: '院党委课程库' },
  { value: 'all', label: '全部（含各支部）' },
];
const BRANCH_SCOPES: Array<{ value: LibraryScope; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'central', label: '院党委' },
  { value: 'branch', label: '本支部' },
];

function Library({ committee, branchId }: { committee: boolean; branchId: string | null }) {
  const [filter, setFilter] = useState<LibraryFilter>({ scope: committee && !branchId ? 'central' : 'all', branchId, kind: null, query: '' });
  const list = useLibrary(filter);
  useOnReturn(() => void list.reload());
  const go = (url: string) => void Taro.navigateTo({ url });
  // The committee writes the central library; officers their branch's own.
  const newUrl = withQuery(ROUTES.lessonEdit, { branchId: committee ? null : branchId });

  return (
    <>
      <View className="block-actions library-actions">
        <Button className="library-new" type="primary" size="large" block onClick={() => go(newUrl)}>
          新建微党课
        </Button>
        <Text className="muted library-actions__hint">
          {committee ? '院党委课程库的课程可供全院各支部排课。' : '本支部的课程只在本支部可用；院党委课程库的课程可直接排课。'}
        </Text>
      </View>
      <LibraryFilters filter={filter} onChange={setFilter} scopes={committee ? COMMITTEE_SCOPES : BRANCH_SCOPES} />
      {list.error && !list.items ? (
        <ErrorView message={list.error} onRetry={list.reload} />
      ) : !list.items ? (
        <LoadingView rows={6} />
      ) : list.items.length === 0 ? (
        <Card className="library-empty">
          <EmptyView title={filter.query ? '没有找到相关课程' : '课程库还没有课程'} description="点“新建微党课”添加视频、音频或图文" />
        </Card>
      ) : (
        <View className="library-list">
          {list.items.map((item) => (
            <LibraryRow key={item.lessonId} item={item} onTap={() => go(withQuery(ROUTES.lessonEdit, { lessonId: item.lessonId }))} />
          ))}
        </View>
      )}
      {list.hasMore && (
        <View className="block-actions">
          {list.moreError && <Text className="form-error">{list.moreError}</Text>}
          <Button className="library-more" block fill="outline" loading={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        </View>
      )}
    </>
  );
}

function LessonLibraryPage() {
  const branchParam = useRouter().params.branchId ?? '';
  const { me, error, refresh } = useMe();
  const frame = (body: JSX.Element) => <View className="page page-lesson-library">{body}</View>;
  if (error) return frame(<ErrorView message={error} onRetry={refresh} />);
  if (!me) return frame(<LoadingView rows={6} />);
  const access = lessonAccess(me.member);
  if (!access.committee && !access.officerOf) return frame(<EmptyView title="没有权限" description="支部书记、支委或院党委管理员可以管理课程库" />);
  return frame(<Library committee={access.committee} branchId={access.committee ? branchParam || null : access.officerOf} />);
}

export default withPageDisplay(LessonLibraryPage);
