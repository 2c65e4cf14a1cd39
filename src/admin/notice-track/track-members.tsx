import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import type { TrackedMember, TrackingView } from '../../domain/api/notices';
import { MemberRow } from './member-row';

interface TrackMembersProps {
  view: TrackingView;
  onTapMember: (member: TrackedMember) => void;
}

/** Recipients by party group (unread first within each, as the server orders), excused ones apart at the end. */
export function TrackMembers({ view, onTapMember }: TrackMembersProps) {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const requireAck = view.notice.requireAck;
  const keep = (m: TrackedMember) => !m.excused && (!unreadOnly || m.readAt === null);
  const groups = view.groups.map((g) => ({ ...g, members: g.members.filter(keep) })).filter((g) => g.members.length > 0);
  const excused = view.groups.flatMap((g) => g.members.filter((m) => m.excused));

  return (
    <Card
      title="党员阅读情况"
      className="track-members"
      extra={
        <View className="track-filter">
          <Text className={`track-filter__option track-filter-all ${unreadOnly ? '' : 'is-active'}`} onClick={() => setUnreadOnly(false)}>
            全部
          </Text>
          <Text className={`track-filter__option track-filter-unread ${unreadOnly ? 'is-active' : ''}`} onClick={() => setUnreadOnly(true)}>
            仅未读
          </Text>
        </View>
      }
    >
      <Text className="muted track-members__tip">点击党员可标记请假（不计入未读、不被提醒）</Text>
      {groups.length === 0 && <Text className="muted track-members__none">{unreadOnly ? '没有未读的党员' : '暂无党员'}</Text>}
      {groups.map((g) => (
        <View key={g.groupId ?? 'none'} className="track-section">
          <View className="track-section__head">
            <Text className="track-group">{g.groupName}</Text>
            <Text className="track-section__count">{g.members.length} 人</Text>
          </View>
          {g.members.map((m) => (
            <MemberRow key={m.memberId} member={m} requireAck={requireAck} onTap={() => onTapMember(m)} />
          ))}
        </View>
      ))}
      {excused.length > 0 && (
        <View className="track-section track-excused">
          <View className="track-section__head">
            <Text className="track-excused-title">请假（不计入阅读率）</Text>
            <Text className="track-section__count">{excused.length} 人</Text>
          </View>
          {excused.map((m) => (
            <MemberRow key={m.memberId} member={m} requireAck={requireAck} onTap={() => onTapMember(m)} />
          ))}
        </View>
      )}
    </Card>
  );
}
