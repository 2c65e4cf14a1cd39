import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { ChatAuditEntry } from '../../domain/api/chat';
import { Card } from '../../components/card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { useMe } from '../../hooks/use-me';
import { chatApi, orgApi } from '../../platform/api';
import { isCommitteeAdmin } from '../../domain/org/policies';
import { actorOf } from '../../utils/actor';
import { errorMessage } from '../../utils/error-message';
import { formatDateTime } from '../../utils/format-time';
import { pressable } from '../../utils/pressable';
import { ROUTES, withQuery } from '../../utils/routes';
import '../../components/link-cell/index.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const ACTION_LABELS: Record<string, string> = { remove: '移除', pin: '置顶', unpin: '取消置顶', recall: '撤回' };

function AuditRow({ e }: { e: ChatAuditEntry }) {
  return (
    <View className="audit-row">
      <View className="audit-row__head">
        <Text className="audit-row__action">{ACTION_LABELS[e.action] ?? e.action}</Text>
        <Text className="audit-row__branch">{e.branchName}</Text>
        <Text className="audit-row__at">{formatDateTime(e.at)}</Text>
      </View>
      <Text className="audit-row__by">
        操作人：{e.byName}
        {e.reason ? `，原因：${e.reason}` : ''}
      </Text>
      {e.original && (
        <Text className="audit-row__original">
          原消息（{e.original.senderName}，{formatDateTime(e.original.createdAt)}）：{e.original.kind === 'image' ? '[图片]' : e.original.text}
        </Text>
      )}
    </View>
  );
}

function AuditLog() {
  const [items, setItems] = useState<ChatAuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useAsync(async () => {
    const page = await chatApi('audit', {});
    setItems(page.items);
    setNext(page.next);
    return page;
  }, []);
  const more = async () => {
    try {
      const page = await chatApi('audit', { before: next });
      setItems((list) => [...(list ?? []), ...page.items]);
      setNext(page.next);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (first.error) return <ErrorView message={first.error} onRetry={first.reload} />;
  if (!items) return <LoadingView rows={3} />;
  if (items.length === 0) return <EmptyView title="暂无管理记录" description="移除、置顶等操作会记录在这里" />;
  return (
    <>
      {items.map((e) => (
        <AuditRow key={e.id} e={e} />
      ))}
      {error && <Text className="form-error">{error}</Text>}
      {next !== null && (
        <Button className="audit-more" fill="outline" size="small" onClick={() => void more()}>
          加载更多
        </Button>
      )}
    </>
  );
}

/** Committee admins: open any branch's chat to read and moderate it, and the moderation audit log. */
function ChatAuditPage() {
  const { me, error, refresh } = useMe();
  const branches = useAsync(() => orgApi('branches.list', {}), []);
  const frame = (body: JSX.Element) => <View className="page page-chat-audit">{body}</View>;
  if (error) return frame(<ErrorView message={error} onRetry={refresh} />);
  if (!me) return frame(<LoadingView />);
  if (!isCommitteeAdmin(actorOf(me.member))) return frame(<EmptyView title="没有权限" description="院党委管理员可以查看各支部交流" />);
  return frame(
    <>
      <Text className="section-title">选择支部</Text>
      {branches.error ? (
        <ErrorView message={branches.error} onRetry={branches.reload} />
      ) : !branches.data ? (
        <LoadingView rows={4} />
      ) : (
        <View className="audit-branches">
          <CellGroup>
            {branches.data.branches.map((b) => (
              // The row itself is the keyboard-reachable link (NutUI's Cell takes no role or tab stop).
              <View key={b._id} className="audit-branch" {...pressable(() => void Taro.navigateTo({ url: withQuery(ROUTES.chat, { branchId: b._id }) }), 'link')}>
                <Cell className="link-cell" title={b.name} description={`${b.department} · ${b.memberCount} 人`} extra={<Text className="link-cell__arrow">›</Text>} clickable />
              </View>
            ))}
          </CellGroup>
        </View>
      )}
      <Text className="section-title">管理记录</Text>
      <Card className="audit-log">
        <AuditLog />
      </Card>
    </>,
  );
}

export default withPageDisplay(ChatAuditPage);
