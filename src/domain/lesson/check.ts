import { AppError } from '../shared/errors';
import type { CheckQuestion, CheckRecord, QuestionKind } from './lesson';

/**
 * The short check after a lesson, scored on the server. Before answering, clients get questions
 * without the correct options or explanations; after answering, each result carries both.
 */

export type PublicQuestion = { id: string; kind: QuestionKind; prompt: string; options: string[] };

/** A question as it may be sent before answering: no correct options, no explanation. */
export const toPublicQuestion = (q: CheckQuestion): PublicQuestion => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: [...q.options] });

export type QuestionResult = {
  questionId: string;
  /** Chosen option indexes, ascending. */
  chosen: number[];
  correct: boolean;
  correctOptions: number[];
  explanation: string;
};

export type CheckScore = { results: QuestionResult[]; correctCount: number; total: number };

/** questionId → chosen option indexes. */
export type Answers = Record<string, ReadonlyArray<number>>;

/**
 * Scores answers. Every question must be answered (single: one option; multiple: at least one); a
 * multiple-choice answer is correct only when it picks exactly the correct options (no partial credit).
 */
export function scoreAnswers(questions: ReadonlyArray<CheckQuestion>, answers: Answers): CheckScore {
  const known = new Set(questions.map((q) => q.id));
  if (Object.keys(answers).some((k) => !known.has(k))) throw new AppError('BAD_REQUEST', '题目已更新，请刷新后重新作答');
  const results = questions.map((q, i): QuestionResult => {
    const raw = answers[q.id];
    if (!raw || raw.length === 0) throw new AppError('LESSON_ANSWERS_INCOMPLETE', `请回答第 ${i + 1} 题`);
    const chosen = [...new Set(raw)].sort((a, b) => a - b);
    if (chosen.some((k) => !Number.isInteger(k) || k < 0 || k >= q.options.length)) throw new AppError('BAD_REQUEST', `第 ${i + 1} 题的选项不正确`);
    if (q.kind === 'single' && chosen.length !== 1) throw new AppError('BAD_REQUEST', `第 ${i + 1} 题是单选题，只能选一项`);
    const correctOptions = [...q.correct].sort((a, b) => a - b);
    const correct = chosen.length === correctOptions.length && chosen.every((k, j) => k === correctOptions[j]);
    return { questionId: q.id, chosen, correct, correctOptions, explanation: q.explanation };
  });
  return { results, correctCount: results.filter((r) => r.correct).length, total: results.length };
}

/** The stored form of a scored attempt (progress keeps the first one for stats). */
export function checkRecordOf(score: CheckScore, now: number): CheckRecord {
  return {
    answers: Object.fromEntries(score.results.map((r) => [r.questionId, r.chosen])),
    correct: Object.fromEntries(score.results.map((r) => [r.questionId, r.correct])),
    correctCount: score.correctCount,
    total: score.total,
    at: now,
  };
}

/** Re-scores a stored attempt for display (e.g. when the member reopens a lesson they already answered). */
export const scoreOfRecord = (questions: ReadonlyArray<CheckQuestion>, record: CheckRecord): CheckScore => scoreAnswers(questions, record.answers);
