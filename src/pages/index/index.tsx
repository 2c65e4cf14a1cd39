import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

export default function Index() {
  return (
    <View>
      <Text>微支部</Text>
      <Button type="primary">开始</Button>
    </View>
  );
}
