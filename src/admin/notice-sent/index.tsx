import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useOnReturn } from '../../hooks/use-page-visibility';
import type { SentItem } from '../../domain/api/notices';
import { formatShortDateTime } from '../../utils/format-time';
import { STATUS_LABELS, ratio } from '../../utils/notice-labels';
import { ROUTES, withQuery } from '../../utils/routes';
import { useSentNotices } from './use-sent-notices';
import './index.scss';
import { pressable } from '../../utils/pressable';
import { withPageDisplay } from '../../components/page-display';

function SentRow({ item }: { item: SentItem }) {
  const status = STATUS_LABELS[item.status];
  const open = () => void Taro.navigateTo({ url: withQuery(ROUTES.noticeTrack, { noticeId: item.noticeId }) });
  return (
    <View className={`sent-item sent-item--${item.status}`} {...pressable(open, 'link')}>
      <View className="sent-item__head">
        <Text className="sent-item-title">{item.title}</Text>
        <Tag className={`sent-status sent-status--${item.status}`} type={status.type} plain={item.status === 'withdrawn'}>
          {status.label}
        </Tag>
      </View>
      <Text className="sent-item__line sent-audience">发给：{item.audienceLabel}</Text>
      <Text className="sent-item__line">
        {item.status === 'scheduled' ? `将于 ${formatShortDateTime(item.publishAt)} 发布` : `发布于 ${formatShortDateTime(item.publishedAt ?? item.publishAt)}`}
      </Text>
      {item.status !== 'scheduled' && (
        <View className="sent-item__counts">
          <Text className="sent-read">已读 {ratio(item.readCount, item.recipientCount - item.unboundCount)}</Text>
          {item.requireAck && <Text className="sent-ack">确认 {ratio(item.ackCount, item.recipientCount - item.unboundCount)}</Text>}
          {item.unboundCount > 0 && <Text className="sent-unbound">未绑定 {item.unboundCount} 人</Text>}
        </View>
      )}
    </View>
  );
}

function NoticeSentPage() {
  const sent = useSentNotices();
  // Back from tracking (withdrawn, edited) or from publishing: counts and statuses change.
  useOnReturn(() => void sent.reload());

  return (
    <View className="page page-notice-sent">
      {sent.error ? (
        <ErrorView message={sent.error} onRetry={sent.reload} />
      ) : !sent.items ? (
        <LoadingView rows={6} />
      ) : sent.items.length === 0 ? (
        <Card>
          <EmptyView title="还没有发布过通知" description="在「通知」页点「发布通知」" />
        </Card>
      ) : (
        <>
          <View className="sent-list">
            {sent.items.map((item) => (
              <SentRow key={item.noticeId} item={item} />
            ))}
          </View>
          {sent.moreError && <Text className="form-error sent-more-error">{sent.moreError}</Text>}
          {sent.hasMore && (
            <View className="block-actions">
              <Button className="load-more" block fill="outline" loading={sent.loadingMore} onClick={() => void sent.loadMore()}>
                加载更多
              </Button>
            </View>
          )}
        </>
      )}
    </View>
  );
}

export default withPageDisplay(NoticeSentPage);
