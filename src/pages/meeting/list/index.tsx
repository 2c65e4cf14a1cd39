import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../../components/card';
import { MeGate } from '../../../components/me-gate';
import { MeetingRow } from '../../../components/meeting-row';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { useAsync } from '../../../hooks/use-async';
import type { BoundMe } from '../../../hooks/use-me';
import { useOnReturn } from '../../../hooks/use-page-visibility';
import type { MeetingCard } from '../../../domain/api/meetings';
import { canManageBranch } from '../../../domain/org/policies';
import { meetingsApi } from '../../../platform/api';
import { actorOf } from '../../../utils/actor';
import { errorMessage } from '../../../utils/error-message';
import { formatDate } from '../../../utils/format-time';
import { pressable } from '../../../utils/pressable';
import { ROUTES, withQuery } from '../../../utils/routes';
import { DueCard } from './due-card';
import './index.scss';
import { withPageDisplay } from '../../../components/page-display';

/** An officer's view of what is due, with the ways to act on it. */
function OfficerDue({ branchId }: { branchId: string }) {
  const overview = useAsync(() => meetingsApi('overview', { branchId }), [branchId]);
  useOnReturn(() => void overview.reload());
  if (overview.error) return <ErrorView message={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <LoadingView rows={3} />;
  return (
    <DueCard overview={overview.data} onPick={(c) => void Taro.navigateTo({ url: withQuery(ROUTES.meetingSchedule, { branchId, type: c.type }) })}>
      <View className="meetings-due__actions">
        <Button className="schedule-meeting" type="primary" size="large" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.meetingSchedule, { branchId }) })}>
          安排会议
        </Button>
        <Button className="open-ledger" type="primary" fill="outline" size="large" onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.meetingLedger, { branchId }) })}>
          会议台账
        </Button>
      </View>
    </DueCard>
  );
}

/** The branch's meetings this year, newest first, a page at a time. */
function YearList({ branchId, now }: { branchId: string; now: number }) {
  const year = Number(formatDate(now).slice(0, 4));
  const [more, setMore] = useState<{ items: MeetingCard[]; next: number | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const first = useAsync(() => meetingsApi('list', { branchId, year }), [branchId, year]);
  useOnReturn(() => {
    setMore(null);
    void first.reload();
  });
  if (first.error) return <ErrorView message={first.error} onRetry={first.reload} />;
  if (!first.data) return <LoadingView rows={4} />;
  const items = [...first.data.items, ...(more?.items ?? [])];
  const next = more ? more.next : first.data.next;
  const loadMore = async () => {
    setMoreError(null);
    try {
      const page = await meetingsApi('list', { branchId, year, before: next });
      setMore({ items: [...(more?.items ?? []), ...page.items], next: page.next });
    } catch (e) {
      setMoreError(errorMessage(e, '加载失败，请重试'));
    }
  };
  return (
    <Card title={`${year}年会议`} className="meetings-year">
      {items.length === 0 ? (
        <EmptyView title="今年还没有会议" />
      ) : (
        items.map((item) => <MeetingRow key={item.meetingId} item={item} now={now} />)
      )}
      {next !== null && (
        <Button className="load-more" fill="outline" block onClick={() => void loadMore()}>
          {moreError ? `${moreError}，点此重试` : '加载更多'}
        </Button>
      )}
    </Card>
  );
}

function Meetings({ me }: { me: BoundMe }) {
  const branchId = me.member.branchId;
  const officer = branchId !== null && canManageBranch(actorOf(me.member), branchId);
  const mine = useAsync(() => meetingsApi('mine', {}), []);
  useOnReturn(() => void mine.reload());
  const now = Date.now();
  if (!branchId) return <EmptyView title="您尚未加入支部" description="加入支部后可在这里看到会议" />;
  return (
    <>
      {officer && <OfficerDue branchId={branchId} />}
      {mine.error ? (
        <ErrorView message={mine.error} onRetry={mine.reload} />
      ) : !mine.data ? (
        <LoadingView rows={3} />
      ) : (
        <>
          {mine.data.makeups.length > 0 && (
            <Card title="待补学" className="meetings-makeups">
              {mine.data.makeups.map((x) => (
                <View key={x.meetingId} className="makeup-row" {...pressable(() => void Taro.navigateTo({ url: withQuery(ROUTES.meeting, { meetingId: x.meetingId }) }), 'link')}>
                  <Text className="makeup-row__type">{x.typeLabel}</Text>
                  <Text className="makeup-row-topic">{x.topic}</Text>
                  <Text className="makeup-row__meta">
                    {formatDate(x.startAt)} · {x.outcome === 'leave' ? '请假' : '缺席'}，阅读记录后确认已学习
                  </Text>
                </View>
              ))}
            </Card>
          )}
          <Card title="即将召开" className="meetings-upcoming">
            {mine.data.upcoming.length === 0 ? <Text className="muted">近期没有需要您参加的会议</Text> : mine.data.upcoming.map((item) => <MeetingRow key={item.meetingId} item={item} now={now} />)}
          </Card>
        </>
      )}
      <YearList branchId={branchId} now={now} />
    </>
  );
}

function MeetingsPage() {
  return (
    <View className="page page-meetings">
      <MeGate>{(me) => <Meetings me={me} />}</MeGate>
    </View>
  );
}

export default withPageDisplay(MeetingsPage);
