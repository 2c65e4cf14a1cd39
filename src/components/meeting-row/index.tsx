import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { MeetingCard } from '../../domain/api/meetings';
import { meetingTimeRange, myStatus, type PillTone } from '../../utils/meeting-format';
import { pressable } from '../../utils/pressable';
import { ROUTES, withQuery } from '../../utils/routes';
import './index.scss';

export function Pill({ tone, children, className }: { tone: PillTone; children: string; className?: string }) {
  return <Text className={`m-pill m-pill--${tone} ${className ?? ''}`}>{children}</Text>;
}

/** One meeting in a list: type, topic, when and where, and the member's own state. Opens the meeting. */
export function MeetingRow({ item, now, url }: { item: MeetingCard; now: number; url?: string }) {
  const status = myStatus(item.my, now, item.endAt);
  const open = () => void Taro.navigateTo({ url: url ?? withQuery(ROUTES.meeting, { meetingId: item.meetingId }) });
  return (
    <View className={`meeting-row ${item.status === 'cancelled' ? 'meeting-row--cancelled' : ''}`} {...pressable(open, 'link')}>
      <View className="meeting-row__head">
        <Text className="meeting-row__type">{item.typeLabel}</Text>
        {item.status === 'cancelled' && <Pill tone="muted">已取消</Pill>}
        {status && item.status !== 'cancelled' && (
          <Pill tone={status.tone} className="meeting-my-status">
            {status.label}
          </Pill>
        )}
      </View>
      <Text className="meeting-row-topic">{item.topic}</Text>
      <Text className="meeting-row__meta">{meetingTimeRange(item.startAt, item.endAt)}</Text>
      {(item.place || item.onlineLink) && <Text className="meeting-row__meta">{item.place || '线上会议'}</Text>}
    </View>
  );
}
