import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Card } from '../../components/card';
import { FormDialog } from '../../components/form-dialog';
import type { LessonAdminView, LessonsInput } from '../../domain/api/lessons';
import { useRequestId } from '../../hooks/use-request-id';
import { lessonsApi } from '../../platform/api';
import { toastSuccess } from '../../platform/feedback';
import { errorMessage } from '../../utils/error-message';
import { ROUTES } from '../../utils/routes';
import { BasicsFields } from './basics-fields';
import { BlocksEditor } from './blocks-editor';
import { ChaptersEditor } from './chapters-editor';
import { contentOf, draftOf, emptyDraft, problemOf, type LessonDraft } from './draft';
import { QuestionsEditor } from './questions-editor';

interface EditFormProps {
  /** The lesson being edited; null when creating. */
  view: LessonAdminView | null;
  /** Where a new lesson goes: null = the central library. */
  branchId: string | null;
  /** The caller may change this lesson (its library is theirs). */
  canEdit: boolean;
}

const MODE_NOTES = {
  metadata: '已有党员开始学习这课：为保证进度和答题记录准确，音视频、正文、学习时长和测试题已锁定，只能修改标题、简介、标签和来源。',
  locked: '这课已归档，不能修改，也不能再排课。',
} as const;

function leave() {
  const pages = Taro.getCurrentPages();
  if (pages.length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: ROUTES.lessonLibrary });
}

/** Create or edit a lesson; what may change follows the lesson's edit mode. */
export function EditForm({ view, branchId, canEdit }: EditFormProps) {
  const [draft, setDraft] = useState<LessonDraft>(() => (view ? draftOf(view) : emptyDraft()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [archiving, setArchiving] = useState(false);
  // A new lesson is created once for this form, however often 保存 is tapped or retried.
  const createRequest = useRequestId();
  const mode = view?.editMode ?? 'free';
  const readOnly = !canEdit || mode === 'locked';
  const contentLocked = readOnly || mode === 'metadata';
  const update = (fn: (d: LessonDraft) => LessonDraft) => setDraft((d) => fn(d));

  /** What goes to the function; locked parts are sent back exactly as loaded. */
  const content = (): Omit<LessonsInput<'library.create'>, 'branchId' | 'requestId'> => {
    const c = contentOf(draft);
    if (!view || mode === 'free') return c;
    return { ...c, kind: view.kind, durationSec: view.durationSec, chapters: view.chapters, body: view.body, questions: view.questions };
  };

  const save = async () => {
    if (busy || readOnly) return;
    // Locked parts are checked as loaded; only the describing fields come from the form.
    const checked = view && mode !== 'free' ? { ...draftOf(view), title: draft.title, summary: draft.summary, tags: draft.tags, source: draft.source } : draft;
    const problem = problemOf(checked, branchId);
    if (problem) return setError(problem);
    setError(null);
    setBusy(true);
    try {
      if (view) await lessonsApi('library.update', { lessonId: view._id, ...content() });
      else await lessonsApi('library.create', { branchId, ...content(), requestId: createRequest.current() });
      toastSuccess('已保存');
      leave();
    } catch (e) {
      setError(errorMessage(e, '保存失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const archive = async () => {
    if (!view) return;
    await lessonsApi('library.archive', { lessonId: view._id });
    setArchiving(false);
    toastSuccess('已归档');
    leave();
  };

  return (
    <>
      {!canEdit && view && <Text className="edit-mode-note lesson-edit-readonly">这是{view.branchId === null ? '院党委课程库' : '其他支部'}的课程，只能查看，可直接用于排课。</Text>}
      {canEdit && mode !== 'free' && <Text className={`edit-mode-note lesson-edit-mode lesson-edit-mode--${mode}`}>{MODE_NOTES[mode]}</Text>}

      <Card title="基本信息" className="edit-card">
        <BasicsFields draft={draft} update={update} kindLocked={contentLocked || !!view} readOnly={readOnly} />
      </Card>

      <Card title={draft.kind === 'article' ? '正文' : draft.kind === 'video' ? '视频章节' : '音频章节'} className="edit-card">
        {draft.kind === 'article' ? (
          <BlocksEditor draft={draft} update={update} disabled={contentLocked} />
        ) : (
          <ChaptersEditor key={draft.kind} draft={draft} update={update} disabled={contentLocked} />
        )}
      </Card>

      <Card title="课后小测" className="edit-card">
        <QuestionsEditor draft={draft} update={update} disabled={contentLocked} />
      </Card>

      {!readOnly && (
        <View className="block-actions edit-submit">
          {error && <Text className="form-error lesson-edit-error">{error}</Text>}
          <Button className="lesson-save" type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void save()}>
            {view ? '保存修改' : '保存到课程库'}
          </Button>
          {view && (
            <Button className="lesson-archive" fill="outline" type="danger" block onClick={() => setArchiving(true)}>
              归档
            </Button>
          )}
        </View>
      )}
      <FormDialog visible={archiving} title="归档微党课" confirmText="归档" onConfirm={archive} onClose={() => setArchiving(false)}>
        <Text>归档后不能再排课，已学习的记录保留。已排入今后课表的课程需先调整课表。</Text>
      </FormDialog>
    </>
  );
}
