import { lessonsFunction as lessons } from '../../cloudfunctions/lessons/src/handler';
import type { Lesson } from '../../src/domain/lesson/lesson';
import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { createArticle, createVideo, formQuestions, planBranch, planCentral, storedFiles, videoInput } from './lessons-fixtures';
import { cast } from './notices-fixtures';

let world: FunctionWorld;
beforeEach(async () => {
  world = await makeWorld();
});

describe('library: create', () => {
  it('the committee creates central lessons; a secretary creates their branch’s own, never central or another branch’s', async () => {
    const b1 = await cast(world, 'b_demo01');
    const central = await createVideo(world, ADMIN);
    expect(central).toMatchObject({ branchId: null, status: 'active', durationSec: 120, editMode: 'free', createdByName: '周立群', startedAt: null });
    expect(central.questions.map((q: any) => q.id)).toEqual(['q1', 'q2']);
    expect(Object.keys(central.urls)).toHaveLength(2);

    const own = await createArticle(world, b1.secretary.openid, { branchId: 'b_demo01' });
    expect(own).toMatchObject({ branchId: 'b_demo01', kind: 'article', minReadSec: 120, createdByName: b1.secretary.name });

    const files = await storedFiles(world, 2);
    expect(await world.call(lessons, b1.secretary.openid, 'library.create', videoInput(files))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.secretary.openid, 'library.create', videoInput(files, { branchId: 'b_demo02' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.members[0].openid, 'library.create', videoInput(files, { branchId: 'b_demo01' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, null, 'library.create', videoInput(files))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('refuses invalid lessons with the domain’s Chinese messages, and stores nothing', async () => {
    const files = await storedFiles(world, 3);
    const refuse = async (over: Record<string, unknown>) => world.call(lessons, ADMIN, 'library.create', videoInput(files, over));
    const chapter = (durationSec: number, fileId = files[0]) => ({ title: '章节', fileId, durationSec });

    expect(await refuse({ chapters: [chapter(361)] })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '每个章节不能超过 6 分钟，请拆分为约 5 分钟的章节' });
    expect(await refuse({ chapters: [chapter(360), chapter(360), chapter(300)] })).toMatchObject({ ok: false, code: 'LESSON_TOO_LONG', message: '总时长约 17 分钟，微党课不能超过 15 分钟' });
    expect(await refuse({ chapters: [] })).toMatchObject({ ok: false, code: 'LESSON_CONTENT_INVALID', message: '请上传视频' });
    const [single, multiple] = formQuestions();
    expect(await refuse({ questions: [{ ...single, correct: [0, 1] }, multiple] })).toMatchObject({ ok: false, code: 'LESSON_QUESTIONS_INVALID', message: '第 1 题是单选题，只能有一个正确答案' });
    expect(await refuse({ questions: [single, { ...multiple, correct: [5] }] })).toMatchObject({ ok: false, code: 'LESSON_QUESTIONS_INVALID', message: '第 2 题的正确答案不在选项中' });
    expect(await refuse({ questions: [single] })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '请设置 2–3 道测试题' });
    // Malformed ids never reach storage; well-formed ids must name a stored file.
    expect(await refuse({ chapters: [chapter(60, '../../etc/passwd')] })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '文件无效，请重新上传' });
    expect(await refuse({ chapters: [chapter(60, 'f_aaaaaaaaaaaaaaaaaaaaaaaa')] })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
      message: '有文件未上传成功，请重新上传',
      details: { fileIds: ['f_aaaaaaaaaaaaaaaaaaaaaaaa'] },
    });
    expect(await refuse({ coverFileId: 'cloud://env.bucket/missing.png' })).toMatchObject({ ok: false, message: '有文件未上传成功，请重新上传' });
    expect(await refuse({ title: '违禁测试词的课' })).toMatchObject({ ok: false, code: 'CONTENT_FLAGGED' });
    expect(await world.call(lessons, ADMIN, 'library.create', { ...videoInput(files), kind: 'article' })).toMatchObject({ ok: false, code: 'LESSON_CONTENT_INVALID', message: '图文微党课不能包含音视频章节' });
    expect(await world.storage.collection('lessons').count({})).toBe(0);
  });
});

describe('library: update and archive', () => {
  it('edits everything until a member starts, then only the describing fields', async () => {
    const b1 = await cast(world, 'b_demo01');
    const lesson = await createVideo(world, ADMIN);
    const { _id: lessonId, urls: _u, editMode: _e, minReadSec: _m, status: _s, startedAt: _st, createdBy: _cb, createdByName: _cn, createdAt: _ca, updatedAt: _ua, archivedAt: _aa, branchId: _b, ...content } = lesson;
    const edited = await world.ok(lessons, ADMIN, 'library.update', { lessonId, ...content, durationSec: 0, chapters: [{ ...content.chapters[0], durationSec: 90 }] });
    expect(edited).toMatchObject({ durationSec: 90, editMode: 'free' });

    // Someone starts it (today’s lesson, opened by a member).
    await planCentral(world, ADMIN, '2026-11-22', lessonId);
    await world.ok(lessons, b1.members[0].openid, 'get', { lessonId });
    const started = await world.ok(lessons, ADMIN, 'library.get', { lessonId });
    expect(started.editMode).toBe('metadata');

    const locked = await world.call(lessons, ADMIN, 'library.update', { lessonId, ...content, chapters: edited.chapters, questions: formQuestions().reverse() });
    expect(locked).toMatchObject({ ok: false, code: 'LESSON_LOCKED', details: { fields: ['questions'] } });
    const renamed = await world.ok(lessons, ADMIN, 'library.update', { lessonId, ...content, chapters: edited.chapters, title: '学习党章（修订）' });
    expect(renamed).toMatchObject({ title: '学习党章（修订）', durationSec: 90 });
    expect(await world.call(lessons, b1.secretary.openid, 'library.update', { lessonId, ...content, chapters: edited.chapters })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('archiving is refused while the lesson is planned for today or later, then hides it from planning', async () => {
    const lesson = await createVideo(world, ADMIN);
    await planCentral(world, ADMIN, '2026-11-25', lesson._id);
    expect(await world.call(lessons, ADMIN, 'library.archive', { lessonId: lesson._id })).toMatchObject({
      ok: false,
      code: 'LESSON_IN_PLAN',
      message: '该微党课已排入 2026-11-25的课表，请先调整课表',
    });
    await planCentral(world, ADMIN, '2026-11-25', null);
    const archived = await world.ok(lessons, ADMIN, 'library.archive', { lessonId: lesson._id });
    expect(archived).toMatchObject({ lessonId: lesson._id, status: 'archived', editMode: 'locked' });
    expect(await world.call(lessons, ADMIN, 'plan.set', { scope: 'central', date: '2026-11-26', lessonId: lesson._id })).toMatchObject({ ok: false, code: 'LESSON_ARCHIVED' });
    const listed = await world.ok(lessons, ADMIN, 'library.list', {});
    expect(listed.items).toHaveLength(0);
    expect((await world.ok(lessons, ADMIN, 'library.list', { includeArchived: true })).items).toHaveLength(1);
  });
});

describe('library: browse', () => {
  it('officers see the central library and their own branch’s; members see none of it', async () => {
    const b1 = await cast(world, 'b_demo01');
    const b2 = await cast(world, 'b_demo02');
    const central = await createVideo(world, ADMIN, { title: '中心课一' });
    const own1 = await createArticle(world, b1.committee.openid, { branchId: 'b_demo01', title: '心内自编课', tags: ['护理'] });
    const own2 = await createArticle(world, b2.secretary.openid, { branchId: 'b_demo02', title: '呼吸自编课' });

    const mine = await world.ok(lessons, b1.secretary.openid, 'library.list', {});
    expect(mine.items.map((i: any) => i.lessonId).sort()).toEqual([central._id, own1._id].sort());
    expect((await world.ok(lessons, b1.secretary.openid, 'library.list', { scope: 'branch' })).items.map((i: any) => i.title)).toEqual(['心内自编课']);
    expect((await world.ok(lessons, b1.secretary.openid, 'library.list', { scope: 'central' })).items.map((i: any) => i.title)).toEqual(['中心课一']);
    expect(await world.call(lessons, b1.secretary.openid, 'library.list', { scope: 'branch', branchId: 'b_demo02' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.secretary.openid, 'library.get', { lessonId: own2._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.members[0].openid, 'library.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.call(lessons, b1.members[0].openid, 'library.get', { lessonId: central._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const all = await world.ok(lessons, ADMIN, 'library.list', {});
    expect(all.items).toHaveLength(3);
    expect(all.items.find((i: any) => i.lessonId === own2._id)).toMatchObject({ editMode: 'free', status: 'active', kind: 'article', chapterCount: 0, branchId: 'b_demo02' });
    expect(all.items.find((i: any) => i.lessonId === central._id)).toMatchObject({ kind: 'video', chapterCount: 2, durationSec: 120, branchId: null });
    expect((await world.ok(lessons, ADMIN, 'library.list', { query: '自编' })).items).toHaveLength(2);
    expect((await world.ok(lessons, ADMIN, 'library.list', { tag: '护理' })).items.map((i: any) => i.lessonId)).toEqual([own1._id]);
    expect((await world.ok(lessons, ADMIN, 'library.list', { kind: 'video' })).items.map((i: any) => i.lessonId)).toEqual([central._id]);
    // The editor's view carries the answers; the list does not.
    const editView = await world.ok(lessons, b1.secretary.openid, 'library.get', { lessonId: central._id });
    expect(editView.questions[0].correct).toEqual([0]);
    expect(JSON.stringify(mine)).not.toContain('explanation');
  });

  it('pages newest first by a (createdAt, id) cursor, even when lessons share a creation time', async () => {
    for (let i = 0; i < 5; i++) await createArticle(world, ADMIN, { title: `课${i}` });
    // Two more created in the same millisecond.
    await createArticle(world, ADMIN, { title: '同刻甲' });
    await createArticle(world, ADMIN, { title: '同刻乙' });
    world.clock.advance(1000);
    await createArticle(world, ADMIN, { title: '最新' });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await world.ok(lessons, ADMIN, 'library.list', { limit: 3, after });
      seen.push(...page.items.map((i: any) => i.title));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen[0]).toBe('最新');
  });
});

describe('library: stored documents', () => {
  it('are Lessons with a prefixed id and the normalised content', async () => {
    const lesson = await createVideo(world, ADMIN, { tags: [' 党章 ', '党章', '学习'] });
    const stored = (await world.storage.collection<Lesson>('lessons').get(lesson._id))!;
    expect(stored._id).toMatch(/^l_[0-9a-z]{16}$/);
    expect(stored.tags).toEqual(['党章', '学习']);
    expect(stored.questions[1]).toMatchObject({ id: 'q2', correct: [0, 1, 2] });
  });

  it('branch officers plan their own lessons only on their own calendar', async () => {
    const b1 = await cast(world, 'b_demo01');
    const b2 = await cast(world, 'b_demo02');
    const own1 = await createArticle(world, b1.secretary.openid, { branchId: 'b_demo01' });
    await planBranch(world, b1.secretary.openid, 'b_demo01', '2026-11-24', own1._id);
    expect(await world.call(lessons, b2.secretary.openid, 'plan.set', { scope: 'branch', branchId: 'b_demo02', date: '2026-11-24', lessonId: own1._id })).toMatchObject({
      ok: false,
      code: 'LESSON_NOT_AVAILABLE',
    });
    expect(await world.call(lessons, ADMIN, 'plan.set', { scope: 'central', date: '2026-11-24', lessonId: own1._id })).toMatchObject({ ok: false, code: 'LESSON_NOT_AVAILABLE' });
  });
});
