import { useRef, useState } from 'react';
import { View, Text, Image } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { TextField } from '../../components/text-field';
import { UploadingOverlay } from '../../components/uploading-overlay';
import { LESSON_LIMITS as L } from '../../domain/lesson/limits';
import { ERROR_MESSAGES } from '../../domain/shared/errors';
import { chooseImages } from '../../platform/choose-images';
import { MAX_IMAGE_BYTES } from '../../platform/image-types';
import { uploadImage } from '../../platform/upload-image';
import { errorMessage } from '../../utils/error-message';
import { nextKey, suggestedMinutes, type BlockDraft, type LessonDraft } from './draft';

interface BlocksEditorProps {
  draft: LessonDraft;
  update: (fn: (d: LessonDraft) => LessonDraft) => void;
  disabled: boolean;
}

const BLOCK_LABELS = { p: '段落', h: '小标题', img: '图片' } as const;

/** The article body as blocks (paragraph, subheading, image), and its reading time. */
export function BlocksEditor({ draft, update, disabled }: BlocksEditorProps) {
  const [error, setError] = useState<string | null>(null);
  const updateRef = useRef(update);
  updateRef.current = update;
  const images = draft.body.filter((b) => b.type === 'img').length;

  const setBlock = (key: string, change: Partial<BlockDraft>) =>
    update((d) => ({ ...d, body: d.body.map((b) => (b.key === key ? ({ ...b, ...change } as BlockDraft) : b)) }));
  const add = (block: BlockDraft) => update((d) => (d.body.length >= L.articleBlocksMax ? d : { ...d, body: [...d.body, block] }));
  const move = (index: number, by: number) =>
    update((d) => {
      const list = [...d.body];
      const to = index + by;
      if (to < 0 || to >= list.length) return d;
      [list[index], list[to]] = [list[to], list[index]];
      return { ...d, body: list };
    });

  const addImage = async () => {
    setError(null);
    if (images >= L.articleImagesMax) return setError(`正文最多 ${L.articleImagesMax} 张图片`);
    const picked = (await chooseImages(1))[0];
    if (!picked) return;
    if (picked.size > MAX_IMAGE_BYTES) return setError(ERROR_MESSAGES.FILE_TOO_LARGE);
    const key = nextKey('b');
    add({ key, type: 'img', fileId: null, url: picked.path, uploading: true });
    try {
      const { fileId, url } = await uploadImage(picked);
      updateRef.current((d) => ({ ...d, body: d.body.map((b) => (b.key === key ? { key, type: 'img', fileId, url: url || picked.path, uploading: false } : b)) }));
    } catch (e) {
      updateRef.current((d) => ({ ...d, body: d.body.filter((b) => b.key !== key) }));
      setError(errorMessage(e, '图片上传失败，请重试'));
    }
  };

  const suggestion = suggestedMinutes(draft.body);
  return (
    <View className="blocks-editor">
      {draft.body.map((b, i) => (
        <View key={b.key} className={`lesson-block lesson-block--${b.type}`}>
          <View className="lesson-block__head">
            <Text className="lesson-block__label">{BLOCK_LABELS[b.type]}</Text>
            {!disabled && (
              <View className="edit-row-actions">
                <Text className="edit-link block-up" onClick={() => move(i, -1)}>
                  上移
                </Text>
                <Text className="edit-link block-down" onClick={() => move(i, 1)}>
                  下移
                </Text>
                <Text className="edit-link edit-link--danger block-remove" onClick={() => update((d) => ({ ...d, body: d.body.filter((x) => x.key !== b.key) }))}>
                  删除
                </Text>
              </View>
            )}
          </View>
          {b.type === 'p' && (
            <TextArea
              className="block-text"
              value={b.text}
              onChange={(text) => setBlock(b.key, { text })}
              maxLength={L.articleBlockTextMax}
              autoSize
              disabled={disabled}
              placeholder="正文段落"
            />
          )}
          {b.type === 'h' && <Input className="block-heading" value={b.text} onChange={(text) => setBlock(b.key, { text })} maxLength={L.titleMax} disabled={disabled} placeholder="小标题" />}
          {b.type === 'img' && (
            <View className="lesson-block__image">
              <Image className="lesson-block__img" src={b.url} mode="widthFix" />
              {b.uploading && (
                <UploadingOverlay />
              )}
            </View>
          )}
        </View>
      ))}
      {error && <Text className="form-error block-error">{error}</Text>}
      {!disabled && (
        <View className="edit-add-row">
          <Text className="edit-add block-add-p" onClick={() => add({ key: nextKey('b'), type: 'p', text: '' })}>
            + 段落
          </Text>
          <Text className="edit-add block-add-h" onClick={() => add({ key: nextKey('b'), type: 'h', text: '' })}>
            + 小标题
          </Text>
          <Text className="edit-add block-add-img" onClick={() => void addImage()}>
            + 图片
          </Text>
        </View>
      )}
      <TextField
        className="lesson-minutes"
        label="学习时长（分钟）"
        value={draft.minutes}
        onChange={(minutes) => update((d) => ({ ...d, minutes }))}
        maxLength={4}
        placeholder={`按字数建议 ${suggestion} 分钟`}
        hint={`1–15 分钟；不填按字数约 ${suggestion} 分钟。党员需读到文末并阅读足够时间才算完成。`}
        disabled={disabled}
      />
    </View>
  );
}
