import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import { MeetingRow } from '../../components/meeting-row';
import { useAsync } from '../../hooks/use-async';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { meetingsApi } from '../../platform/api';
import type { HomeView } from '../../domain/api/org';
import { pressable } from '../../utils/pressable';
import { ROUTES, withQuery } from '../../utils/routes';

/**
 * The member's next meeting and any make-up due, on the home page (from the home call, `org.home`). Quiet when there is nothing (or the
 * call fails): the home page must never look broken because of a secondary card.
 */
export function NextMeeting({ data }: { data: HomeView['meetings'] }) {
  if (!data || (!data.next && data.makeups.length === 0)) return null;
  const now = Date.now();
  const first = data.makeups[0];
  return (
    <Card
      title="会议"
      className="home-meeting"
      extra={
        <Text className="home-meeting__all" {...pressable(() => void Taro.navigateTo({ url: ROUTES.meetings }), 'link')}>
          全部会议
        </Text>
      }
    >
      {data.next && <MeetingRow item={data.next} now={now} />}
      {first && (
        <View className="home-makeup" {...pressable(() => void Taro.navigateTo({ url: withQuery(ROUTES.meeting, { meetingId: first.meetingId }) }), 'link')}>
          <Text className="home-makeup__label">待补学</Text>
          <Text className="home-makeup-topic">
            {first.typeLabel}：{first.topic}
          </Text>
          {data.makeups.length > 1 && <Text className="home-makeup__more">等 {data.makeups.length} 项</Text>}
          <Text className="home-makeup__arrow">›</Text>
        </View>
      )}
    </Card>
  );
}

/** Officers: how many required meetings are still to hold this month (or overdue), one tap to the list. */
export function MeetingsDue({ branchId }: { branchId: string }) {
  const overview = useAsync(() => meetingsApi('overview', { branchId }), [branchId]);
  useOnReturn(() => void overview.reload());
  const o = overview.data;
  if (!o || o.dueCount + o.overdueCount === 0) return null;
  return (
    <View className="home-due" {...pressable(() => void Taro.navigateTo({ url: ROUTES.meetings }), 'link')}>
      <Text className="home-due__text">
        本月待开会议 <Text className="home-due-count">{o.dueCount}</Text> 项{o.overdueCount > 0 ? `，逾期 ${o.overdueCount} 项` : ''}
      </Text>
      <Text className="home-due__arrow">›</Text>
    </View>
  );
}
