import { useEffect } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MeGate } from '../../components/me-gate';
import { RotatingQr } from '../../components/rotating-qr';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { meetingsApi } from '../../platform/api';
import { keepAwake } from '../../platform/keep-awake';
import { formatClock } from '../../utils/format-time';
import { meetingTimeRange } from '../../utils/meeting-format';
import { useCheckinCode } from './use-checkin-code';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

/**
 * The check-in display for a phone held up or a PC on a projector: the QR code members scan in WeChat,
 * the 6-digit code H5 users type, a countdown to the next code, and how many have checked in.
 */
function Display({ meetingId }: { meetingId: string }) {
  const meeting = useAsync(() => meetingsApi('get', { meetingId }), [meetingId]);
  const { code, error, retry } = useCheckinCode(meetingId);
  useEffect(() => keepAwake(), []);
  if (meeting.error) return <ErrorView message={meeting.error} onRetry={meeting.reload} />;
  if (!meeting.data) return <LoadingView rows={6} />;
  const m = meeting.data;
  return (
    <View className="display">
      <View className="display__code">
        {code ? (
          <RotatingQr payload={code.token} code={code.code} expiresAt={code.expiresAt} label={m.topic} />
        ) : error ? (
          <View className="display__closed">
            <Text className="display-error">{error}</Text>
            <Text className="display__window">
              签到时间：{formatClock(m.checkinOpensAt)}–{formatClock(m.checkinClosesAt)}
            </Text>
            <Button className="display-retry" type="primary" onClick={retry}>
              重试
            </Button>
          </View>
        ) : (
          <LoadingView rows={4} />
        )}
      </View>
      <View className="display__info">
        <Text className="display__type">{m.typeLabel}</Text>
        <Text className="display-topic">{m.topic}</Text>
        <Text className="display__time">{meetingTimeRange(m.startAt, m.endAt)}</Text>
        {m.place && <Text className="display__time">{m.place}</Text>}
        {code && (
          <View className="display__count">
            <Text className="display-checked-in">{code.checkedIn}</Text>
            <Text className="display__expected"> / {code.expected} 人已签到</Text>
          </View>
        )}
        <Text className="display__how">微信扫码签到；浏览器打开会议页输入签到码。签到码每 30 秒更换，截图无效。</Text>
      </View>
    </View>
  );
}

function MeetingDisplayPage() {
  const meetingId = useRouter().params.meetingId ?? '';
  return (
    <View className="page page-meeting-display">
      {meetingId ? <MeGate>{() => <Display meetingId={meetingId} />}</MeGate> : <EmptyView title="缺少会议参数" description="请从会议管理进入" />}
    </View>
  );
}

export default withPageDisplay(MeetingDisplayPage);
