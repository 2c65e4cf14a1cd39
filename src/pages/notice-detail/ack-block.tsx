import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { NoticeDetail } from '../../domain/api/notices';
import { noticesApi } from '../../platform/api';
import { errorMessage } from '../../utils/error-message';
import { formatDateTime } from '../../utils/format-time';

interface AckBlockProps {
  notice: NoticeDetail;
  onAcked: (notice: NoticeDetail) => void;
  /** Called inside the tap, so WeChat may show its subscribe prompt (it needs a user gesture). */
  onTap: () => void;
}

/** 我已知晓: a large button until acknowledged, then when it was. */
export function AckBlock({ notice, onAcked, onTap }: AckBlockProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (notice.ackAt !== null) {
    return (
      <View className="ack-block">
        <Text className="acked">✓ 已确认 · {formatDateTime(notice.ackAt)}</Text>
      </View>
    );
  }

  const ack = async () => {
    if (busy) return;
    onTap();
    setBusy(true);
    setError(null);
    try {
      onAcked(await noticesApi('ack', { noticeId: notice.noticeId }));
    } catch (e) {
      setError(errorMessage(e, '确认失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="ack-block">
      <Text className="ack-block__tip">发布人请您阅读后确认</Text>
      <Button className="ack-button" type="primary" size="large" block loading={busy} onClick={() => void ack()}>
        我已知晓
      </Button>
      {error && <Text className="form-error ack-error">{error}</Text>}
    </View>
  );
}
