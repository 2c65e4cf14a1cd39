import { View, Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { TextField } from '../../components/text-field';
import { NOTICE_LIMITS } from '../../domain/notice/limits';
import { ImagesField } from './images-field';
import type { ImageUploads } from './use-image-uploads';

interface ContentFieldsProps {
  title: string;
  body: string;
  onTitle: (value: string) => void;
  onBody: (value: string) => void;
  uploads: ImageUploads;
  disabled?: boolean;
}

/** Title, plain-text body with a counter, and images: shared by publishing and editing. */
export function ContentFields({ title, body, onTitle, onBody, uploads, disabled = false }: ContentFieldsProps) {
  return (
    <>
      <TextField className="compose-title" label="标题" value={title} onChange={onTitle} maxLength={NOTICE_LIMITS.titleMax} placeholder="如：关于本周五主题党日活动的通知" disabled={disabled} />
      <View className="compose-field">
        <Text className="compose-field__label">正文</Text>
        <TextArea
          className="compose-body"
          value={body}
          onChange={onBody}
          maxLength={NOTICE_LIMITS.bodyMax}
          showCount
          autoSize
          disabled={disabled}
          placeholder="通知内容。纯文本，网址会自动识别，党员点击即可复制。"
        />
      </View>
      <ImagesField uploads={uploads} disabled={disabled} />
    </>
  );
}
