import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useAsync } from '../../hooks/use-async';
import { noticesApi, orgApi } from '../../platform/api';
import { toast } from '../../platform/feedback';
import { requestReminderSubscription, reminderSubscriptionSupported } from '../../platform/subscribe';
import type { MyReachView } from '../../domain/api/org';
import './index.scss';

const WECOM_TEXT: Record<MyReachView['wecom'], string> = {
  linked: '已关联',
  by_mobile: '按手机号匹配',
  none: '未关联（请联系支部书记登记企业微信账号）',
  not_configured: '本院未开通',
};

const SMS_TEXT: Record<MyReachView['sms'], string> = {
  urgent_only: '仅紧急通知和会议提醒',
  no_mobile: '花名册中没有手机号',
  not_configured: '本院未开通',
};

function Row({ name, title, value, hint }: { name: string; title: string; value: string; hint?: string }) {
  return (
    <View className={`reach-row reach-row--${name}`}>
      <View className="reach-row__text">
        <Text className="reach-row__title">{title}</Text>
        {hint && <Text className="reach-row__hint">{hint}</Text>}
      </View>
      <Text className={`reach-row__value reach-${name}-value`}>{value}</Text>
    </View>
  );
}

/**
 * 我的 → 消息提醒: how many WeChat reminders the member can still receive, a 开启提醒 entry that asks
 * WeChat (and explains 总是保持以上选择), and which other channels reach them.
 */
export function ReachStatus() {
  const state = useAsync(() => orgApi('reach.mine', {}), []);
  const [busy, setBusy] = useState(false);
  const mine = state.data;

  const enable = async () => {
    setBusy(true);
    try {
      const accepted = await requestReminderSubscription();
      if (accepted > 0) {
        await noticesApi('subscribe', { accepted });
        await state.reload();
        toast('已增加 1 次微信提醒');
      } else toast('未开启，可随时再次开启');
    } catch {
      toast('网络不稳定，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="reach-status">
      <Text className="section-title">消息提醒</Text>
      <View className="reach-status__card">
        {state.error && !mine ? (
          <Text className="reach-row__hint">{state.error}</Text>
        ) : (
          <>
            <View className="reach-row reach-row--wechat">
              <View className="reach-row__text">
                <Text className="reach-row__title">微信提醒</Text>
                <Text className="reach-row__hint">每同意一次，可收到一条微信提醒</Text>
              </View>
              <Text className="reach-row__value reach-wechat-value">{mine ? `可接收 ${mine.wechatCredits} 次` : '…'}</Text>
            </View>
            {reminderSubscriptionSupported ? (
              <View className="reach-enable">
                <Button className="enable-reminders" block type="primary" fill="outline" loading={busy} disabled={busy} onClick={enable}>
                  开启提醒
                </Button>
                <Text className="reach-enable__tip">
                  在微信弹窗中勾选“总是保持以上选择”并点“允许”，以后阅读通知、学习微党课时会自动为您累积提醒次数，不再弹窗。
                </Text>
              </View>
            ) : (
              <Text className="reach-enable__tip reach-enable__tip--h5">微信提醒需在“微支部”小程序中开启。</Text>
            )}
            {mine && (
              <>
                <Row name="wecom" title="企业微信" value={WECOM_TEXT[mine.wecom]} />
                <Row name="sms" title="短信" value={SMS_TEXT[mine.sms]} />
              </>
            )}
            <Row name="inapp" title="应用内提醒" value="始终开启" />
          </>
        )}
      </View>
    </View>
  );
}
