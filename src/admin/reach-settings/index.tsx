import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Card } from '../../components/card';
import { PercentBar } from '../../components/percent-bar';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useAsync } from '../../hooks/use-async';
import { orgApi } from '../../platform/api';
import type { ReachSettingsView } from '../../domain/api/org';
import { ChannelsCard } from './channels-card';
import { RulesForm } from './rules-form';
import './index.scss';
import { withPageDisplay } from '../../components/page-display';

function SmsBudgetCard({ sms }: { sms: ReachSettingsView['sms'] }) {
  const [year, month] = sms.month.split('-');
  return (
    <Card title="短信额度" className="reach-sms">
      <Text className="reach-sms__month">
        {year} 年 {Number(month)} 月
      </Text>
      <View className="reach-sms__numbers">
        <View className="reach-sms__cell">
          <Text className="reach-sms__value sms-used">{sms.used}</Text>
          <Text className="reach-sms__label">已用</Text>
        </View>
        <View className="reach-sms__cell">
          <Text className="reach-sms__value sms-left">{sms.left}</Text>
          <Text className="reach-sms__label">剩余</Text>
        </View>
        <View className="reach-sms__cell">
          <Text className="reach-sms__value sms-cap">{sms.cap}</Text>
          <Text className="reach-sms__label">上限</Text>
        </View>
      </View>
      {sms.cap > 0 ? <PercentBar percent={(sms.used / sms.cap) * 100} /> : <Text className="reach-note">上限为 0：不发送短信。</Text>}
    </Card>
  );
}

/** The committee admin's reminder channels: status, test sends, the SMS budget and the reminder rules. */
function ReachSettingsPage() {
  const state = useAsync(() => orgApi('reach.settings', {}), []);
  const [view, setView] = useState<ReachSettingsView | null>(null);
  useEffect(() => {
    if (state.data) setView(state.data);
  }, [state.data]);

  let body: JSX.Element;
  if (state.error && !view) body = <ErrorView message={state.error} onRetry={state.reload} />;
  else if (!view) body = <LoadingView rows={6} />;
  else {
    body = (
      <>
        <ChannelsCard channels={view.channels} onSent={() => void state.reload()} />
        <SmsBudgetCard sms={view.sms} />
        <RulesForm key={view.settings.updatedAt} rules={view.settings} onSaved={setView} />
      </>
    );
  }
  return <View className="page page-reach-settings">{body}</View>;
}

export default withPageDisplay(ReachSettingsPage);
