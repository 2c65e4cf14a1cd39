import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { usePolling } from '../../hooks/use-polling';
import { noticesApi } from '../../platform/api';
import { toast } from '../../platform/feedback';
import type { TrackedMember, TrackingView } from '../../domain/api/notices';
import { ExcuseDialog } from './excuse-dialog';
import { RemindCard } from './remind-card';
import { TrackActions } from './track-actions';
import { TrackMembers } from './track-members';
import { TrackSummary } from './track-summary';
import { UnboundCard } from '../shared/unbound-card';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

const REFRESH_MS = 5000;

/** Patches one member after an excuse so the list updates before the next refresh. */
const withMember = (view: TrackingView, member: TrackedMember): TrackingView => ({
  ...view,
  groups: view.groups.map((g) => ({ ...g, members: g.members.map((m) => (m.memberId === member.memberId ? member : m)) })),
});

function Tracking({ noticeId }: { noticeId: string }) {
  const state = useAsync(() => noticesApi('track', { noticeId }), [noticeId]);
  const { setData } = state;
  const [stale, setStale] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [selected, setSelected] = useState<TrackedMember | null>(null);

  // Quiet refresh: a failed poll keeps what is shown and says so, instead of blanking the page.
  const refresh = useCallback(async () => {
    try {
      setData(await noticesApi('track', { noticeId }));
      setStale(false);
    } catch {
      setStale(true);
    } finally {
      setNow(Date.now());
    }
  }, [noticeId, setData]);
  usePolling(refresh, REFRESH_MS, state.data !== null);

  if (state.error && !state.data) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const view = state.data;
  const published = view.notice.status === 'published';
  const requireAck = view.notice.requireAck;

  const tapMember = (m: TrackedMember) => {
    if (!published) return;
    const done = m.readAt !== null && (!requireAck || m.ackAt !== null);
    if (!m.excused && done) return toast(requireAck ? `${m.name} 已确认` : `${m.name} 已读`);
    setSelected(m);
  };

  return (
    <>
      {stale && <Text className="track-stale">网络不稳定，显示的可能不是最新情况</Text>}
      <TrackSummary view={view} />
      <TrackActions view={view} onChanged={() => void refresh()} />
      {view.notice.status !== 'scheduled' && <RemindCard view={view} now={now} onReminded={() => void refresh()} />}
      {view.notice.status === 'scheduled' ? (
        <EmptyView title="尚未发布" description="到点发布后，这里会显示每位党员的阅读情况" />
      ) : (
        <>
          <TrackMembers view={view} onTapMember={tapMember} />
          <UnboundCard people={view.unbound} branchId={view.inviteBranchId} leftOutOf="阅读率" remindable={!view.unboundReachable} />
        </>
      )}
      <ExcuseDialog
        noticeId={noticeId}
        member={selected}
        onClose={() => setSelected(null)}
        onChanged={(m) => {
          setData(withMember(view, m));
          void refresh();
        }}
      />
    </>
  );
}

function NoticeTrackPage() {
  const noticeId = useRouter().params.noticeId ?? '';
  return (
    <View className="page page-notice-track">
      {noticeId ? <Tracking noticeId={noticeId} /> : <EmptyView title="缺少通知参数" description="请从「我发布的」进入" />}
    </View>
  );
}

export default withPageDisplay(NoticeTrackPage);
