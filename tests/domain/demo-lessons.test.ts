/**
 * The demo hospital's lessons (cloudfunctions/_local/seed) built through the domain: every one must be
 * a valid library lesson (assertLessonContent via buildLesson, and the library form's input schema),
 * sized as a daily micro-lesson, and the central plan must cycle them over every day.
 */
import * as v from 'valibot';
import { lessonContentEntries } from '../../src/domain/api/lessons';
import { isWeekday } from '../../src/domain/lesson/dates';
import { articleTextLength, assertLessonContent, buildLesson, minReadingSeconds, readingSecondsOf } from '../../src/domain/lesson/library';
import { LESSON_LIMITS } from '../../src/domain/lesson/limits';
import {
  DEMO_LESSON_AUTHOR,
  DEMO_LESSON_SOURCE,
  demoCentralPlan,
  demoLessonContent,
  demoLessonId,
  demoPlanWindow,
} from '../../cloudfunctions/_local/seed/demo-lessons';
import { DEMO_LESSON_PARTS, DEMO_LESSON_TEXTS } from '../../cloudfunctions/_local/seed/lesson-texts';
import { MON_0700, SH, at } from './lesson-builders';

const fakeFileIds = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `f_${String(seed * 10 + i).padStart(24, '0')}`);
const contents = DEMO_LESSON_TEXTS.map((t, i) => demoLessonContent(t, t.kind === 'audio' ? fakeFileIds(t.chapters.length, i) : []));
const formSchema = v.strictObject(lessonContentEntries);

describe('demo lesson texts', () => {
  it('has at least 20 lessons with unique titles, at least 3 of them audio, and leaves no part out of the plan order', () => {
    expect(DEMO_LESSON_TEXTS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(DEMO_LESSON_TEXTS.map((t) => t.title)).size).toBe(DEMO_LESSON_TEXTS.length);
    expect(DEMO_LESSON_TEXTS.filter((t) => t.kind === 'audio').length).toBeGreaterThanOrEqual(3);
    expect(DEMO_LESSON_TEXTS.filter((t) => t.kind === 'article').length).toBeGreaterThan(DEMO_LESSON_TEXTS.length / 2);
    const all = DEMO_LESSON_PARTS.flat();
    expect(DEMO_LESSON_TEXTS.length).toBe(all.length);
    expect(new Set(DEMO_LESSON_TEXTS)).toEqual(new Set(all));
  });

  it.each(contents.map((c) => [c.title, c] as const))('%s builds as a valid central library lesson', (_title, content) => {
    expect(() => assertLessonContent(content)).not.toThrow();
    const lesson = buildLesson(content, { id: 'l_x', branchId: null, by: DEMO_LESSON_AUTHOR.id, byName: DEMO_LESSON_AUTHOR.name, now: 1 });
    expect(lesson).toMatchObject({ status: 'active', branchId: null, createdBy: 'm_H01001', createdByName: '周立群', source: DEMO_LESSON_SOURCE });
    // What the library form would send passes its input schema as well (lengths, counts, file ids).
    const parsed = v.safeParse(formSchema, content);
    expect(parsed.issues?.map((i) => i.message) ?? []).toEqual([]);
    expect(content.title.length).toBeLessThanOrEqual(40);
    expect(content.summary.trim()).not.toBe('');
    expect(content.tags.length).toBeGreaterThan(0);
    expect(content.questions.length).toBeGreaterThanOrEqual(2);
    expect(content.questions.length).toBeLessThanOrEqual(3);
    for (const q of content.questions) {
      expect(q.options.length).toBeGreaterThanOrEqual(3);
      expect(q.options.length).toBeLessThanOrEqual(4);
      expect(q.explanation).toMatch(/。$/);
    }
  });

  it('sizes articles as a daily read: 4–8 blocks of headings and paragraphs, 500–1200 characters, declared time = reading time in whole minutes', () => {
    for (const c of contents.filter((x) => x.kind === 'article')) {
      expect([c.title, c.body.length >= 4 && c.body.length <= 8]).toEqual([c.title, true]);
      const chars = articleTextLength(c.body);
      expect([c.title, chars >= 500 && chars <= 1200]).toEqual([c.title, true]);
      expect(c.body.some((b) => b.type === 'h')).toBe(true);
      expect(c.durationSec % 60).toBe(0);
      expect(c.durationSec).toBeGreaterThanOrEqual(readingSecondsOf(c.body));
      expect(c.durationSec - readingSecondsOf(c.body)).toBeLessThan(60);
      // The minimum time a member must read is the text's real reading time (at least 100 s here).
      expect(minReadingSeconds(c)).toBe(Math.max(60, readingSecondsOf(c.body)));
      expect(minReadingSeconds(c)).toBeGreaterThanOrEqual(100);
    }
  });

  it('marks audio lessons as placeholders, with 20–40 s chapters and the duration their sum', () => {
    for (const c of contents.filter((x) => x.kind === 'audio')) {
      expect(c.summary).toContain('（演示音频）');
      expect(c.chapters.length).toBeGreaterThanOrEqual(2);
      for (const ch of c.chapters) expect([ch.durationSec >= 20, ch.durationSec <= 40, Number.isInteger(ch.durationSec)]).toEqual([true, true, true]);
      expect(c.durationSec).toBe(c.chapters.reduce((s, ch) => s + ch.durationSec, 0));
      expect(c.body).toEqual([]);
    }
  });

  it('refuses an audio lesson without a file per chapter', () => {
    const audio = DEMO_LESSON_TEXTS.find((t) => t.kind === 'audio')!;
    expect(() => demoLessonContent(audio, [])).toThrow('one file id per chapter');
  });
});

