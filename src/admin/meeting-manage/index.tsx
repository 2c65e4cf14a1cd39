import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card, InfoRow } from '../../components/card';
import { FormDialog } from '../../components/form-dialog';
import { MeGate } from '../../components/me-gate';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { TextField } from '../../components/text-field';
import { useAsync } from '../../hooks/use-async';
import { usePolling } from '../../hooks/use-polling';
import { useOnReturn } from '../../hooks/use-page-visibility';
import type { AttendeeView, MeetingDetail } from '../../domain/api/meetings';
import { meetingsApi } from '../../platform/api';
import { toast, toastSuccess } from '../../platform/feedback';
import { errorMessage } from '../../utils/error-message';
import { meetingTimeRange } from '../../utils/meeting-format';
import { pressable } from '../../utils/pressable';
import { ROUTES, withQuery } from '../../utils/routes';
import { AttendeeRow, LeaveRequestRow } from './attendee-row';
import '../meeting-shared/form.scss';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

/** While the page is open, answers and check-ins arrive without pulling: a light poll. */
const REFRESH_MS = 5000;

type Filter = 'all' | 'unseen' | 'unanswered' | 'leave' | 'absent';
const FILTERS: Array<[Filter, string]> = [
  ['all', '全部'],
  ['unseen', '未读'],
  ['unanswered', '未回复'],
  ['leave', '请假'],
  ['absent', '未签到'],
];
const matches = (f: Filter, a: AttendeeView): boolean =>
  f === 'all' ? true : f === 'unseen' ? a.seenAt === null : f === 'unanswered' ? a.answer === 'none' : f === 'leave' ? a.answer === 'leave' : a.checkinAt === null && a.leaveStatus !== 'approved';

function Summary({ m, roster }: { m: MeetingDetail; roster: AttendeeView[] }) {
  const n = roster.length;
  const cells: Array<[string, string, string]> = [
    ['已读', `${roster.filter((a) => a.seenAt !== null).length}/${n}`, 'seen'],
    ['参加', String(roster.filter((a) => a.answer === 'attend').length), 'attend'],
    ['请假', String(roster.filter((a) => a.answer === 'leave').length), 'leave'],
    ['已签到', `${m.counts.present}/${m.counts.expected}`, 'checked-in'],
  ];
  return (
    <View className="manage-summary">
      {cells.map(([label, value, key]) => (
        <View key={key} className={`manage-summary__cell manage-${key}`}>
          <Text className="manage-summary__value">{value}</Text>
          <Text className="manage-summary__label">{label}</Text>
        </View>
      ))}
    </View>
  );
}

