import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import type { OrgOutput } from '../../domain/api/org';
import { RECENT_JOIN_DAYS } from '../../domain/org/invite-link';
import { formatDateTime } from '../../utils/format-time';

/** Tells the secretary that invites worked: who bound lately (from the members' binding time). */
export function RecentJoins({ joined }: { joined: OrgOutput['invites.list']['joined'] }) {
  if (joined.length === 0) return null;
  return (
    <Card title={`最近 ${RECENT_JOIN_DAYS} 天加入`} className="recent-joins">
      {joined.map((j) => (
        <View key={j.memberId} className="recent-join">
          <Text className="recent-join__name">{j.name}</Text>
          <Text className="recent-join__text"> 已绑定加入本支部</Text>
          <Text className="recent-join__time">{formatDateTime(j.boundAt)}</Text>
        </View>
      ))}
    </Card>
  );
}
