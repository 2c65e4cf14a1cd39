import { View, Image } from '@tarojs/components';
import { LinkifiedText } from '../../components/linkified-text';
import type { NoticeDetail } from '../../domain/api/notices';
import { paragraphsOf } from '../../utils/linkify';
import { pressable } from '../../utils/pressable';
import { previewImage } from '../../platform/preview-image';

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
      {images.map((img, i) => (
        <View key={img.fileId} className="notice-image" aria-label={`查看图片 ${i + 1}`} {...pressable(() => void previewImage(urls, img.url).catch(() => undefined))}>
          <Image className="notice-image__img" src={img.url} mode="aspectFill" lazyLoad imgProps={{ alt: `通知图片 ${i + 1}` }} />
        </View>
      ))}
    </View>
  );
}
