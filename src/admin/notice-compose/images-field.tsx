import { View, Text, Image } from '@tarojs/components';
import { UploadingOverlay } from '../../components/uploading-overlay';
import { NOTICE_LIMITS } from '../../domain/notice/limits';
import type { ImageUploads } from './use-image-uploads';
import { pressable } from '../../utils/pressable';

/** Thumbnails with a remove button each, a spinner while uploading, and an add tile while there is room. */
export function ImagesField({ uploads, disabled = false, label = '图片' }: { uploads: ImageUploads; disabled?: boolean; label?: string }) {
  const { slots } = uploads;
  return (
    <View className="compose-field">
      <Text className="compose-field__label">
        {label}（可选，{slots.length}/{NOTICE_LIMITS.imagesMax}）
      </Text>
      <View className="compose-images">
        {slots.map((s) => (
          <View key={s.key} className={`compose-image ${s.uploading ? 'is-uploading' : 'is-uploaded'}`}>
            <Image className="compose-image__img" src={s.preview} mode="aspectFill" />
            {s.uploading && (
              <UploadingOverlay />
            )}
            {!disabled && (
              <View className="compose-image-remove" {...pressable(() => uploads.remove(s.key))} aria-label="删除图片">
                <Text>×</Text>
              </View>
            )}
          </View>
        ))}
        {!disabled && slots.length < NOTICE_LIMITS.imagesMax && (
          <View className="compose-images-add" {...pressable(() => void uploads.add())}>
            <Text className="compose-images-add__plus">+</Text>
            <Text className="compose-images-add__text">添加图片</Text>
          </View>
        )}
      </View>
      {uploads.error && <Text className="form-error compose-images-error">{uploads.error}</Text>}
    </View>
  );
}
