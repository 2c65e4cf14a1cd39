import { assertStudyable, catchUpItems, catchUpWindow } from '../../src/domain/lesson/catchup';
import { codeOf } from './lesson-builders';

const d = (date: string, lessonId: string | null) => ({ date, lessonId });

describe('catch-up', () => {
  it('covers the 7 days before today', () => {
    expect(catchUpWindow('2026-11-23')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it("offers the window's uncompleted lessons, newest first, without today's or older ones", () => {
    const days = [d('2026-11-15', 'old'), d('2026-11-16', 'a'), d('2026-11-20', 'b'), d('2026-11-21', null), d('2026-11-22', 'c'), d('2026-11-23', 'today')];
    expect(catchUpItems(days, new Set(), '2026-11-23')).toEqual([d('2026-11-22', 'c'), d('2026-11-20', 'b'), d('2026-11-16', 'a')]);
  });

  it('leaves out completed lessons, whenever they were completed', () => {
    const days = [d('2026-11-20', 'b'), d('2026-11-22', 'c')];
    expect(catchUpItems(days, new Set(['c']), '2026-11-23')).toEqual([d('2026-11-20', 'b')]);
  });

  it('offers a lesson planned twice once, under its latest date', () => {
    expect(catchUpItems([d('2026-11-18', 'x'), d('2026-11-21', 'x')], new Set(), '2026-11-23')).toEqual([d('2026-11-21', 'x')]);
  });

  it('does not owe days before the member joined', () => {
    expect(catchUpItems([d('2026-11-18', 'a'), d('2026-11-21', 'b')], new Set(), '2026-11-23', '2026-11-20')).toEqual([d('2026-11-21', 'b')]);
  });
});

describe('what a member may open', () => {
  const base = { lessonId: 'L', date: '2026-11-23' as string | null, today: '2026-11-23', todayReleased: true, dayLessonId: 'L' as string | null, hasProgress: false };
  const code = (over: Partial<typeof base>) => codeOf(() => assertStudyable({ ...base, ...over }));

  it("opens today's lesson once released, and the catch-up days'", () => {
    expect(code({})).toBe('none');
    expect(code({ todayReleased: false })).toBe('LESSON_NOT_RELEASED');
    expect(code({ date: '2026-11-16' })).toBe('none');
    expect(code({ date: '2026-11-15' })).toBe('LESSON_NOT_AVAILABLE');
    expect(code({ date: '2026-11-24' })).toBe('LESSON_NOT_RELEASED');
  });

  it("refuses a lesson that is not the branch's for that day, unless already started", () => {
    expect(code({ dayLessonId: 'other' })).toBe('LESSON_NOT_AVAILABLE');
    expect(code({ dayLessonId: null })).toBe('LESSON_NOT_AVAILABLE');
    expect(code({ date: null })).toBe('LESSON_NOT_AVAILABLE');
    expect(code({ dayLessonId: 'other', date: '2026-10-01', hasProgress: true })).toBe('none');
  });
});