describe('demo central plan', () => {
  const ids = DEMO_LESSON_TEXTS.map((_, i) => demoLessonId(i));

  it('covers every day, weekends too, from 30 days ago (the demo history) to 30 days ahead, starting the cycle today', () => {
    // Monday 2026-11-23 07:00 Shanghai.
    const plan = demoCentralPlan(ids, MON_0700);
    expect(demoPlanWindow(MON_0700)).toEqual({ today: '2026-11-23', from: '2026-10-24', to: '2026-12-23' });
    expect(plan[0].date).toBe('2026-10-24');
    expect(plan[plan.length - 1].date).toBe('2026-12-23');
    expect(plan).toHaveLength(61);
    expect(plan.some((d) => !isWeekday(d.date))).toBe(true);
    expect(plan.find((d) => d.date === '2026-11-23')!.lessonId).toBe('l_demo01');
    expect(plan.find((d) => d.date === '2026-11-24')!.lessonId).toBe('l_demo02');
    // The day before takes the end of the cycle.
    expect(plan.find((d) => d.date === '2026-11-22')!.lessonId).toBe(ids[ids.length - 1]);
    // Cycling: consecutive days follow the list, wrapping around.
    for (let k = 1; k < plan.length; k++) {
      const prev = ids.indexOf(plan[k - 1].lessonId);
      expect(plan[k].lessonId).toBe(ids[(prev + 1) % ids.length]);
    }
  });

  it('uses the Shanghai date, and plans the weekend', () => {
    // Saturday 2026-11-21 00:30 in Shanghai is still Friday in UTC.
    const plan = demoCentralPlan(ids, at('2026-11-20T16:30:00Z'));
    expect(demoPlanWindow(at('2026-11-20T16:30:00Z')).today).toBe('2026-11-21');
    expect(plan.find((d) => d.date === '2026-11-21')!.lessonId).toBe('l_demo01');
    expect(plan.find((d) => d.date === '2026-11-22')!.lessonId).toBe('l_demo02');
    expect(SH).toBe(LESSON_LIMITS.defaultTimeZone);
  });

  it('is deterministic', () => {
    expect(demoCentralPlan(ids, MON_0700)).toEqual(demoCentralPlan(ids, MON_0700 + 3600_000));
  });
});
