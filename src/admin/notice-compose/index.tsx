import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useMe, type BoundMe } from '../../hooks/use-me';
import { isCommitteeAdmin, isOfficerOf } from '../../domain/org/policies';
import { actorOf } from '../../utils/actor';
import { EditNoticeForm } from './edit-notice';
import { NoticeFromChat } from './from-chat';
import { NewNoticeForm, type Publisher } from './new-notice';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

function publisherOf(me: BoundMe): Publisher | null {
  const actor = actorOf(me.member);
  if (isCommitteeAdmin(actor)) return { kind: 'committee' };
  if (actor.branchId && isOfficerOf(actor, actor.branchId)) return { kind: 'branch', branchId: actor.branchId };
  return null;
}

function NoticeComposePage() {
  const params = useRouter().params;
  const noticeId = params.noticeId ?? '';
  // Opened from the branch chat's “转为通知”.
  const chatBranchId = params.chatBranchId ?? '';
  const chatSeq = Number(params.chatSeq);
  const { me, error, refresh } = useMe();
  useEffect(() => {
    if (noticeId) void Taro.setNavigationBarTitle({ title: '修改通知' }).catch(() => undefined);
  }, [noticeId]);

  const frame = (body: JSX.Element) => <View className="page page-notice-compose">{body}</View>;
  if (noticeId) {
    // Editing: the function decides who may; the tracking view it loads answers FORBIDDEN otherwise.
    return frame(<EditNoticeForm noticeId={noticeId} />);
  }
  if (error) return frame(<ErrorView message={error} onRetry={refresh} />);
  if (!me) return frame(<LoadingView rows={6} />);
  const publisher = publisherOf(me);
  if (!publisher) return frame(<EmptyView title="没有发布权限" description="支部书记、支委或院党委管理员可以发布通知" />);
  if (chatBranchId && chatSeq > 0) return frame(<NoticeFromChat publisher={publisher} branchId={chatBranchId} seq={chatSeq} />);
  return frame(<NewNoticeForm publisher={publisher} />);
}

export default withPageDisplay(NoticeComposePage);
