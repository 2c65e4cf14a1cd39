import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { canAskNoticeSubscription, forgoNoticeSubscription } from '../../platform/subscribe';

const DELAY_MS = 3000;

/**
 * For notices without 我已知晓: after the member has read for a few seconds, offer WeChat reminders.
 * A card with a button rather than the prompt itself, because WeChat shows its prompt only from a tap.
 * Never shown on H5 or when no template is configured.
 */
export function SubscribePrompt({ noticeId, onAccept }: { noticeId: string; onAccept: () => void }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!canAskNoticeSubscription(noticeId)) return undefined;
    const timer = setTimeout(() => setShown(true), DELAY_MS);
    return () => clearTimeout(timer);
  }, [noticeId]);

  if (!shown) return null;
  return (
    <View className="subscribe-prompt">
      <Text className="subscribe-prompt__text">有新通知或书记提醒时，希望通过微信消息告诉您吗？</Text>
      <View className="actions">
        <Button
          className="subscribe-accept"
          type="primary"
          onClick={() => {
            setShown(false);
            onAccept();
          }}
        >
          接收微信提醒
        </Button>
        <Button className="subscribe-dismiss" fill="outline" onClick={() => {
            setShown(false);
            forgoNoticeSubscription(noticeId);
          }}
        >
          暂不需要
        </Button>
      </View>
    </View>
  );
}
