import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import { MeGate } from '../../components/me-gate';
import { MinutesBody } from '../../components/minutes-view';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { useOnReturn } from '../../hooks/use-page-visibility';
import { meetingsApi } from '../../platform/api';
import { pressable } from '../../utils/pressable';
import { ROUTES, withQuery } from '../../utils/routes';
import { MakeupCard } from './makeup-card';
import { AgendaCard, MaterialsCard, MeetingInfo } from './meeting-info';
import { CheckinCard, ReplyCard } from './reply-card';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

function Detail({ meetingId }: { meetingId: string }) {
  // The first open by an attendee records the read receipt on the server.
  const state = useAsync(() => meetingsApi('get', { meetingId }), [meetingId]);
  // Back from the check-in page: show the new state.
  useOnReturn(() => void state.reload());
  if (state.error) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const m = state.data;
  const now = Date.now();
  const published = m.minutes?.status === 'published' ? m.minutes : null;

  return (
    <>
      <MeetingInfo m={m} />
      {m.canManage && (
        <View className="block-actions">
          <Text className="meeting-manage-link" {...pressable(() => void Taro.navigateTo({ url: withQuery(ROUTES.meetingManage, { meetingId }) }), 'link')}>
            管理会议：回执、请假、签到与记录 ›
          </Text>
        </View>
      )}
      <CheckinCard m={m} now={now} />
      <ReplyCard m={m} now={now} onChange={state.setData} />
      <AgendaCard agenda={m.agenda} />
      <MaterialsCard materials={m.materials} />
      {published && (
        <Card title="会议记录" className="meeting-minutes">
          <MinutesBody minutes={published} />
        </Card>
      )}
      <MakeupCard m={m} onDone={(makeupAt) => m.my && state.setData({ ...m, my: { ...m.my, makeupDue: false, makeupAt } })} />
    </>
  );
}

function MeetingPage() {
  const meetingId = useRouter().params.meetingId ?? '';
  return (
    <View className="page page-meeting">
      {meetingId ? <MeGate>{() => <Detail meetingId={meetingId} />}</MeGate> : <EmptyView title="缺少会议参数" description="请从会议列表进入" />}
    </View>
  );
}

export default withPageDisplay(MeetingPage);