function Manage({ meetingId }: { meetingId: string }) {
  const state = useAsync(() => meetingsApi('get', { meetingId }), [meetingId]);
  const { setData } = state;
  const [filter, setFilter] = useState<Filter>('all');
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const refresh = useCallback(async () => {
    try {
      setData(await meetingsApi('get', { meetingId }));
    } catch {
      // a missed refresh is retried on the next tick
    }
  }, [meetingId, setData]);
  usePolling(refresh, REFRESH_MS, state.data !== null);
  useOnReturn(() => void refresh());

  if (state.error && !state.data) return <ErrorView message={state.error} onRetry={state.reload} />;
  if (!state.data) return <LoadingView rows={8} />;
  const m = state.data;
  if (!m.canManage || !m.roster) return <EmptyView title="仅支部书记和支委可以管理会议" />;
  const roster = m.roster;
  const now = Date.now();
  const pending = roster.filter((a) => a.answer === 'leave' && a.leaveStatus === 'pending');
  const canCheckIn = m.status !== 'cancelled' && now >= m.checkinOpensAt;
  const windowOpen = m.status !== 'cancelled' && now >= m.checkinOpensAt && now < m.checkinClosesAt;
  const shown = roster.filter((a) => matches(filter, a));
  const go = (url: string) => void Taro.navigateTo({ url });

  const replace = (row: AttendeeView) => setData({ ...m, roster: roster.map((a) => (a.memberId === row.memberId ? row : a)) });
  const decide = async (a: AttendeeView, approve: boolean) => {
    try {
      replace(await meetingsApi('decideLeave', { meetingId, memberId: a.memberId, approve }));
      toastSuccess(approve ? '已同意请假' : '已不同意');
      void refresh();
    } catch (e) {
      toast(errorMessage(e, '操作失败，请重试'));
    }
  };
  const manual = async (a: AttendeeView, undo: boolean) => {
    try {
      replace(await meetingsApi('manualCheckin', { meetingId, memberId: a.memberId, undo }));
      toastSuccess(undo ? '已撤销签到' : '已签到');
      void refresh();
    } catch (e) {
      toast(errorMessage(e, '操作失败，请重试'));
    }
  };
  const cancel = async () => {
    setData(await meetingsApi('cancel', { meetingId, reason: cancelReason.trim() }));
    setCancelling(false);
    toastSuccess('会议已取消');
  };

  return (
    <>
      <Card className="manage-head" title={m.topic}>
        <InfoRow label="类型" value={m.typeLabel} />
        <InfoRow label="时间" value={meetingTimeRange(m.startAt, m.endAt)} valueClassName="manage-time" />
        <InfoRow label="地点" value={m.place || (m.onlineLink ? '线上会议' : '未填写')} />
        <InfoRow label="参会人员" value={m.attendeesLabel} />
        {m.status === 'cancelled' && <Text className="manage-cancelled">会议已取消{m.cancelReason ? `：${m.cancelReason}` : ''}</Text>}
        <View className="manage-links">
          {m.status !== 'cancelled' && now < m.endAt && (
            <Text className="manage-member-view edit-meeting" {...pressable(() => go(withQuery(ROUTES.meetingSchedule, { meetingId })), 'link')}>
              修改会议 ›
            </Text>
          )}
          <Text className="manage-member-view" {...pressable(() => go(withQuery(ROUTES.meeting, { meetingId })), 'link')}>
            以参会人视角查看 ›
          </Text>
        </View>
      </Card>

      {m.status !== 'cancelled' && (
        <View className="manage-actions">
          <Button className="open-display" type="primary" size="large" disabled={now >= m.checkinClosesAt} onClick={() => go(withQuery(ROUTES.meetingDisplay, { meetingId }))}>
            {windowOpen ? '出示签到码' : now >= m.checkinClosesAt ? '签到已结束' : '签到屏幕'}
          </Button>
          <Button className="open-minutes" type="primary" fill="outline" size="large" onClick={() => go(withQuery(ROUTES.meetingMinutes, { meetingId }))}>
            {m.minutesStatus === 'published' ? '会议记录（已发布）' : m.minutesStatus === 'draft' ? '会议记录（草稿）' : '写会议记录'}
          </Button>
        </View>
      )}

      <Card title="回执与出勤" className="manage-roster">
        <Summary m={m} roster={roster} />
        {pending.length > 0 && (
          <View className="leave-requests">
            <Text className="m-subhead">待审批请假（{pending.length}）</Text>
            {pending.map((a) => (
              <LeaveRequestRow key={a.memberId} a={a} onDecide={(approve) => decide(a, approve)} />
            ))}
          </View>
        )}
        <View className="manage-filters" role="radiogroup" aria-label="筛选">
          {FILTERS.map(([f, label]) => (
            <Text key={f} className={`manage-filter filter-${f} ${filter === f ? 'is-on' : ''}`} aria-checked={filter === f} {...pressable(() => setFilter(f), 'radio')}>
              {label} {roster.filter((a) => matches(f, a)).length}
            </Text>
          ))}
        </View>
        {shown.length === 0 ? <Text className="muted">没有符合条件的人员</Text> : shown.map((a) => <AttendeeRow key={a.memberId} a={a} canCheckIn={canCheckIn} onManual={(undo) => manual(a, undo)} />)}
      </Card>

      {m.status !== 'cancelled' && now < m.endAt && (
        <View className="block-actions">
          <Button className="cancel-meeting" type="default" block onClick={() => setCancelling(true)}>
            取消会议
          </Button>
        </View>
      )}
      <FormDialog visible={cancelling} title="取消会议" confirmText="取消会议" onConfirm={cancel} onClose={() => setCancelling(false)} values={cancelReason}>
        <Text>参会人员会看到会议已取消。</Text>
        <TextField label="取消原因（可选）" value={cancelReason} onChange={setCancelReason} maxLength={100} />
      </FormDialog>
    </>
  );
}

function MeetingManagePage() {
  const meetingId = useRouter().params.meetingId ?? '';
  return (
    <View className="page m-page page-meeting-manage">
      {meetingId ? <MeGate>{() => <Manage meetingId={meetingId} />}</MeGate> : <EmptyView title="缺少会议参数" description="请从会议列表进入" />}
    </View>
  );
}

export default withPageDisplay(MeetingManagePage);
