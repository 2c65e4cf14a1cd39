import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { FormDialog } from '../../components/form-dialog';
import { ReasonPicker, type ReasonValue } from '../../components/reason-picker';
import type { MeetingDetail } from '../../domain/api/meetings';
import { LEAVE_REASON_LABELS } from '../../domain/meeting/types';
import { meetingsApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { errorMessage, FormError } from '../../utils/error-message';
import { formatClock, formatDateTime } from '../../utils/format-time';
import { myStatus } from '../../utils/meeting-format';
import { ROUTES, withQuery } from '../../utils/routes';

interface Props {
  m: MeetingDetail;
  now: number;
  onChange: (m: MeetingDetail) => void;
}

/** 参加 / 请假 before the end; 请假 asks for a reason in a dialog. */
export function ReplyCard({ m, now, onChange }: Props) {
  const my = m.my;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<ReasonValue>({ reason: my?.leaveReason ?? null, note: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!my || m.status === 'cancelled' || now >= m.endAt || my.checkinAt !== null) return null;
  const status = myStatus(my, now, m.endAt);

  const attend = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await meetingsApi('reply', { meetingId: m.meetingId, answer: 'attend' }));
      toastSuccess('已回复参加');
    } catch (e) {
      setError(errorMessage(e, '提交失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const askLeave = async () => {
    if (!reason.reason) throw new FormError('请选择请假原因');
    if (reason.reason === 'other' && reason.note.trim() === '') throw new FormError('请填写请假说明');
    onChange(await meetingsApi('reply', { meetingId: m.meetingId, answer: 'leave', reason: reason.reason, note: reason.note.trim() }));
    setAsking(false);
    toastSuccess('已提交请假');
  };

  return (
    <Card title="我的回复" className="meeting-reply" extra={status && <Text className={`m-pill m-pill--${status.tone} meeting-my-status`}>{status.label}</Text>}>
      {my.answer === 'leave' && my.leaveReason && (
        <Text className="meeting-reply__leave">
          请假原因：{LEAVE_REASON_LABELS[my.leaveReason]}
          {my.leaveStatus === 'declined' ? '。书记未批准请假，请尽量参会。' : ''}
        </Text>
      )}
      {error && <Text className="form-error">{error}</Text>}
      <View className="meeting-reply__buttons">
        <Button className="reply-attend" type="primary" size="large" fill={my.answer === 'attend' ? 'outline' : 'solid'} disabled={busy || my.answer === 'attend'} loading={busy} onClick={() => void attend()}>
          {my.answer === 'attend' ? '已回复参加' : '参加'}
        </Button>
        <Button className="reply-leave" type="default" size="large" disabled={busy} onClick={() => setAsking(true)}>
          {my.answer === 'leave' ? '修改请假' : '请假'}
        </Button>
      </View>
      <FormDialog visible={asking} title="请假" confirmText="提交请假" onConfirm={askLeave} onClose={() => setAsking(false)} values={reason} className="leave-dialog">
        <ReasonPicker value={reason} onChange={setReason} />
      </FormDialog>
    </Card>
  );
}

/** From 30 minutes before until the end: the way to check in, or when the member did. */
export function CheckinCard({ m, now }: { m: MeetingDetail; now: number }) {
  const my = m.my;
  if (!my || m.status === 'cancelled') return null;
  if (my.checkinAt !== null) {
    return (
      <Card className="meeting-checked-in">
        <Text className="meeting-checkin-done">
          ✓ 已签到 · {formatDateTime(my.checkinAt)}
          {my.late ? '（迟到）' : ''}
        </Text>
      </Card>
    );
  }
  if (now < m.checkinOpensAt || now >= m.checkinClosesAt) {
    if (now < m.checkinOpensAt) return <Text className="page-intro meeting-checkin-later">会前 30 分钟（{formatClock(m.checkinOpensAt)}）开放签到</Text>;
    return null;
  }
  return (
    <View className="block-actions">
      <Button className="go-checkin" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.meetingCheckin, { meetingId: m.meetingId }) })}>
        签到
      </Button>
    </View>
  );
}
