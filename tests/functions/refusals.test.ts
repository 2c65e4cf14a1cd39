/**
 * Refusals named in the hardening issue: arrays where objects belong, Chinese messages that name the
 * field, and refused requests that must write nothing (read back with a snapshot of every collection).
 */
import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import { noticesFunction as notices } from '../../cloudfunctions/notices/src/handler';
import { orgFunction as org } from '../../cloudfunctions/org/src/handler';
import type { Lesson } from '../../src/domain/lesson/lesson';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { createVideo, planCentral, RIGHT } from './lessons-fixtures';
import { cast, publishAs } from './notices-fixtures';
import { databaseSnapshot } from './snapshot';

let world: FunctionWorld;
let b1: Awaited<ReturnType<typeof cast>>;
beforeEach(async () => {
  world = await makeWorld();
  b1 = await cast(world, 'b_demo01');
});

describe('arrays where an object is expected', () => {
  it.each([
    ['me', org],
    ['branches.list', org],
    ['inbox', notices],
    ['sent', notices],
    ['today', lessons],
    ['catchup', lessons],
    ['history', lessons],
    ['library.list', lessons],
  ] as const)('%s: data [] is refused', async (action, fn) => {
    expect(await world.call(fn, ADMIN, action, [])).toEqual({ ok: false, code: 'BAD_REQUEST', message: '请求内容格式不正确，应为对象', details: { path: '' } });
  });

  it('answers [] is refused, naming the field', async () => {
    expect(await world.call(lessons, b1.members[0].openid, 'answer', { lessonId: 'l_x', answers: [] })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '答案格式不正确，应为对象' });
  });

  it('a prototype key inside a record is refused, not silently dropped', async () => {
    const answers = JSON.parse('{"q1": [0], "__proto__": [1]}');
    expect(await world.call(lessons, b1.members[0].openid, 'answer', { lessonId: 'l_x', answers })).toMatchObject({ ok: false, message: '不支持的字段「__proto__」' });
  });
});

describe('validation messages are Chinese and name the field', () => {
  it.each([
    ['members.list', org, { branchId: 'b_demo01', limit: 1.5 }, '条数应为整数'],
    ['members.list', org, { branchId: 'b_demo01', limit: 1000 }, '条数不能大于 200'],
    ['members.list', org, { branchId: 'b_demo01', after: 5 }, '分页位置格式不正确，应为文字'],
    ['invites.revoke', org, { code: 'ab' }, '邀请码至少 4 个字'],
    ['branches.list', org, { includeArchived: 'yes' }, '包含已归档格式不正确，应为是或否'],
    ['subscribe', notices, { accepted: 9 }, '订阅次数不能大于 5'],
    ['excuse', notices, { noticeId: 'n', memberId: 'm', excused: true, reason: 5 }, '原因格式不正确，应为文字'],
    ['publish', notices, { title: 't', body: 'b', audience: [] }, '通知对象格式不正确，应为对象'],
    ['progress', lessons, { lessonId: 'l', beats: [[]] }, '学习进度第 1 项格式不正确，应为对象'],
    ['me', org, { x: 1 }, '不支持的字段「x」'],
    ['me', org, 5, '请求内容格式不正确，应为对象'],
    ['open', notices, { noticeId: 5 }, '缺少通知编号'],
    ['roster.apply', org, { jobId: 'x'.repeat(70) }, '导入任务编号过长'],
    ['publish', notices, { title: 't', body: 'b', audience: { kind: 'groups', branchId: 'b_demo01', groupIds: [1] } }, '缺少党小组第 1 项编号'],
  ] as const)('%s (%#)', async (action, fn, data, message) => {
    expect(await world.call(fn, ADMIN, action, data)).toMatchObject({ ok: false, code: 'BAD_REQUEST', message });
  });
});

describe('a refused request writes nothing', () => {
  it('answering a lesson never opened is refused without opening it (no progress, lesson not locked)', async () => {
    const lesson = await createVideo(world, ADMIN);
    await planCentral(world, ADMIN, '2026-11-22', lesson._id);
    const before = await databaseSnapshot(world.storage);
    const res = await world.call(lessons, b1.members[0].openid, 'answer', { lessonId: lesson._id, answers: RIGHT });
    expect(res).toMatchObject({ ok: false, code: 'LESSON_NOT_COMPLETED', message: '学完本课后才能答题' });
    expect(await databaseSnapshot(world.storage)).toEqual(before);
    expect((await world.storage.collection<Lesson>('lessons').get(lesson._id))!.startedAt).toBeNull();
    // The lesson's content can still be edited (nobody has started it).
    const edit = await world.call(lessons, ADMIN, 'library.update', { lessonId: lesson._id, ...editable(lesson) });
    expect(edit.ok).toBe(true);
  });

  it('reminding when everyone has read is refused without claiming the cooldown', async () => {
    const { noticeId } = await publishAs(world, b1.secretary.openid, { audience: { kind: 'members', branchId: 'b_demo01', memberIds: [b1.members[0]._id] } });
    await world.ok(notices, b1.members[0].openid, 'open', { noticeId });
    const before = await databaseSnapshot(world.storage);
    expect(await world.call(notices, b1.secretary.openid, 'remind', { noticeId })).toMatchObject({ ok: false, message: '所有人都已阅读，无需提醒' });
    expect(await databaseSnapshot(world.storage)).toEqual(before);
  });
});

/** The lesson's own content, as the edit form sends it back. */
function editable(lesson: Lesson) {
  return {
    kind: lesson.kind,
    title: `${lesson.title}（修订）`,
    summary: lesson.summary,
    tags: lesson.tags,
    source: lesson.source,
    coverFileId: lesson.coverFileId,
    durationSec: lesson.durationSec,
    chapters: lesson.chapters,
    body: lesson.body,
    questions: lesson.questions.map((q) => ({ kind: q.kind, prompt: q.prompt, options: q.options, correct: q.correct, explanation: q.explanation })),
  };
}
