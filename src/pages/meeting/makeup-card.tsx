import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import type { MeetingDetail } from '../../domain/api/meetings';
import { meetingsApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { errorMessage } from '../../utils/error-message';
import { formatDateTime } from '../../utils/format-time';

/**
 * 补学: a member who was absent or on leave reads the minutes and materials above, then confirms 已学习.
 * The button sits after the minutes, so reaching it means having scrolled past them.
 */
export function MakeupCard({ m, onDone }: { m: MeetingDetail; onDone: (makeupAt: number) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const my = m.my;
  if (!my) return null;
  if (my.makeupAt !== null) {
    return (
      <Card className="meeting-makeup">
        <Text className="makeup-done">✓ 已完成补学 · {formatDateTime(my.makeupAt)}</Text>
      </Card>
    );
  }
  if (!my.makeupDue) return null;

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await meetingsApi('makeupDone', { meetingId: m.meetingId });
      onDone(r.makeupAt);
      toastSuccess('已记录补学');
    } catch (e) {
      setError(errorMessage(e, '提交失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="补学" className="meeting-makeup">
      <Text className="makeup-tip">您{my.outcome === 'leave' ? '请假' : '未能'}参加本次会议。请阅读上面的会议记录{m.materials.length > 0 ? '和会议材料' : ''}，学习后点“已学习”。</Text>
      {error && <Text className="form-error">{error}</Text>}
      <View className="actions">
        <Button className="makeup-confirm" type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void confirm()}>
          已学习
        </Button>
      </View>
    </Card>
  );
}
