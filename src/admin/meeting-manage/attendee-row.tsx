import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Pill } from '../../components/meeting-row';
import type { AttendeeView } from '../../domain/api/meetings';
import { CHECKIN_METHOD_LABELS, LEAVE_REASON_LABELS } from '../../domain/meeting/types';
import { formatClock, formatShortDateTime } from '../../utils/format-time';

/** A pending leave request: the reason and two one-tap answers. */
export function LeaveRequestRow({ a, onDecide }: { a: AttendeeView; onDecide: (approve: boolean) => Promise<void> }) {
  const [busy, setBusy] = useState<null | 'yes' | 'no'>(null);
  const decide = async (approve: boolean) => {
    if (busy) return;
    setBusy(approve ? 'yes' : 'no');
    try {
      await onDecide(approve);
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="leave-request">
      <View className="leave-request__main">
        <Text className="leave-request-name">{a.name}</Text>
        <Text className="leave-request__reason">
          {a.leaveReason ? LEAVE_REASON_LABELS[a.leaveReason] : '请假'}
          {a.leaveNote ? `：${a.leaveNote}` : ''}
        </Text>
      </View>
      <View className="leave-request__buttons">
        <Button className="approve-leave" type="primary" size="small" loading={busy === 'yes'} disabled={busy !== null} onClick={() => void decide(true)}>
          同意
        </Button>
        <Button className="decline-leave" type="default" size="small" loading={busy === 'no'} disabled={busy !== null} onClick={() => void decide(false)}>
          不同意
        </Button>
      </View>
    </View>
  );
}

function answerPill(a: AttendeeView) {
  if (a.answer === 'attend') return <Pill tone="success">参加</Pill>;
  if (a.answer === 'leave') {
    const label = a.leaveStatus === 'approved' ? '请假·已批准' : a.leaveStatus === 'declined' ? '请假·未批准' : '请假·待审批';
    return <Pill tone={a.leaveStatus === 'approved' ? 'muted' : 'warning'}>{label}</Pill>;
  }
  return <Pill tone="muted">未回复</Pill>;
}

/** One attendee: receipt, answer, check-in, and the officer's 手动签到 (or its undo). */
export function AttendeeRow({ a, canCheckIn, onManual }: { a: AttendeeView; canCheckIn: boolean; onManual: (undo: boolean) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const manual = async (undo: boolean) => {
    if (busy) return;
    setBusy(true);
    try {
      await onManual(undo);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`attendee-row ${a.checkinAt !== null ? 'is-checked-in' : ''}`}>
      <View className="attendee-row__main">
        <Text className="attendee-name">{a.name}</Text>
        <View className="attendee-row__pills">
          {a.seenAt !== null ? <Text className="attendee-seen">已读 {formatShortDateTime(a.seenAt)}</Text> : <Text className="attendee-unseen">未读</Text>}
          {answerPill(a)}
          {a.makeupAt !== null && <Pill tone="success">已补学</Pill>}
        </View>
        {a.checkinAt !== null && (
          <Text className="attendee-checkin">
            {formatClock(a.checkinAt)} {a.checkinMethod ? CHECKIN_METHOD_LABELS[a.checkinMethod] : '签到'}
            {a.checkinMethod === 'manual' && a.checkinByName ? `（${a.checkinByName}）` : ''}
            {a.late ? ' · 迟到' : ''}
          </Text>
        )}
      </View>
      {a.checkinAt === null && canCheckIn && (
        <Button className="manual-checkin" size="small" type="primary" fill="outline" loading={busy} disabled={busy} onClick={() => void manual(false)}>
          手动签到
        </Button>
      )}
      {a.checkinMethod === 'manual' && (
        <Button className="undo-checkin" size="small" type="default" loading={busy} disabled={busy} onClick={() => void manual(true)}>
          撤销
        </Button>
      )}
    </View>
  );
}
