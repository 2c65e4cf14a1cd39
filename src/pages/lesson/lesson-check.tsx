import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { StudyLesson } from './types';
import type { CheckScore } from '../../domain/lesson/check';
import { QUESTION_KIND_LABELS } from '../../domain/lesson/lesson';
import { lessonsApi } from '../../platform/api';
import { errorMessage } from '../../utils/error-message';
import { pressable } from '../../utils/pressable';
import { offerRemindersAtNaturalMoment } from '../../utils/reminder-offer';

const LETTERS = 'ABCDEF';

interface LessonCheckProps {
  lessonId: string;
  questions: StudyLesson['questions'];
  /** Answering opens once the lesson is completed. */
  open: boolean;
  /** The member's first attempt, when they already answered. */
  initial: CheckScore | null;
}

/** The short check: 2–3 questions, answered once the lesson is completed; results with explanations. */
export function LessonCheck({ lessonId, questions, open, initial }: LessonCheckProps) {
  const [answers, setAnswers] = useState<Record<string, number[]>>({});
  const [score, setScore] = useState<CheckScore | null>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (questions.length === 0) return null;

  const choose = (questionId: string, multiple: boolean, option: number) => {
    if (!open || score) return;
    setAnswers((prev) => {
      const had = prev[questionId] ?? [];
      const next = multiple ? (had.includes(option) ? had.filter((k) => k !== option) : [...had, option].sort((a, b) => a - b)) : [option];
      return { ...prev, [questionId]: next };
    });
  };

  const submit = async () => {
    if (busy || !open) return;
    const missing = questions.findIndex((q) => !(answers[q.id]?.length > 0));
    if (missing >= 0) return setError(`请回答第 ${missing + 1} 题`);
    offerRemindersAtNaturalMoment();
    setBusy(true);
    setError(null);
    try {
      setScore(await lessonsApi('answer', { lessonId, answers }));
    } catch (e) {
      setError(errorMessage(e, '提交失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const resultOf = (questionId: string) => score?.results.find((r) => r.questionId === questionId) ?? null;

  return (
    <View className={`lesson-check ${open ? '' : 'is-locked'}`}>
      <View className="lesson-check__head">
        <Text className="lesson-check__title">课后小测</Text>
        {score && (
          <Text className="check-score">
            答对 {score.correctCount} / {score.total}
          </Text>
        )}
      </View>
      {!open && !score && <Text className="check-locked">学完后可答题</Text>}
      {questions.map((q, qi) => {
        const result = resultOf(q.id);
        const chosen = result ? result.chosen : answers[q.id] ?? [];
        const multiple = q.kind === 'multiple';
        return (
          <View key={q.id} className={`check-question ${result ? (result.correct ? 'is-correct' : 'is-incorrect') : ''}`}>
            <View className="check-question__head">
              <Text className="check-question__prompt">
                {qi + 1}. {q.prompt}
              </Text>
              <Tag className="check-question__kind" type={multiple ? 'warning' : 'default'} plain>
                {QUESTION_KIND_LABELS[q.kind]}
              </Tag>
            </View>
            {q.options.map((option, k) => {
              const selected = chosen.includes(k);
              const correctOption = result?.correctOptions.includes(k) ?? false;
              // Once scored, the picking colour (red) gives way to the verdict: green for a right pick, red only for a wrong one.
              const cls = [
                'check-option',
                selected && !result ? 'is-selected' : '',
                selected && result ? 'is-chosen' : '',
                result && correctOption ? 'is-answer' : '',
                result && selected && !correctOption ? 'is-wrong' : '',
                !open || score ? 'is-disabled' : '',
              ].join(' ');
              return (
                <View key={k} className={cls} {...pressable(() => choose(q.id, multiple, k))}>
                  <Text className="check-option__letter">{LETTERS[k]}</Text>
                  <Text className="check-option__text">{option}</Text>
                  {result && correctOption && <Text className="check-option__mark">✓</Text>}
                  {result && selected && !correctOption && <Text className="check-option__mark">✗</Text>}
                </View>
              );
            })}
            {result && (
              <View className={`check-result ${result.correct ? 'is-correct' : 'is-incorrect'}`}>
                <Text className="check-result__verdict">
                  {result.correct ? '回答正确' : `回答错误，正确答案：${result.correctOptions.map((k) => LETTERS[k]).join('、')}`}
                </Text>
                <Text className="check-explanation">解析：{result.explanation}</Text>
              </View>
            )}
          </View>
        );
      })}
      {!score && (
        <View className="lesson-check__submit">
          {error && <Text className="form-error check-error">{error}</Text>}
          <Button className="check-submit" type="primary" size="large" block loading={busy} disabled={!open} onClick={() => void submit()}>
            {open ? '提交答案' : '学完后可答题'}
          </Button>
        </View>
      )}
    </View>
  );
}
