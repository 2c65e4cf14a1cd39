import { View, Text } from '@tarojs/components';
import { Progress, Tag } from '@nutui/nutui-react-taro';
import type { TrackingView } from '../../domain/api/notices';
import { formatDateTime } from '../../utils/format-time';
import { expectedReaders } from '../../domain/notice/rules';
import { STATUS_LABELS, ratio } from '../../utils/notice-labels';

const leftOut = (c: TrackingView['counts']): string => {
  const parts = [c.excused > 0 ? '请假' : '', c.unbound > 0 ? '未绑定' : ''].filter(Boolean);
  return parts.length ? `（不含${parts.join('、')}）` : '';
};

/** The headline a secretary opens the page for: how many have read, out of how many. */
export function TrackSummary({ view }: { view: TrackingView }) {
  const { notice, counts } = view;
  const status = STATUS_LABELS[notice.status];
  return (
    <View className="track-summary">
      <View className="track-summary__head">
        <Text className="track-title">{notice.title}</Text>
        <Tag className={`track-status track-status--${notice.status}`} type={status.type}>
          {status.label}
        </Tag>
      </View>
      <Text className="track-summary__line">
        {notice.audienceLabel} · {notice.status === 'scheduled' ? `将于 ${formatDateTime(notice.publishAt)} 发布` : formatDateTime(notice.publishedAt ?? notice.publishAt)}
      </Text>
      {notice.correctedAt !== null && <Text className="track-summary__line">已更正 · {formatDateTime(notice.correctedAt)}</Text>}
      {notice.deadline !== null && <Text className="track-summary__line">截止 {formatDateTime(notice.deadline)}</Text>}

      {notice.status !== 'scheduled' && (
        <>
          <View className="track-counts">
            <View className="track-count">
              <Text className="track-count__label">已读</Text>
              <Text className="track-read-count">{ratio(counts.read, expectedReaders(counts))}</Text>
            </View>
            {notice.requireAck && (
              <View className="track-count">
                <Text className="track-count__label">已确认</Text>
                <Text className="track-ack-count">{counts.acknowledged}</Text>
              </View>
            )}
            <View className="track-count">
              <Text className="track-count__label">未读</Text>
              <Text className="track-unread-count">{counts.unread}</Text>
            </View>
            <View className="track-count">
              <Text className="track-count__label">请假</Text>
              <Text className="track-excused-count">{counts.excused}</Text>
            </View>
            {counts.unbound > 0 && (
              <View className="track-count">
                <Text className="track-count__label">未绑定</Text>
                <Text className="track-unbound-count">{counts.unbound}</Text>
              </View>
            )}
          </View>
          <Progress className="track-progress" percent={counts.ratePercent} showText={false} strokeWidth="10" />
          <Text className="track-rate">
            阅读率 {counts.ratePercent}%{leftOut(counts)}
          </Text>
        </>
      )}
    </View>
  );
}
