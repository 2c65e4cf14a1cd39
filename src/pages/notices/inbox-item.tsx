import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { InboxItem } from '../../domain/api/notices';
import { formatShortDateTime } from '../../utils/format-time';
import { ROUTES, withQuery } from '../../utils/routes';
import { pressable } from '../../utils/pressable';

/** One notice in the member's list: unread ones carry a red 未读 tag and a bold title. */
export function InboxRow({ item }: { item: InboxItem }) {
  const done = item.read && (!item.requireAck || item.acked);
  const open = () => void Taro.navigateTo({ url: withQuery(ROUTES.noticeDetail, { noticeId: item.noticeId }) });
  return (
    <View className={`notice-item ${item.read ? 'notice-item--read' : 'notice-item--unread'} ${item.withdrawn ? 'notice-item--withdrawn' : ''}`} {...pressable(open, 'link')}>
      <View className="notice-item__head">
        {!item.read && <View className="notice-item__dot" />}
        <Text className="notice-item-title">{item.title}</Text>
      </View>
      {!item.withdrawn && item.excerpt && <Text className="notice-item__excerpt">{item.excerpt}</Text>}
      <View className="notice-item__tags">
        {!item.read && (
          <Tag className="notice-unread" type="danger">
            未读
          </Tag>
        )}
        {item.withdrawn && (
          <Tag className="notice-withdrawn" type="default">
            已撤回
          </Tag>
        )}
        {!item.withdrawn && item.requireAck && !item.acked && (
          <Tag className="notice-need-ack" type="warning">
            需确认
          </Tag>
        )}
        {!item.withdrawn && item.requireAck && item.acked && (
          <Tag className="notice-acked" type="success" plain>
            已确认
          </Tag>
        )}
        {!item.withdrawn && item.corrected && (
          <Tag className="notice-corrected" type="warning" plain>
            已更正
          </Tag>
        )}
        {!item.withdrawn && item.reminded && !done && (
          <Tag className="notice-reminded" type="danger" plain>
            书记提醒
          </Tag>
        )}
        {item.scope === 'committee' && (
          <Tag className="notice-scope-committee" type="default" plain>
            院党委
          </Tag>
        )}
      </View>
      <View className="notice-item__meta">
        <Text className="notice-item-author">{item.authorName}</Text>
        <Text className="notice-item-time">{formatShortDateTime(item.publishedAt)}</Text>
      </View>
      {!item.withdrawn && item.deadline !== null && !done && (
        <Text className="notice-item__deadline">截止 {formatShortDateTime(item.deadline)}</Text>
      )}
    </View>
  );
}
