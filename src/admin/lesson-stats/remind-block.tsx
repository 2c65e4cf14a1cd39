import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { BranchDayView, LessonReminderView } from '../../domain/api/lessons';
import { lessonsApi } from '../../platform/api';
import { errorMessage } from '../../utils/error-message';
import { formatShortDateTime } from '../../utils/format-time';
import { minutesUntil } from '../../utils/notice-labels';
import { ReachReport } from '../shared/reach-report';

interface RemindBlockProps {
  view: BranchDayView;
  branchId: string;
  now: number;
  onReminded: () => void;
}

/** 提醒未学: one tap reminds exactly those who have not completed today's lesson; 30 minutes apart. */
export function RemindBlock({ view, branchId, now, onReminded }: RemindBlockProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LessonReminderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (view.lessonId === null) return null;
  const pending = view.expected - view.completed;
  const waitUntil = view.remindAvailableAt !== null && view.remindAvailableAt > now ? view.remindAvailableAt : null;

  const remind = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await lessonsApi('remind', { branchId }));
      onReminded();
    } catch (e) {
      setError(errorMessage(e, '提醒失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const label = !view.released
    ? '开放后可提醒'
    : waitUntil !== null
      ? `${minutesUntil(waitUntil, now)} 分钟后可再次提醒`
      : pending <= 0
        ? '全部已学'
        : `提醒未学（${pending} 人）`;

  return (
    <View className="block-actions stats-remind">
      <Text className="muted stats-remind__tip">每人按可用渠道提醒（已授权的微信、企业微信），并在小程序内看到提醒；夜间免打扰时段的提醒在早上发送。每 30 分钟最多提醒一次。</Text>
      <Button className="lesson-remind" type="primary" size="large" block loading={busy} disabled={!view.released || waitUntil !== null || pending <= 0} onClick={() => void remind()}>
        {label}
      </Button>
      {result && (
        <Text className="lesson-remind-result">
          {result.deferredUntil
            ? `已安排提醒 ${result.total} 人：现在是免打扰时段，将于 ${formatShortDateTime(result.deferredUntil, now)} 发送`
            : `已提醒 ${result.total} 人：微信消息 ${result.wechat} 人，仅应用内 ${result.inAppOnly} 人${result.unbound > 0 ? `；未绑定微信的 ${result.unbound} 人无法收到` : ''}`}
        </Text>
      )}
      {result?.reach && <ReachReport report={result.reach} now={now} />}
      {error && <Text className="form-error lesson-remind-error">{error}</Text>}
    </View>
  );
}
