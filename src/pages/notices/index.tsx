import { View, Text } from '@tarojs/components';
import { MeGate } from '../../components/me-gate';
import { Card } from '../../components/card';
import { EmptyView } from '../../components/state-views';
import './index.scss';

/** Placeholder until notices with read receipts land: say so plainly rather than show fake items. */
export default function Notices() {
  return (
    <View className="page page-notices">
      <MeGate>
        {() => (
          <Card className="notices-empty">
            <EmptyView title="暂无通知" />
            <Text className="notices-note">带已读回执的支部通知将在后续版本上线。</Text>
          </Card>
        )}
      </MeGate>
    </View>
  );
}
