import { dueReminder, reminderKey } from '../../cloudfunctions/meetings/src/reminders';
import { meetingsFunction as fn } from '../../cloudfunctions/meetings/src/handler';
import { runScheduler } from '../../cloudfunctions/scheduler/src/handler';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import type { Attendance } from '../../src/domain/meeting/types';
import { makeWorld, type FunctionWorld } from './harness';
import { HOUR, MIN, meetingCast, scheduleAs } from './meetings-fixtures';

const timerCtx = (w: FunctionWorld): FunctionContext => ({ openid: null, storage: w.storage, now: w.clock.now, randomBytes: (n) => new Uint8Array(n), demo: true, wechat: w.wechat, files: w.files, channels: w.channels });

describe('meeting reminders from the scheduler', () => {
  test('which reminder is due when', () => {
    const startAt = 100 * HOUR;
    expect(dueReminder({ startAt }, startAt - 25 * HOUR)).toBeNull();
    expect(dueReminder({ startAt }, startAt - 24 * HOUR)).toBe('day');
    expect(dueReminder({ startAt }, startAt - 2 * HOUR - 1)).toBe('day');
    expect(dueReminder({ startAt }, startAt - 2 * HOUR)).toBeNull();
    expect(dueReminder({ startAt }, startAt - HOUR)).toBe('hour');
    expect(dueReminder({ startAt }, startAt)).toBeNull();
  });

  test('the day before and an hour before, each exactly once however often or late the timer fires; leave and cancelled skipped', async () => {
    const world = await makeWorld();
    const cast = await meetingCast(world);
    const sec = cast.as(cast.secretary);
    const [a, b, c] = cast.members;
    // `a` holds subscribe-message credits: the reminders reach WeChat too.
    await world.storage.collection('subscriptionCredits').put({ _id: `${a._id}:notice_reminder`, memberId: a._id, templateKey: 'notice_reminder', credits: 5, updatedAt: 0 });
    const m = await scheduleAs(world, sec, { attendees: { kind: 'members', memberIds: [a._id, b._id, c._id] }, startAt: world.clock.now() + 3 * 24 * HOUR });
    const cancelled = await scheduleAs(world, sec, { attendees: { kind: 'members', memberIds: [a._id] }, startAt: m.startAt });
    await world.ok(fn, sec, 'cancel', { meetingId: cancelled.meetingId });
    await world.ok(fn, cast.as(b), 'reply', { meetingId: m.meetingId, answer: 'leave', reason: 'sick' });
    await world.ok(fn, sec, 'decideLeave', { meetingId: m.meetingId, memberId: b._id, approve: true });
    const outboxBefore = world.wechat.outbox().length;

    expect((await runScheduler(timerCtx(world))).meetings).toEqual({ sent: 0, keys: [] });
    world.clock.advance(m.startAt - 23 * HOUR - world.clock.now());
    const [x, y] = await Promise.all([runScheduler(timerCtx(world)), runScheduler(timerCtx(world))]);
    expect(x.meetings.sent + y.meetings.sent).toBe(1);
    world.clock.advance(MIN);
    expect((await runScheduler(timerCtx(world))).meetings.sent).toBe(0);
    // The timer was down: it fires 50 minutes before the start; the hour reminder goes once.
    world.clock.advance(m.startAt - 50 * MIN - world.clock.now());
    const hour = await runScheduler(timerCtx(world));
    expect(hour.meetings).toEqual({ sent: 1, keys: [reminderKey({ _id: m.meetingId, startAt: m.startAt }, 'hour')] });
    world.clock.advance(MIN);
    expect((await runScheduler(timerCtx(world))).meetings.sent).toBe(0);

    expect(await world.storage.collection('meetingReminders').count({ meetingId: m.meetingId })).toBe(2);
    expect(await world.storage.collection('meetingReminders').count({ meetingId: cancelled.meetingId })).toBe(0);
    const rows = await world.storage.collection<Attendance>('meetingAttendance').findAll({ meetingId: m.meetingId });
    const count = (id: string) => rows.find((r) => r.memberId === id)!.remindCount;
    expect([count(a._id), count(b._id), count(c._id)]).toEqual([2, 0, 2]);
    const sent = world.wechat.outbox().slice(outboxBefore);
    expect(sent.map((s) => s.fields.title)).toEqual(['明天：主题党日', '1 小时后：主题党日']);
    expect(sent.every((s) => s.toOpenid === a.openid && s.page === `pages/meeting/index?meetingId=${m.meetingId}`)).toBe(true);
  });

  test('a rescheduled meeting is reminded for its new time', async () => {
    const world = await makeWorld();
    const cast = await meetingCast(world);
    const sec = cast.as(cast.secretary);
    const m = await scheduleAs(world, sec, { startAt: world.clock.now() + 30 * HOUR });
    world.clock.advance(7 * HOUR);
    expect((await runScheduler(timerCtx(world))).meetings.keys).toEqual([reminderKey({ _id: m.meetingId, startAt: m.startAt }, 'day')]);
    await world.ok(fn, sec, 'update', { meetingId: m.meetingId, startAt: m.startAt + 24 * HOUR });
    world.clock.advance(24 * HOUR);
    expect((await runScheduler(timerCtx(world))).meetings.keys).toEqual([reminderKey({ _id: m.meetingId, startAt: m.startAt + 24 * HOUR }, 'day')]);
  });
});
