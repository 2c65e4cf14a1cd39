import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Card } from '../../../components/card';
import { MeGate } from '../../../components/me-gate';
import type { CheckinResult } from '../../../domain/api/meetings';
import { meetingsApi } from '../../../platform/api';
import { canScan, scanCheckinCode } from '../../../platform/scan-code';
import { errorMessage } from '../../../utils/error-message';
import { formatClock } from '../../../utils/format-time';
import './index.scss';
import { withPageDisplay } from '../../../components/page-display';

function Done({ result }: { result: CheckinResult }) {
  return (
    <Card className="checkin-result">
      <View className="checkin-result__mark">✓</View>
      <Text className="checkin-success">签到成功</Text>
      <Text className="checkin-result__topic">{result.topic}</Text>
      <Text className="checkin-result__time">
        {formatClock(result.checkinAt)} 签到{result.late ? '（迟到）' : ''}
      </Text>
      <View className="actions">
        <Button className="checkin-back" type="primary" size="large" block onClick={() => void Taro.navigateBack()}>
          返回会议
        </Button>
      </View>
    </Card>
  );
}

/**
 * Check-in: WeChat scans the secretary's rotating QR code; H5 (no scanner) types the 6-digit code shown
 * under it. Either way the server decides (window, attendee, freshness) and answers in Chinese.
 */
function Checkin({ meetingId }: { meetingId: string }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CheckinResult | null>(null);

  const submit = async (input: { token: string } | { meetingId: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await meetingsApi('checkin', input));
    } catch (e) {
      setError(errorMessage(e, '签到失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    if (busy) return;
    try {
      const token = await scanCheckinCode();
      if (token) await submit({ token });
    } catch (e) {
      setError(errorMessage(e, '扫码失败，请重试'));
    }
  };

  const typed = async () => {
    if (busy) return;
    const digits = code.trim();
    if (!/^\d{6}$/.test(digits)) return setError('请输入 6 位签到码');
    if (!meetingId) return setError('请从会议页进入签到');
    await submit({ meetingId, code: digits });
  };

  if (result) return <Done result={result} />;
  return (
    <Card className="checkin-card">
      {canScan ? (
        <>
          <Text className="checkin-tip">扫描书记出示的签到二维码。二维码每 30 秒更新一次，请扫描屏幕上当前的二维码。</Text>
          <Button className="checkin-scan" type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void scan()}>
            扫码签到
          </Button>
        </>
      ) : (
        <>
          <Text className="checkin-tip" id="checkin-code-label">
            输入签到屏幕上显示的 6 位签到码（每 30 秒更新）。
          </Text>
          <Input
            className="checkin-code-input"
            type="digit"
            value={code}
            maxLength={6}
            placeholder="6 位数字"
            onChange={(v) => {
              setCode(v.replace(/\D/g, '').slice(0, 6));
              setError(null);
            }}
            onConfirm={() => void typed()}
            aria-labelledby="checkin-code-label"
          />
          <Button className="checkin-submit" type="primary" size="large" block loading={busy} disabled={busy || code.length !== 6} onClick={() => void typed()}>
            签到
          </Button>
        </>
      )}
      {error && <Text className="form-error checkin-error">{error}</Text>}
    </Card>
  );
}

function MeetingCheckinPage() {
  const meetingId = useRouter().params.meetingId ?? '';
  return (
    <View className="page page-meeting-checkin">
      <MeGate>{() => <Checkin meetingId={meetingId} />}</MeGate>
    </View>
  );
}

export default withPageDisplay(MeetingCheckinPage);
