import { View, Text } from '@tarojs/components';
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import './index.scss';

/** Placeholder while loading: grey bars where the content will be, plus words for screen readers. */
export function LoadingView({ rows = 4 }: { rows?: number }) {
  return (
    <View className="state-loading" role="status" aria-label="加载中">
      <Skeleton rows={rows} animated />
      <Text className="state-loading__text">加载中…</Text>
    </View>
  );
}

/** A failed load: the server's message verbatim and a way to try again. */
export function ErrorView({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="state-error">
      <Text className="state-error__title">加载失败</Text>
      <Text className="error-message">{message}</Text>
      <Button className="retry-button" type="primary" size="large" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

export function EmptyView({ title, description }: { title: string; description?: string }) {
  return (
    <View className="state-empty">
      {/* NutUI's default picture is on a public CDN: hospitals on an intranet would see a broken image. */}
      <Empty image={<View className="empty-art" />} imageSize={72} title={title} description={description} />
    </View>
  );
}
