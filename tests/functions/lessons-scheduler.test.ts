import { runScheduler } from '../../cloudfunctions/scheduler/src/handler';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import type { LessonRelease } from '../../src/domain/lesson/lesson';
import type { Notice } from '../../src/domain/notice/types';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { createVideo, planCentral, setShanghai, sh } from './lessons-fixtures';
import { publishAs } from './notices-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

const timerCtx = (w: FunctionWorld): FunctionContext => ({ openid: null, storage: w.storage, now: w.clock.now, randomBytes: (n) => new Uint8Array(n), demo: true, wechat: w.wechat, files: w.files, channels: w.channels });

describe('the scheduler tick', () => {
  it('releases due notices and lesson days once, however often and however late it fires', async () => {
    const lesson = await createVideo(world, ADMIN);
    await planCentral(world, ADMIN, '2026-11-23', lesson._id);
    const { noticeId } = await publishAs(world, ADMIN, { audience: { kind: 'all' }, publishAt: sh('2026-11-23', '06:00') });
    await runScheduler(timerCtx(world)); // up to date on Sunday morning
    // The timer was down overnight; it fires twice at once at 07:30 on the 23rd, then again a minute later.
    setShanghai(world, '2026-11-23', '07:30');
    const [a, b] = await Promise.all([runScheduler(timerCtx(world)), runScheduler(timerCtx(world))]);
    expect(a.notices.released + b.notices.released).toBe(1);
    expect(a.lessons.released + b.lessons.released).toBe(14);
    world.clock.advance(60_000);
    const again = await runScheduler(timerCtx(world));
    expect(again).toEqual({ at: world.clock.t, notices: { released: 0, notices: [] }, lessons: { due: 0, released: 0, alreadyReleased: 0, late: 0 }, meetings: { sent: 0, keys: [] } });

    const notice = (await world.storage.collection<Notice>('notices').get(noticeId))!;
    expect(notice).toMatchObject({ status: 'published', recipientCount: 279 });
    expect(await world.storage.collection('receipts').count({ noticeId })).toBe(279);
    expect(await world.storage.collection<LessonRelease>('lessonReleases').count({ date: '2026-11-23', lessonId: lesson._id })).toBe(14);
  });
});
