import { View, Text } from '@tarojs/components';
import './index.scss';

/** Shown on every tab page when the local host runs with seeded demo data. */
export function DemoBanner() {
  return (
    <View className="demo-banner">
      <Text className="demo-banner__badge">演示模式</Text>
      <Text className="demo-banner__text">当前为演示数据，仅供体验</Text>
    </View>
  );
}
