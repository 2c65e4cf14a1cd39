import { View, Text } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import './index.scss';

/** A dimmed cover with a spinner and 上传中 over an image still uploading (notice images, lesson images). */
export function UploadingOverlay() {
  return (
    <View className="uploading-overlay">
      <Loading type="spinner" />
      <Text className="uploading-overlay__text">上传中</Text>
    </View>
  );
}
