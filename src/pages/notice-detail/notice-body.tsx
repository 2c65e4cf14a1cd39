import Taro from '@tarojs/taro';
import { View, Image } from '@tarojs/components';
import { LinkifiedText } from '../../components/linkified-text';
import type { NoticeDetail } from '../../domain/api/notices';
import { paragraphsOf } from '../../utils/linkify';
import { pressable } from '../../utils/pressable';

/** The body as plain text, one Text per line: markup a publisher typed shows as typed, never runs. */
export function NoticeBody({ body }: { body: string }) {
  return (
    <View className="notice-body">
      {paragraphsOf(body).map((line, i) =>
        line.trim() === '' ? <View key={i} className="notice-body__gap" /> : <LinkifiedText key={i} className="notice-paragraph" text={line} />,
      )}
    </View>
  );
}

/** Three to a row; tap opens WeChat's (or the browser's) image viewer on that picture. */
export function NoticeImages({ images }: { images: NoticeDetail['images'] }) {
  if (images.length === 0) return null;
  const urls = images.map((img) => img.url);
  return (
    <View className="notice-images">
      {images.map((img) => (
        <View key={img.fileId} className="notice-image" {...pressable(() => void Taro.previewImage({ urls, current: img.url }))}>
          <Image className="notice-image__img" src={img.url} mode="aspectFill" lazyLoad />
        </View>
      ))}
    </View>
  );
}
