import { useEffect, useRef, useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { TextField } from '../../components/text-field';
import { LESSON_LIMITS as L } from '../../domain/lesson/limits';
import { attachMediaPicker, type MediaPicker, type PickedMedia } from '../../platform/choose-media';
import { titleFromName } from '../../platform/media-types';
import { uploadMedia } from '../../platform/upload-media';
import { errorMessage } from '../../utils/error-message';
import { clockText, durationText } from '../../utils/lesson-format';
import { nextKey, type ChapterDraft, type LessonDraft } from './draft';

interface ChaptersEditorProps {
  draft: LessonDraft;
  update: (fn: (d: LessonDraft) => LessonDraft) => void;
  disabled: boolean;
}

const patch = (key: string, change: Partial<ChapterDraft>) => (d: LessonDraft): LessonDraft => ({
  ...d,
  chapters: d.chapters.map((c) => (c.key === key ? { ...c, ...change } : c)),
});

/** Video / audio chapters: each a title and a media file uploaded at once, with its progress and length. */
export function ChaptersEditor({ draft, update, disabled }: ChaptersEditorProps) {
  const kind = draft.kind === 'video' ? 'video' : 'audio';
  const label = kind === 'video' ? '视频' : '音频';
  const [error, setError] = useState<string | null>(null);
  const picker = useRef<MediaPicker | null>(null);
  const replacing = useRef<string | null>(null);
  const updateRef = useRef(update);
  updateRef.current = update;

  const upload = (key: string, media: PickedMedia) => {
    uploadMedia(media, (progress) => updateRef.current(patch(key, { progress })))
      .then(({ fileId, url }) => updateRef.current(patch(key, { fileId, url: url || media.path, progress: null })))
      .catch((e: unknown) => {
        setError(`上传失败：${errorMessage(e, '请检查网络后重试')}`);
        updateRef.current((d) => ({ ...d, chapters: d.chapters.filter((c) => c.key !== key) }));
      });
  };

  const onPick = (media: PickedMedia) => {
    setError(null);
    const target = replacing.current;
    replacing.current = null;
    const change = { fileId: null, url: media.path, durationSec: media.durationSec, manual: media.durationSec === null, progress: 0 };
    if (target) {
      updateRef.current(patch(target, change));
      upload(target, media);
      return;
    }
    const key = nextKey('c');
    updateRef.current((d) => {
      if (d.chapters.length >= L.chaptersMax) return d;
      return { ...d, chapters: [...d.chapters, { key, title: titleFromName(media.name) || `第 ${d.chapters.length + 1} 节`, ...change }] };
    });
    upload(key, media);
  };
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  useEffect(() => {
    if (disabled) return undefined;
    const p = attachMediaPicker({ kind, className: 'lesson-media-input', onPick: (m) => onPickRef.current(m), onError: setError });
    picker.current = p;
    return () => {
      picker.current = null;
      p.detach();
    };
  }, [kind, disabled]);

  const move = (index: number, by: number) =>
    update((d) => {
      const list = [...d.chapters];
      const to = index + by;
      if (to < 0 || to >= list.length) return d;
      [list[index], list[to]] = [list[to], list[index]];
      return { ...d, chapters: list };
    });

  const total = draft.chapters.reduce((s, c) => s + (c.durationSec ?? 0), 0);

  return (
    <View className="chapters-editor">
      <Text className="muted edit-hint">
        每节不超过 6 分钟（建议约 5 分钟），全课不超过 15 分钟。{draft.chapters.length > 0 ? `当前共 ${draft.chapters.length} 节，约 ${durationText(total)}。` : ''}
      </Text>
      {draft.chapters.map((c, i) => (
        <View key={c.key} className={`lesson-chapter-edit ${c.progress !== null ? 'is-uploading' : ''}`}>
          <View className="lesson-chapter-edit__head">
            <Text className="lesson-chapter-edit__index">第 {i + 1} 节</Text>
            <Text className="chapter-duration-text">{c.durationSec ? clockText(c.durationSec) : '时长未知'}</Text>
          </View>
          <TextField className="chapter-title" label="章节标题" value={c.title} onChange={(title) => update(patch(c.key, { title }))} maxLength={L.chapterTitleMax} disabled={disabled} />
          {c.manual && !disabled && (
            <View className="edit-inline">
              <Text className="edit-inline__label">时长（秒）</Text>
              <Input
                className="chapter-duration"
                type="number"
                value={c.durationSec ? String(c.durationSec) : ''}
                placeholder="未能读取时长，请填写"
                onInput={(e) => update(patch(c.key, { durationSec: Math.round(Number(e.detail.value)) || null }))}
              />
            </View>
          )}
          {(c.durationSec ?? 0) > L.chapterMaxSec && <Text className="form-error chapter-too-long">这一节超过 6 分钟，请拆分为约 5 分钟的章节</Text>}
          {c.progress !== null && (
            <View className="upload-progress">
              <View className="upload-progress__track">
                <View className="upload-progress__fill" style={{ width: `${c.progress}%` }} />
              </View>
              <Text className="upload-progress__text">上传中 {c.progress}%</Text>
            </View>
          )}
          {!disabled && (
            <View className="edit-row-actions">
              <Text className="edit-link chapter-up" onClick={() => move(i, -1)}>
                上移
              </Text>
              <Text className="edit-link chapter-down" onClick={() => move(i, 1)}>
                下移
              </Text>
              <Text
                className="edit-link chapter-replace"
                onClick={() => {
                  replacing.current = c.key;
                  picker.current?.open();
                }}
              >
                更换{label}
              </Text>
              <Text className="edit-link edit-link--danger chapter-remove" onClick={() => update((d) => ({ ...d, chapters: d.chapters.filter((x) => x.key !== c.key) }))}>
                删除
              </Text>
            </View>
          )}
        </View>
      ))}
      {error && <Text className="form-error media-upload-error">{error}</Text>}
      {!disabled && draft.chapters.length < L.chaptersMax && (
        <Button
          className="chapter-add"
          fill="outline"
          type="primary"
          block
          onClick={() => {
            replacing.current = null;
            picker.current?.open();
          }}
        >
          + 上传{label}（第 {draft.chapters.length + 1} 节）
        </Button>
      )}
    </View>
  );
}
