import { View, Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { ChoiceList } from '../../components/choice-list';
import { TextField } from '../../components/text-field';
import { LESSON_KIND_LABELS, LESSON_KINDS, type LessonKind } from '../../domain/lesson/lesson';
import { LESSON_LIMITS as L } from '../../domain/lesson/limits';
import type { LessonDraft } from './draft';

const KIND_HINTS: Record<LessonKind, string> = {
  video: '上传 mp4 视频，可分多节',
  audio: '上传 mp3 / m4a 音频，可分多节',
  article: '文字与图片，大字号阅读',
};

interface BasicsProps {
  draft: LessonDraft;
  update: (fn: (d: LessonDraft) => LessonDraft) => void;
  /** The kind is fixed once members started (or the lesson is archived). */
  kindLocked: boolean;
  /** Everything is read-only (archived, or not the caller's library). */
  readOnly: boolean;
}

/** Kind, title, summary, tags and source: the describing fields (still editable after members start). */
export function BasicsFields({ draft, update, kindLocked, readOnly }: BasicsProps) {
  const set = <K extends keyof LessonDraft>(key: K) => (value: LessonDraft[K]) => update((d) => ({ ...d, [key]: value }));
  return (
    <>
      <View className="edit-field">
        <Text className="edit-field__label">课程类型</Text>
        {kindLocked || readOnly ? (
          <Text className="lesson-edit-kind">{LESSON_KIND_LABELS[draft.kind]}</Text>
        ) : (
          <ChoiceList
            className="lesson-kind-choices"
            choices={LESSON_KINDS.map((k) => ({ value: k, label: LESSON_KIND_LABELS[k], description: KIND_HINTS[k], className: `lesson-kind-${k}` }))}
            value={draft.kind}
            onChange={set('kind')}
          />
        )}
      </View>
      <TextField className="lesson-title-field" label="标题" value={draft.title} onChange={set('title')} maxLength={L.titleMax} placeholder="如：守护生命的初心" disabled={readOnly} />
      <View className="edit-field">
        <Text className="edit-field__label">简介（可选）</Text>
        <TextArea className="lesson-summary-field" value={draft.summary} onChange={set('summary')} maxLength={L.summaryMax} showCount autoSize disabled={readOnly} placeholder="一两句话说明这课讲什么" />
      </View>
      <TextField className="lesson-tags-field" label="标签（可选）" value={draft.tags} onChange={set('tags')} maxLength={60} placeholder="用逗号分隔，如：党史，医德" hint={`最多 ${L.tagsMax} 个，每个不超过 ${L.tagMax} 字`} disabled={readOnly} />
      <TextField className="lesson-source-field" label="来源（可选）" value={draft.source} onChange={set('source')} maxLength={L.sourceMax} placeholder="如：学习强国、院党委宣传科" disabled={readOnly} />
    </>
  );
}
