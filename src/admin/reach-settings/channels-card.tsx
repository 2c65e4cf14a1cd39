import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { useRequestId } from '../../hooks/use-request-id';
import { orgApi } from '../../platform/api';
import type { ChannelStatusView } from '../../domain/api/org';
import { CHANNEL_LABELS, FAILURE_LABELS } from '../../domain/reach/labels';
import type { DeliveryOutcome, ExternalChannel } from '../../domain/reach/types';
import { errorMessage } from '../../utils/error-message';

function outcomeText(outcome: DeliveryOutcome | null): { text: string; ok: boolean } {
  if (!outcome) return { text: '正在发送，请稍候查看', ok: true };
  if (outcome.delivered) return { text: '已送达，请查收', ok: true };
  return { text: `未送达：${FAILURE_LABELS[outcome.reason]}`, ok: false };
}

/** One channel: configured or not (masked detail), and a test send to oneself with its real outcome. */
function ChannelRow({ channel, onSent }: { channel: ChannelStatusView; onSent: () => void }) {
  const request = useRequestId();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  const test = async () => {
    setBusy(true);
    try {
      const res = await orgApi('reach.testSend', { channel: channel.name, requestId: request.current() });
      setResult(outcomeText(res.outcome));
      request.renew();
      onSent();
    } catch (e) {
      setResult({ text: errorMessage(e), ok: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`reach-channel reach-channel--${channel.name}`}>
      <View className="reach-channel__head">
        <Text className="reach-channel__name">{CHANNEL_LABELS[channel.name]}</Text>
        <Text className={`reach-channel__state ${channel.configured ? 'reach-channel__state--on' : ''}`}>{channel.configured ? '已配置' : '未配置'}</Text>
      </View>
      <Text className="reach-channel__detail">{channel.detail}</Text>
      {channel.configured && (
        <View className="reach-channel__test">
          <Button className={`test-send test-send--${channel.name}`} size="small" fill="outline" type="primary" loading={busy} disabled={busy} onClick={test}>
            给自己发一条测试
          </Button>
          {result && <Text className={`test-result ${result.ok ? 'test-result--ok' : 'test-result--failed'}`}>{result.text}</Text>}
        </View>
      )}
    </View>
  );
}

const ORDER: ExternalChannel[] = ['wechat', 'wecom', 'sms'];

export function ChannelsCard({ channels, onSent }: { channels: ChannelStatusView[]; onSent: () => void }) {
  const sorted = ORDER.map((name) => channels.find((c) => c.name === name)).filter((c): c is ChannelStatusView => !!c);
  return (
    <Card title="通道状态" className="reach-channels">
      {sorted.map((c) => (
        <ChannelRow key={c.name} channel={c} onSent={onSent} />
      ))}
      <Text className="reach-note">应用内提醒始终可用。企业微信、短信的账号与密钥保存在云函数环境变量中，本页不显示、也不能修改。</Text>
    </Card>
  );
}
