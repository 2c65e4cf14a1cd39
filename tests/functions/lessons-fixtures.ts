import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import { PNG_1PX } from '../contract/images';
import { requestId, type FunctionWorld } from './harness';

/**
 * Builders for lesson tests. The demo hospital is seeded at 2026-11-22T01:00Z, which is Sunday
 * 2026-11-22 09:00 in Shanghai; every branch releases at 07:00 Asia/Shanghai (23:00Z the day before).
 * Tests run with TZ=UTC, so a local-time bug fails.
 */

/** The instant of a wall-clock time in Shanghai: `sh('2026-11-23', '07:00')` is 2026-11-22T23:00Z. */
export const sh = (date: string, clock: string): number => Date.parse(`${date}T${clock}:00+08:00`);

/** Moves the fake clock to a Shanghai wall-clock time. */
export const setShanghai = (world: FunctionWorld, date: string, clock: string): void => {
  world.clock.t = sh(date, clock);
};

/** Stored files to reference as media (the local store checks existence only; the bytes are a 1-px PNG). */
export async function storedFiles(world: FunctionWorld, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await world.files.save(PNG_1PX, 'image/png'));
  return ids;
}

/** The check as the library form sends it (no ids). */
export const formQuestions = () => [
  { kind: 'single', prompt: '党的根本宗旨是什么？', options: ['全心全意为人民服务', '发展经济', '科技创新'], correct: [0], explanation: '党章总纲明确规定。' },
  { kind: 'multiple', prompt: '“三会一课”中的三会包括哪些？', options: ['支部党员大会', '支部委员会', '党小组会', '运动会'], correct: [0, 1, 2], explanation: '三会：党员大会、支委会、党小组会；一课：党课。' },
];

/** The right answers to formQuestions, and wrong ones. */
export const RIGHT = { q1: [0], q2: [2, 0, 1] };
export const WRONG = { q1: [1], q2: [0, 1] };

/** A short video lesson: two 60-second chapters (so a full play is 12 saves of 10 s). */
export const videoInput = (fileIds: string[], over: Record<string, unknown> = {}) => ({
  branchId: null,
  kind: 'video',
  title: '学习党章第一章',
  summary: '总纲与党员的义务',
  tags: ['党章'],
  source: '院党委',
  chapters: [
    { title: '第一节', fileId: fileIds[0], durationSec: 60 },
    { title: '第二节', fileId: fileIds[1] ?? fileIds[0], durationSec: 60 },
  ],
  questions: formQuestions(),
  requestId: requestId(),
  ...over,
});

/** An article of 600 characters: a 2-minute minimum reading time, 5 minutes declared. */
export const articleInput = (over: Record<string, unknown> = {}) => ({
  branchId: null,
  kind: 'article',
  title: '读原著学原文',
  summary: '',
  durationSec: 300,
  body: [
    { type: 'h', text: '一、学习的意义' },
    { type: 'p', text: '学'.repeat(593) },
  ],
  questions: formQuestions(),
  requestId: requestId(),
  ...over,
});

export async function createVideo(world: FunctionWorld, openid: string | null, over: Record<string, unknown> = {}) {
  return world.ok(lessons, openid, 'library.create', videoInput(await storedFiles(world, 2), over));
}

export const createArticle = (world: FunctionWorld, openid: string | null, over: Record<string, unknown> = {}) =>
  world.ok(lessons, openid, 'library.create', articleInput(over));

export const planCentral = (world: FunctionWorld, openid: string | null, date: string, lessonId: string | null) =>
  world.ok(lessons, openid, 'plan.set', { scope: 'central', date, lessonId });

export const planBranch = (world: FunctionWorld, openid: string | null, branchId: string, date: string, lessonId: string | null) =>
  world.ok(lessons, openid, 'plan.set', { scope: 'branch', branchId, date, lessonId });

/**
 * Plays chapters as a player would: a save every 10 s of real time with the segment just played and
 * where the member is, the clock moving along. Returns the last save's answer.
 */
export async function playThrough(world: FunctionWorld, openid: string | null, lessonId: string, chapterSecs: number[], speed = 1) {
  let last: any = null;
  for (let c = 0; c < chapterSecs.length; c++) {
    for (let t = 0; t < chapterSecs[c]; t += 10 * speed) {
      const to = Math.min(t + 10 * speed, chapterSecs[c]);
      const playedMs = Math.round(((to - t) / speed) * 1000);
      world.clock.advance(playedMs);
      last = await world.ok(lessons, openid, 'progress', { lessonId, beats: [{ chapter: c, from: t, to, playedMs }], resume: { chapter: c, position: to, at: world.clock.t } });
    }
  }
  return last;
}

/** Reads an article: beats of 10 s active reading, scrolling evenly, the end in view on the last one. */
export async function readThrough(world: FunctionWorld, openid: string | null, lessonId: string, seconds: number) {
  let last: any = null;
  for (let s = 10; s <= seconds; s += 10) {
    world.clock.advance(10_000);
    last = await world.ok(lessons, openid, 'progress', { lessonId, beats: [{ activeMs: 10_000, position: s / seconds, atEnd: s >= seconds }] });
  }
  return last;
}
