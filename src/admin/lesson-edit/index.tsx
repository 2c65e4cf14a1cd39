import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { canEditLesson } from '../../domain/lesson/policies';
import { useAsync } from '../../hooks/use-async';
import { useMe, type BoundMe } from '../../hooks/use-me';
import { lessonsApi } from '../../platform/api';
import { actorOf } from '../../utils/actor';
import { lessonAccess } from '../../utils/lesson-access';
import { EditForm } from './edit-form';
import '../lesson-shared/index.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

function EditExisting({ lessonId, me }: { lessonId: string; me: BoundMe }) {
  const state = useAsync(() => lessonsApi('library.get', { lessonId }), [lessonId]);
  if (state.error && !state.data) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const view = state.data;
  return <EditForm key={view._id} view={view} branchId={view.branchId} canEdit={canEditLesson(actorOf(me.member), view)} />;
}

function LessonEditPage() {
  const { lessonId = '', branchId = '' } = useRouter().params;
  const { me, error, refresh } = useMe();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: lessonId ? '编辑微党课' : '新建微党课' }).catch(() => undefined);
  }, [lessonId]);

  const frame = (body: JSX.Element) => <View className="page page-lesson-edit">{body}</View>;
  if (error) return frame(<ErrorView message={error} onRetry={refresh} />);
  if (!me) return frame(<LoadingView rows={6} />);
  const access = lessonAccess(me.member);
  if (!access.committee && !access.officerOf) return frame(<EmptyView title="没有权限" description="支部书记、支委或院党委管理员可以管理课程库" />);
  if (lessonId) return frame(<EditExisting lessonId={lessonId} me={me} />);
  // New: the committee writes the central library (or a branch's, when named); officers their branch's.
  const target = access.committee ? branchId || null : access.officerOf;
  return frame(<EditForm view={null} branchId={target} canEdit />);
}

export default withPageDisplay(LessonEditPage);
