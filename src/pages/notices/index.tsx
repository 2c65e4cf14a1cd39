import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MeGate } from '../../components/me-gate';
import { Card } from '../../components/card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import type { BoundMe } from '../../hooks/use-me';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { noticesApi } from '../../platform/api';
import { setNoticesBadge } from '../../platform/tab-badge';
import { recentInbox, rememberInbox } from '../../utils/inbox-store';
import { isCommitteeAdmin } from '../../domain/org/policies';
import { actorOf } from '../../utils/actor';
import { ROUTES } from '../../utils/routes';
import { InboxRow } from './inbox-item';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

/** Secretaries, branch committee members and committee admins publish; everyone reads. */
const canPublish = (me: BoundMe): boolean => {
  const actor = actorOf(me.member);
  return isCommitteeAdmin(actor) || ((actor.role === 'secretary' || actor.role === 'branch_committee') && actor.branchId !== null);
};

function Inbox({ me }: { me: BoundMe }) {
  // The list the home just fetched, when recent (src/utils/inbox-store.ts); otherwise one call.
  const inbox = useAsync(async () => {
    const recent = recentInbox();
    const result = recent ?? (await noticesApi('inbox', {}));
    if (!recent) rememberInbox(result);
    setNoticesBadge(result.unreadCount);
    return result;
  }, []);
  // Back from a notice (its row patched as read) or from another tab: no call while the list is recent.
  useOnReturn(() => {
    const recent = recentInbox();
    if (!recent) return void inbox.reload();
    inbox.setData(recent);
    setNoticesBadge(recent.unreadCount);
  });

  return (
    <>
      {canPublish(me) && (
        <View className="notices-publisher">
          <Button className="compose-notice" type="primary" size="large" onClick={() => void Taro.navigateTo({ url: ROUTES.noticeCompose })}>
            发布通知
          </Button>
          <Button className="sent-notices" type="primary" fill="outline" size="large" onClick={() => void Taro.navigateTo({ url: ROUTES.noticeSent })}>
            我发布的
          </Button>
        </View>
      )}
      {inbox.error && !inbox.data ? (
        <ErrorView message={inbox.error} onRetry={inbox.reload} />
      ) : !inbox.data ? (
        <LoadingView rows={5} />
      ) : inbox.data.items.length === 0 ? (
        <Card className="notices-empty">
          <EmptyView title="暂无通知" description="支部和院党委发布的通知会显示在这里" />
        </Card>
      ) : (
        <>
          <Text className="page-intro notices-summary">
            {inbox.data.unreadCount > 0 ? `共 ${inbox.data.items.length} 条，未读 ${inbox.data.unreadCount} 条` : `共 ${inbox.data.items.length} 条，已全部读完`}
          </Text>
          <View className="notice-list">
            {inbox.data.items.map((item) => (
              <InboxRow key={item.noticeId} item={item} />
            ))}
          </View>
        </>
      )}
    </>
  );
}

function Notices() {
  return (
    <View className="page page-notices">
      <MeGate>{(me) => <Inbox me={me} />}</MeGate>
    </View>
  );
}

export default withPageDisplay(Notices);
