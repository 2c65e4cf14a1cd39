import { parseInput } from '../../src/domain/api/common';
import { lessonsInput } from '../../src/domain/api/lessons';
import type { LessonsAction, LessonsOutput } from '../../src/domain/api/lessons';
import { assertLessonContent, normaliseContent } from '../../src/domain/lesson/library';
import type { LessonContentInput } from '../../src/domain/lesson/lesson';
import { errorOf, questions, videoContent } from './lesson-builders';

/** What the library form sends: content without question ids. */
const content = () => ({ ...videoContent(), questions: questions().map(({ id: _id, ...q }) => q), requestId: 'form-request-id-0001' });
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const messageOf = (action: LessonsAction, input: unknown) => errorOf(() => parseInput(lessonsInput[action], input)).message;

describe('lessons API contract', () => {
  it('has an output type for every action', () => {
    const actions: Record<keyof LessonsOutput, true> = {
      today: true, get: true, progress: true, answer: true, catchup: true, history: true,
      'library.list': true, 'library.get': true, 'library.create': true, 'library.update': true, 'library.archive': true,
      'plan.month': true, 'plan.set': true, 'plan.clear': true, 'plan.bulk': true,
      'stats.branchDay': true, 'stats.branchTrend': true, 'stats.lesson': true, 'stats.committee': true, 'stats.export': true, remind: true,
    };
    const same: Same<keyof LessonsOutput, LessonsAction> = true;
    expect(same).toBe(true);
    expect(Object.keys(lessonsInput).sort()).toEqual(Object.keys(actions).sort());
  });

  it('parses a library lesson the domain accepts, filling defaults', () => {
    const parsed = parseInput(lessonsInput['library.create'], { branchId: null, ...content(), summary: undefined, tags: undefined });
    expect(parsed.summary).toBe('');
    expect(parsed.tags).toEqual([]);
    expect(parsed.body).toEqual([]);
    const { branchId: _b, requestId: _r, ...lessonContent } = parsed;
    // The parsed input is the domain's input type as it is, no cast.
    const input: LessonContentInput = lessonContent;
    expect(() => assertLessonContent(normaliseContent(input))).not.toThrow();
  });

  it('speaks Chinese on missing, unknown and out-of-range fields', () => {
    const { title: _t, ...noTitle } = content();
    expect(messageOf('library.create', { branchId: null, ...noTitle })).toBe('请填写标题');
    expect(messageOf('library.create', { branchId: null, ...content(), title: '长'.repeat(41) })).toBe('标题不能超过 40 个字');
    expect(messageOf('library.create', { branchId: null, ...content(), extra: 1 })).toBe('不支持的字段「extra」');
    expect(messageOf('library.create', { branchId: null, ...content(), tags: ['1', '2', '3', '4', '5', '6'] })).toBe('最多 5 个标签');
    const longChapter = [{ title: '长', fileId: 'f_abcdefgh', durationSec: 361 }];
    expect(messageOf('library.create', { branchId: null, ...content(), chapters: longChapter })).toBe('每个章节不能超过 6 分钟，请拆分为约 5 分钟的章节');
    expect(messageOf('library.create', { branchId: null, ...content(), chapters: [{ title: '缺文件', durationSec: 60 }] })).toBe('章节格式不正确');
    expect(messageOf('library.create', { branchId: null, ...content(), questions: questions().slice(0, 1) })).toBe('请设置 2–3 道测试题');
    expect(messageOf('library.create', { branchId: null, ...content(), body: [{ type: 'video', fileId: 'f_abcdefgh' }] })).toBe('正文格式不正确');
  });

  it('accepts both heartbeat shapes and refuses malformed ones', () => {
    const ok = parseInput(lessonsInput.progress, {
      lessonId: 'L1',
      beats: [{ chapter: 0, from: 0, to: 10.5, playedMs: 10_000 }, { activeMs: 5000, position: 0.4, atEnd: false }],
      resume: { chapter: 0, position: 10.5, at: 1_700_000_000_000 },
    });
    expect(ok.beats).toHaveLength(2);
    expect(messageOf('progress', { lessonId: 'L1', beats: [{ chapter: 0, from: 0, to: Infinity, playedMs: 1 }] })).toBe('进度格式不正确');
    expect(messageOf('progress', { lessonId: 'L1', beats: [{ chapter: 0, from: 0, to: 1, playedMs: 1, extra: 1 }] })).toBe('进度格式不正确');
    expect(messageOf('progress', { lessonId: 'L1', beats: Array(121).fill({ activeMs: 1, position: 0, atEnd: false }) })).toBe('进度格式不正确');
  });

  it('takes answers keyed by question id', () => {
    expect(parseInput(lessonsInput.answer, { lessonId: 'L1', answers: { q1: [0], q2: [0, 2] } }).answers).toEqual({ q1: [0], q2: [0, 2] });
    expect(messageOf('answer', { lessonId: 'L1', answers: { q1: [9] } })).toBe('答案格式不正确');
    expect(messageOf('answer', { lessonId: 'L1', answers: { x: [0] } })).toBe('题目不存在');
  });

  it('needs a branch for branch plans and a real date', () => {
    expect(parseInput(lessonsInput['plan.set'], { scope: 'central', date: '2026-11-23', lessonId: 'L1' }).lessonId).toBe('L1');
    expect(parseInput(lessonsInput['plan.set'], { scope: 'branch', branchId: 'b1', date: '2026-11-23', lessonId: null }).lessonId).toBeNull();
    expect(messageOf('plan.set', { scope: 'branch', date: '2026-11-23', lessonId: null })).toBe('请选择支部');
    expect(messageOf('plan.set', { scope: 'central', date: '2026-02-30', lessonId: 'L1' })).toBe('日期格式不正确');
    expect(messageOf('plan.bulk', { scope: 'branch', branchId: null, start: '2026-11-23', lessonIds: ['a'], days: 'weekdays' })).toBe('请选择支部');
    expect(parseInput(lessonsInput['plan.bulk'], { scope: 'central', start: '2026-11-23', lessonIds: ['a'], days: 'daily' }).overwrite).toBe(false);
    expect(messageOf('plan.month', { month: '2026-13', branchId: null })).toBe('月份格式不正确');
  });

  it('offers 7- and 30-day periods only', () => {
    expect(parseInput(lessonsInput['stats.branchTrend'], { branchId: 'b1', days: 30 }).days).toBe(30);
    expect(messageOf('stats.branchTrend', { branchId: 'b1', days: 14 })).toBe('请选择统计周期（7 天或 30 天）');
    expect(parseInput(lessonsInput['stats.export'], { report: 'committee' }).days).toBe(30);
  });

  it('takes empty payloads where the caller is the only input', () => {
    expect(parseInput(lessonsInput.today, undefined)).toEqual({});
    expect(messageOf('today', { branchId: 'b1' })).toBe('不支持的字段「branchId」');
  });
});
