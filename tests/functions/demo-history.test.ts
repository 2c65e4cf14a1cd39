import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import { noticesFunction as notices } from '../../cloudfunctions/notices/src/handler';
import { DEMO_HISTORY_DAYS, seedDemoHistory } from '../../cloudfunctions/_local/seed/demo-history';
import { seedDemoLessons } from '../../cloudfunctions/_local/seed/demo-lessons';
import { localMediaStore } from '../../cloudfunctions/_runtime/files/local-media';
import type { Lesson, LessonProgress } from '../../src/domain/lesson/lesson';
import { meetsCompletion } from '../../src/domain/lesson/progress';
import type { Notice, Receipt } from '../../src/domain/notice/types';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { cast } from './notices-fixtures';

async function historyWorld(): Promise<{ world: FunctionWorld; ms: number; seeded: Awaited<ReturnType<typeof seedDemoHistory>> }> {
  const world = await makeWorld();
  await seedDemoLessons(world.storage, localMediaStore(path.join(tmpdir(), `wzb-media-${randomBytes(6).toString('hex')}`)), world.clock.now());
  const t0 = performance.now();
  const seeded = await seedDemoHistory(world.storage, world.clock.now());
  return { world, ms: performance.now() - t0, seeded };
}

// Two seeded worlds (with the demo lessons' generated audio) on a shared machine.
jest.setTimeout(60_000);

describe('the demo hospital with a month of history', () => {
  let world: FunctionWorld;
  let seeded: Awaited<ReturnType<typeof seedDemoHistory>>;
  let ms: number;
  beforeAll(async () => {
    ({ world, ms, seeded } = await historyWorld());
  });

  it('seeds quickly, once, and the same way every time', async () => {
    // About 2 s on the shared 2-core machine (build ~0.7 s, one transaction ~1.2 s); e2e hosts seed it per file.
    expect(ms).toBeLessThan(6000);
    expect(seeded.releases).toBe(14 * DEMO_HISTORY_DAYS);
    expect(seeded.progress).toBeGreaterThan(4000);
    expect(await seedDemoHistory(world.storage, world.clock.now())).toEqual({ releases: 0, progress: 0, notices: 0, receipts: 0 });
    const again = await historyWorld();
    expect(again.seeded).toEqual(seeded);
    const sample = (w: FunctionWorld) => w.storage.collection<LessonProgress>('lessonProgress').find({}, { orderBy: [['_id', 'asc']], limit: 50 });
    expect(await sample(again.world)).toEqual(await sample(world));
  });

  it('keeps the domain rules: completed progress meets completion on its day, unbound members never studied', async () => {
    const all = await world.storage.collection<LessonProgress>('lessonProgress').findAll({});
    const byId = new Map((await world.storage.collection<Lesson>('lessons').findAll({})).map((l) => [l._id, l]));
    for (const p of all.filter((x) => x.completedAt !== null)) expect(meetsCompletion(byId.get(p.lessonId)!, p)).toBe(true);
    const unbound = new Set((await world.storage.collection('members').findAll({ openid: null })).map((m) => m._id));
    expect(all.some((p) => unbound.has(p.memberId))).toBe(false);
  });

  it('gives the committee realistic completion at once: mostly 60–100 %, varying by branch and day, weekends included', async () => {
    const m = await world.ok(lessons, ADMIN, 'stats.committee', { days: 30 });
    const past = m.rows.flatMap((r: any) => r.days.slice(0, -1));
    expect(past.every((d: any) => d.lessonId !== null)).toBe(true);
    const rates = past.map((d: any) => d.ratePercent as number);
    expect(rates.filter((r: number) => r >= 60 && r <= 100).length / rates.length).toBeGreaterThan(0.8);
    expect(new Set(rates).size).toBeGreaterThan(50);
    const summaries = m.rows.map((r: any) => r.summary.ratePercent);
    expect(Math.max(...summaries) - Math.min(...summaries)).toBeGreaterThan(5);
  });

  it('gives a secretary past days with names and notices with reads, acknowledgements, excuses and reminders', async () => {
    const b1 = await cast(world, 'b_demo01');
    const day = await world.ok(lessons, b1.secretary.openid, 'stats.branchDay', { branchId: 'b_demo01', date: '2026-11-20' });
    expect(day.expected).toBe(21);
    expect(day.groups.flatMap((g: any) => g.studied)).toHaveLength(day.completed);
    expect(day.unbound).toHaveLength(5);

    const sent = await world.ok(notices, b1.secretary.openid, 'sent');
    expect(sent.items.length).toBeGreaterThanOrEqual(2);
    const view = await world.ok(notices, b1.secretary.openid, 'track', { noticeId: sent.items[0].noticeId });
    expect(view.counts.read).toBeGreaterThan(0);
    expect(view.counts.unbound).toBe(5);
    const receipts = await world.storage.collection<Receipt>('receipts').findAll({});
    const noticesAll = await world.storage.collection<Notice>('notices').findAll({});
    expect(receipts.some((r) => r.excused)).toBe(true);
    expect(receipts.some((r) => r.ackAt !== null)).toBe(true);
    expect(receipts.some((r) => r.remindCount > 0)).toBe(true);
    // Authors are never their own recipients; counters match the receipts.
    for (const n of noticesAll) {
      const mine = receipts.filter((r) => r.noticeId === n._id);
      expect(mine.some((r) => r.memberId === n.authorId)).toBe(false);
      expect(n.readCount).toBe(mine.filter((r) => r.readAt !== null).length);
      expect(n.recipientCount).toBe(mine.length);
    }
  });
});
