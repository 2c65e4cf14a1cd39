import { checkRecordOf, scoreAnswers, scoreOfRecord, toPublicQuestion } from '../../src/domain/lesson/check';
import { codeOf, errorOf, questions } from './lesson-builders';

const qs = questions(); // q1 single [0]; q2 multiple [0, 1, 2] of 4

describe('public questions', () => {
  it('carry no correct options and no explanation', () => {
    const pub = qs.map(toPublicQuestion);
    expect(pub[1]).toEqual({ id: 'q2', kind: 'multiple', prompt: '三会一课包括哪些？', options: ['支部党员大会', '支部委员会', '党小组会', '运动会'] });
    const wire = JSON.stringify(pub);
    expect(wire).not.toContain('correct');
    expect(wire).not.toContain('explanation');
    expect(wire).not.toContain('党章总纲');
  });

  it('do not share arrays with the stored question', () => {
    const pub = toPublicQuestion(qs[0]);
    pub.options.push('x');
    expect(qs[0].options).toHaveLength(2);
  });
});

describe('scoring', () => {
  it('marks each question with the correct options and the explanation', () => {
    const s = scoreAnswers(qs, { q1: [0], q2: [2, 0, 1] });
    expect(s).toEqual({
      correctCount: 2,
      total: 2,
      results: [
        { questionId: 'q1', chosen: [0], correct: true, correctOptions: [0], explanation: '党章总纲明确规定。' },
        { questionId: 'q2', chosen: [0, 1, 2], correct: true, correctOptions: [0, 1, 2], explanation: qs[1].explanation },
      ],
    });
  });

  it('gives no partial credit on multiple choice', () => {
    expect(scoreAnswers(qs, { q1: [1], q2: [0, 1] }).results.map((r) => r.correct)).toEqual([false, false]);
    expect(scoreAnswers(qs, { q1: [0], q2: [0, 1, 2, 3] }).correctCount).toBe(1);
    expect(scoreAnswers(qs, { q1: [0], q2: [0, 1, 1, 2] }).correctCount).toBe(2);
  });

  it('needs every question answered and valid options', () => {
    expect(codeOf(() => scoreAnswers(qs, { q1: [0] }))).toBe('LESSON_ANSWERS_INCOMPLETE');
    expect(errorOf(() => scoreAnswers(qs, { q1: [0], q2: [] })).message).toBe('请回答第 2 题');
    expect(codeOf(() => scoreAnswers(qs, { q1: [0], q2: [4] }))).toBe('BAD_REQUEST');
    expect(codeOf(() => scoreAnswers(qs, { q1: [0, 1], q2: [0] }))).toBe('BAD_REQUEST');
    expect(codeOf(() => scoreAnswers(qs, { q1: [0], q2: [0], q9: [0] }))).toBe('BAD_REQUEST');
  });

  it('stores an attempt and scores it again for display', () => {
    const s = scoreAnswers(qs, { q1: [1], q2: [0, 1, 2] });
    const rec = checkRecordOf(s, 42);
    expect(rec).toEqual({ answers: { q1: [1], q2: [0, 1, 2] }, correct: { q1: false, q2: true }, correctCount: 1, total: 2, at: 42 });
    expect(scoreOfRecord(qs, rec)).toEqual(s);
  });
});
