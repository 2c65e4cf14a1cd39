import { View, Text } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { ChoiceList } from '../../components/choice-list';
import { TextField } from '../../components/text-field';
import { QUESTION_KIND_LABELS, type QuestionKind } from '../../domain/lesson/lesson';
import { LESSON_LIMITS as L } from '../../domain/lesson/limits';
import { emptyQuestion, type LessonDraft, type QuestionDraft } from './draft';
import { pressable } from '../../utils/pressable';

const LETTERS = 'ABCDEF';

interface QuestionsEditorProps {
  draft: LessonDraft;
  update: (fn: (d: LessonDraft) => LessonDraft) => void;
  disabled: boolean;
}

/** 2–3 questions: single or multiple choice, 2–6 options, the correct ones marked, and an explanation. */
export function QuestionsEditor({ draft, update, disabled }: QuestionsEditorProps) {
  const setQ = (key: string, fn: (q: QuestionDraft) => QuestionDraft) => update((d) => ({ ...d, questions: d.questions.map((q) => (q.key === key ? fn(q) : q)) }));

  const toggleCorrect = (q: QuestionDraft, k: number) =>
    setQ(q.key, (x) => ({
      ...x,
      correct: x.kind === 'single' ? [k] : x.correct.includes(k) ? x.correct.filter((c) => c !== k) : [...x.correct, k].sort((a, b) => a - b),
    }));

  const setKind = (q: QuestionDraft, kind: QuestionKind) => setQ(q.key, (x) => ({ ...x, kind, correct: kind === 'single' ? x.correct.slice(0, 1) : x.correct }));

  const removeOption = (q: QuestionDraft, k: number) =>
    setQ(q.key, (x) => ({
      ...x,
      options: x.options.filter((_, i) => i !== k),
      correct: x.correct.filter((c) => c !== k).map((c) => (c > k ? c - 1 : c)),
    }));

  return (
    <View className="questions-editor">
      <Text className="muted edit-hint">学完后作答，单选只有一个正确答案，多选至少两个。</Text>
      {draft.questions.map((q, qi) => (
        <View key={q.key} className="question-edit">
          <View className="question-edit__head">
            <Text className="question-edit__index">第 {qi + 1} 题</Text>
            {!disabled && draft.questions.length > L.questionsMin && (
              <Text className="edit-link edit-link--danger question-remove" onClick={() => update((d) => ({ ...d, questions: d.questions.filter((x) => x.key !== q.key) }))}>
                删除此题
              </Text>
            )}
          </View>
          {disabled ? (
            <Text className="muted">{QUESTION_KIND_LABELS[q.kind]}</Text>
          ) : (
            <ChoiceList
              className="question-kind"
              choices={(['single', 'multiple'] as const).map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k], className: `question-kind-${k}` }))}
              value={q.kind}
              onChange={(k) => setKind(q, k)}
            />
          )}
          <TextField className="question-prompt" label="题目" value={q.prompt} onChange={(prompt) => setQ(q.key, (x) => ({ ...x, prompt }))} maxLength={L.questionPromptMax} disabled={disabled} />
          <Text className="edit-field__label">选项（点左侧圆圈标记正确答案）</Text>
          {q.options.map((option, k) => {
            const correct = q.correct.includes(k);
            return (
              <View key={k} className={`question-option-row ${correct ? 'is-correct' : ''}`}>
                <Text className={`option-correct ${correct ? 'is-correct' : ''}`} {...pressable(() => !disabled && toggleCorrect(q, k), 'checkbox')} aria-checked={correct} aria-label={`选项 ${LETTERS[k]} 为正确答案`}>
                  {correct ? '✓' : LETTERS[k]}
                </Text>
                <Input
                  className="question-option"
                  value={option}
                  onChange={(text) => setQ(q.key, (x) => ({ ...x, options: x.options.map((o, i) => (i === k ? text : o)) }))}
                  maxLength={L.optionTextMax}
                  placeholder={`选项 ${LETTERS[k]}`}
                  disabled={disabled}
                />
                {!disabled && q.options.length > L.optionsMin && (
                  <Text className="edit-link edit-link--danger option-remove" onClick={() => removeOption(q, k)}>
                    删
                  </Text>
                )}
              </View>
            );
          })}
          {!disabled && q.options.length < L.optionsMax && (
            <Text className="edit-add option-add" onClick={() => setQ(q.key, (x) => ({ ...x, options: [...x.options, ''] }))}>
              + 添加选项
            </Text>
          )}
          <View className="edit-field">
            <Text className="edit-field__label">解析</Text>
            <TextArea
              className="question-explanation"
              value={q.explanation}
              onChange={(explanation) => setQ(q.key, (x) => ({ ...x, explanation }))}
              maxLength={L.explanationMax}
              autoSize
              disabled={disabled}
              placeholder="答题后显示给党员"
            />
          </View>
        </View>
      ))}
      {!disabled && draft.questions.length < L.questionsMax && (
        <Text className="edit-add question-add" onClick={() => update((d) => ({ ...d, questions: [...d.questions, emptyQuestion()] }))}>
          + 添加第 {draft.questions.length + 1} 题
        </Text>
      )}
    </View>
  );
}
