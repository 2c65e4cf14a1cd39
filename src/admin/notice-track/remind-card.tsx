import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { noticesApi } from '../../platform/api';
import type { TrackingView } from '../../domain/api/notices';
import type { ReachReportView } from '../../domain/api/reach';
import { ReachReport } from '../shared/reach-report';
import type { ReminderBatch } from '../../domain/notice/types';
import { errorMessage } from '../../utils/error-message';
import { formatShortDateTime } from '../../utils/format-time';
import { minutesUntil } from '../../utils/notice-labels';

const unboundNote = (b: ReminderBatch): string => (b.unbound ? `；未绑定微信的 ${b.unbound} 人无法收到` : '');
const extraChannels = (b: ReminderBatch): string => `${b.wecom ? `，企业微信 ${b.wecom} 人` : ''}${b.sms ? `，短信 ${b.sms} 人` : ''}`;
const resultText = (b: ReminderBatch, now: number): string =>
  b.deferredUntil
    ? `已安排提醒 ${b.total} 人：现在是免打扰时段，将于 ${formatShortDateTime(b.deferredUntil, now)} 发送`
    : `已提醒 ${b.total} 人：微信消息 ${b.wechat} 人${extraChannels(b)}，仅应用内 ${b.inAppOnly} 人${unboundNote(b)}`;
const historyText = (b: ReminderBatch): string =>
  b.deferredUntil ? '（免打扰时段后发送）' : `（微信 ${b.wechat}${extraChannels(b).replace(/ 人/g, '')}，应用内 ${b.inAppOnly}${b.unbound ? `，未绑定 ${b.unbound} 人未送达` : ''}）`;

/** The latest reminder's reach report, fetched again when a new reminder is sent or a deferred round falls due. */
function useReachReport(noticeId: string, latestId: string | null, now: number): ReachReportView | null {
  const [report, setReport] = useState<ReachReportView | null>(null);
  const due = report?.rounds.some((r) => r.status !== 'sent' && r.dueAt <= now) ?? false;
  useEffect(() => {
    if (latestId === null) return;
    let live = true;
    noticesApi('reachReport', { noticeId })
      .then((r) => live && setReport(r))
      .catch(() => undefined); // the summary line above still says what happened; the next poll retries
    return () => {
      live = false;
    };
  }, [noticeId, latestId, due]);
  return latestId === null ? null : report;
}

/** Who still needs a nudge: not excused and not read (or not acknowledged, when that is required). */
export function pendingCount(view: TrackingView): number {
  const ack = view.notice.requireAck;
  return view.groups.reduce((n, g) => n + g.members.filter((m) => !m.excused && (ack ? m.ackAt === null : m.readAt === null)).length, 0);
}

interface RemindCardProps {
  view: TrackingView;
  now: number;
  onReminded: () => void;
}

/** One tap reminds exactly the members who still need it; a cooldown keeps it from becoming spam. */
export function RemindCard({ view, now, onReminded }: RemindCardProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReminderBatch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ack = view.notice.requireAck;
  const pending = pendingCount(view);
  const waitUntil = view.remindAvailableAt !== null && view.remindAvailableAt > now ? view.remindAvailableAt : null;
  const report = useReachReport(view.notice.noticeId, view.reminders[0]?._id ?? null, now);

  const remind = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await noticesApi('remind', { noticeId: view.notice.noticeId }));
      onReminded();
    } catch (e) {
      setError(errorMessage(e, '提醒失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const label = waitUntil !== null ? `${minutesUntil(waitUntil, now)} 分钟后可再次提醒` : pending === 0 ? (ack ? '全部已确认' : '全部已读') : `${ack ? '提醒未确认' : '提醒未读'}（${pending} 人）`;

  return (
    <Card title="提醒" className="remind-card">
      {view.notice.status === 'published' && (
        <>
          <Text className="muted remind-card__tip">
            每人按可用渠道提醒：微信（已授权的）、企业微信{view.notice.urgent ? '、短信（紧急通知）' : ''}，并在小程序内看到“书记提醒”。免打扰时段{view.notice.urgent ? '不适用于紧急通知' : '（夜间）的提醒在早上发送'}。
          </Text>
          <Button className="remind-button" type="primary" size="large" block loading={busy} disabled={waitUntil !== null || pending === 0} onClick={() => void remind()}>
            {label}
          </Button>
          {result && <Text className="remind-result">{resultText(result, now)}</Text>}
          {error && <Text className="form-error remind-error">{error}</Text>}
        </>
      )}
      {report && <ReachReport report={report} now={now} />}
      {view.reminders.length > 0 ? (
        <View className="remind-history">
          <Text className="remind-history__title">提醒记录</Text>
          {view.reminders.map((b) => (
            <Text key={b._id} className="remind-history-item">
              {formatShortDateTime(b.at, now)} {b.byName} 提醒{b.target === 'unacknowledged' ? '未确认' : '未读'} {b.total} 人{historyText(b)}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="muted remind-history__none">尚未提醒过</Text>
      )}
    </Card>
  );
}
