import { meetingsFunction as fn } from '../../cloudfunctions/meetings/src/handler';
import type { MeetingDetail } from '../../src/domain/api/meetings';
import { ADMIN, makeWorld, openidOf, type FunctionWorld } from './harness';
import { countDocs, HOUR, meetingCast, meetingDraft, scheduleAs } from './meetings-fixtures';

describe('meetings: schedule, edit, cancel, visibility', () => {
  let world: FunctionWorld;
  let cast: Awaited<ReturnType<typeof meetingCast>>;
  beforeEach(async () => {
    world = await makeWorld();
    cast = await meetingCast(world);
  });

  test('the secretary schedules for the whole branch; every active member gets a row', async () => {
    const m = await scheduleAs(world, cast.as(cast.secretary));
    expect(m).toMatchObject({ type: 'theme_day', typeLabel: '主题党日', branchId: 'b_demo01', status: 'scheduled', canManage: true, minutesStatus: 'none' });
    expect(m.counts.expected).toBe(cast.all.length);
    expect(m.attendeesLabel).toBe(`全体党员（${cast.all.length} 人）`);
    expect(m.checkinOpensAt).toBe(m.startAt - 30 * 60_000);
    expect(m.roster).toHaveLength(cast.all.length);
  });

  test('a double tap (same requestId, even concurrently) creates one meeting', async () => {
    const draft = meetingDraft(world);
    const [a, b] = await Promise.all([world.ok<MeetingDetail>(fn, cast.as(cast.secretary), 'schedule', draft), world.ok<MeetingDetail>(fn, cast.as(cast.secretary), 'schedule', draft)]);
    const c = await world.ok<MeetingDetail>(fn, cast.as(cast.secretary), 'schedule', draft);
    expect(new Set([a.meetingId, b.meetingId, c.meetingId]).size).toBe(1);
    expect(await countDocs(world)).toEqual({ meetings: 1, rows: cast.all.length });
  });

  test('bad input names the field in Chinese and writes nothing', async () => {
    const as = cast.as(cast.secretary);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ topic: '' }, /会议主题/],
      [{ type: 'tea_party' }, /会议类型/],
      [{ startAt: world.clock.now() - HOUR }, /开始时间/],
      [{ durationMin: 5 }, /会议时长/],
      [{ place: '', onlineLink: '' }, /会议地点或线上会议链接/],
      [{ onlineLink: 'javascript:alert(1)' }, /线上会议链接/],
      [{ attendees: { kind: 'members', memberIds: [] } }, /参会党员/],
      [{ attendees: { kind: 'members', memberIds: ['m_H02000'] } }, /不在此支部/],
      [{ materials: [{ fileId: 'f_doesnotexist000', name: '学习材料', kind: 'pdf' }] }, /会议材料/],
      [{ guests: [{ name: '' }] }, /列席人员姓名/],
      [{ requestId: 'x' }, /请求编号/],
    ];
    for (const [over, message] of cases) {
      const res = await world.call(fn, as, 'schedule', meetingDraft(world, over));
      expect(res).toMatchObject({ ok: false });
      if (!res.ok) expect(res.message).toMatch(message);
    }
    expect(await countDocs(world)).toEqual({ meetings: 0, rows: 0 });
  });

  test('members cannot schedule; officers only in their branch; 支委会 goes to the branch committee', async () => {
    expect(await world.call(fn, cast.as(cast.members[0]), 'schedule', meetingDraft(world))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(fn, cast.as(cast.secretary), 'schedule', meetingDraft(world, { branchId: 'b_demo02' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(fn, cast.as(cast.secretary), 'schedule', meetingDraft(world, { attendees: { kind: 'hospital' } }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const committee = await scheduleAs(world, cast.as(cast.committee), { type: 'branch_committee', attendees: { kind: 'committee' } });
    expect(committee.roster!.map((r) => r.memberId).sort()).toEqual([cast.secretary._id, cast.committee._id].sort());
    expect(await world.call(fn, cast.as(cast.secretary), 'schedule', meetingDraft(world, { type: 'branch_committee' }))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    // The committee admin names the branch, or schedules hospital-wide.
    expect(await world.call(fn, ADMIN, 'schedule', meetingDraft(world))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const hospital = await scheduleAs(world, ADMIN, { type: 'party_lesson', attendees: { kind: 'hospital' } });
    expect(hospital.branchId).toBeNull();
    expect(hospital.counts.expected).toBeGreaterThan(250);
  });

  test('only attendees see a meeting (others get NOT_FOUND); officers and the committee see all', async () => {
    const [a, b] = cast.members;
    const m = await scheduleAs(world, cast.as(cast.secretary), { attendees: { kind: 'members', memberIds: [a._id] } });
    const seen = await world.ok<MeetingDetail>(fn, cast.as(a), 'get', { meetingId: m.meetingId });
    expect(seen).toMatchObject({ canManage: false, roster: null, my: { answer: 'none', outcome: 'pending' } });
    expect(await world.call(fn, cast.as(b), 'get', { meetingId: m.meetingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await world.call(fn, openidOf('m_H01030'), 'get', { meetingId: m.meetingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await world.ok<MeetingDetail>(fn, cast.as(cast.committee), 'get', { meetingId: m.meetingId })).canManage).toBe(true);
    expect((await world.ok<MeetingDetail>(fn, ADMIN, 'get', { meetingId: m.meetingId })).canManage).toBe(true);
    expect(await world.call(fn, null, 'get', { meetingId: m.meetingId })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const mine = await world.ok(fn, cast.as(a), 'mine');
    expect(mine.next.meetingId).toBe(m.meetingId);
    expect((await world.ok(fn, cast.as(b), 'mine')).next).toBeNull();
  });

  test('edit: time, attendees (rows added / removed), refused after the end; cancel once', async () => {
    const [a, b, c] = cast.members;
    const m = await scheduleAs(world, cast.as(cast.secretary), { attendees: { kind: 'members', memberIds: [a._id, b._id] } });
    const moved = await world.ok<MeetingDetail>(fn, cast.as(cast.secretary), 'update', { meetingId: m.meetingId, startAt: m.startAt + HOUR, attendees: { kind: 'members', memberIds: [b._id, c._id] }, topic: '新主题' });
    expect(moved).toMatchObject({ topic: '新主题', startAt: m.startAt + HOUR, endAt: m.endAt + HOUR });
    expect(moved.roster!.map((r) => r.memberId).sort()).toEqual([b._id, c._id].sort());
    expect(await world.call(fn, cast.as(a), 'get', { meetingId: m.meetingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await world.ok(fn, cast.as(c), 'mine')).next.startAt).toBe(m.startAt + HOUR);
    expect(await world.call(fn, cast.as(b), 'update', { meetingId: m.meetingId, topic: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(fn, cast.as(cast.secretary), 'update', { meetingId: m.meetingId, topic: '' })).toMatchObject({ ok: false, message: '请填写会议主题' });
    expect(await world.call(fn, cast.as(cast.secretary), 'update', { meetingId: m.meetingId, type: 'branch_committee', attendees: { kind: 'branch' } })).toMatchObject({ ok: false, message: '支委会的参会人员应为支部委员会或指定人员' });

    const cancelled = await world.ok<MeetingDetail>(fn, cast.as(cast.secretary), 'cancel', { meetingId: m.meetingId, reason: '临时有抢救任务' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '临时有抢救任务' });
    expect((await world.ok<MeetingDetail>(fn, cast.as(cast.secretary), 'cancel', { meetingId: m.meetingId })).status).toBe('cancelled');
    expect((await world.ok(fn, cast.as(c), 'mine')).next).toBeNull();
    expect(await world.call(fn, cast.as(cast.secretary), 'update', { meetingId: m.meetingId, topic: 'x' })).toMatchObject({ ok: false, code: 'CONFLICT' });

    const done = await scheduleAs(world, cast.as(cast.secretary));
    world.clock.advance(2 * 24 * HOUR + 2 * HOUR);
    expect(await world.call(fn, cast.as(cast.secretary), 'update', { meetingId: done.meetingId, topic: 'x' })).toMatchObject({ ok: false, message: '会议已结束，不能修改' });
    expect(await world.call(fn, cast.as(cast.secretary), 'cancel', { meetingId: done.meetingId })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  test('attendee options for the form; the branch list pages; members see only their own', async () => {
    const opts = await world.ok(fn, cast.as(cast.secretary), 'attendeeOptions');
    expect(opts.members).toHaveLength(cast.all.length);
    expect(opts.groups.map((g: { name: string }) => g.name)).toEqual(['医生党小组', '护理党小组']);
    expect(opts.committee).toHaveLength(2);
    expect(await world.call(fn, cast.as(cast.members[0]), 'attendeeOptions')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await scheduleAs(world, cast.as(cast.secretary));
    await scheduleAs(world, cast.as(cast.secretary), { attendees: { kind: 'committee' }, type: 'branch_committee', startAt: world.clock.now() + 3 * 24 * HOUR });
    expect((await world.ok(fn, cast.as(cast.secretary), 'list')).items).toHaveLength(2);
    expect((await world.ok(fn, cast.as(cast.members[0]), 'list')).items).toHaveLength(1);
    expect(await world.call(fn, cast.as(cast.members[0]), 'list', { branchId: 'b_demo02' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
