import { View, Text } from '@tarojs/components';
import type { TrackedMember } from '../../domain/api/notices';
import { excuseLabel } from '../../domain/notice/rules';
import { formatShortDateTime } from '../../utils/format-time';

export const stateClass = (m: TrackedMember): string => (m.excused ? 'is-excused' : m.readAt !== null ? 'is-read' : 'is-unread');

/** One recipient: read time or 未读, acknowledgement, reminders; tapping opens excuse / un-excuse. */
export function MemberRow({ member, requireAck, onTap }: { member: TrackedMember; requireAck: boolean; onTap: () => void }) {
  return (
    <View className={`track-member ${stateClass(member)} ${member.ackAt !== null ? 'is-acked' : ''}`} onClick={onTap}>
      <View className="track-member__main">
        <Text className="track-member-name">{member.name}</Text>
        {member.excused ? (
          <Text className="track-member-state track-member-state--excused">{excuseLabel(member.excuseReason)}</Text>
        ) : member.readAt !== null ? (
          <Text className="track-member-state track-member-read">已读 {formatShortDateTime(member.readAt)}</Text>
        ) : (
          <Text className="track-member-state track-member-unread">未读</Text>
        )}
      </View>
      <View className="track-member__extra">
        {requireAck && member.ackAt !== null && <Text className="track-member-acked">已确认 {formatShortDateTime(member.ackAt)}</Text>}
        {requireAck && member.ackAt === null && !member.excused && member.readAt !== null && <Text className="track-member-unacked">未确认</Text>}
        {member.remindCount > 0 && <Text className="track-member-reminded">已提醒 {member.remindCount} 次</Text>}
      </View>
    </View>
  );
}
