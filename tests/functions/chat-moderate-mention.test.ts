import { noticesFunction } from '../../cloudfunctions/notices/src/handler';
import { applyMediaVerdict } from '../../cloudfunctions/chat/src/images';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { GIF_1PX } from '../contract/images';
import { ADMIN, makeWorld, openidOf, requestId, type FunctionWorld } from './harness';
import { chat, chatCast, cid } from './chat-fixtures';

describe('chat: recall, remove, pin, mentions, images, notice prefill, audit', () => {
  let world: FunctionWorld;
  let who: Awaited<ReturnType<typeof chatCast>>;
  beforeEach(async () => {
    world = await makeWorld();
    who = await chatCast(world);
  });

  it('recalls own messages within 2 minutes only, and only the sender', async () => {
    const m = await chat.say(world, who.a.openid, '发错群了');
    expect(await chat.call(world, who.b.openid, 'recall', { seq: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await chat.call(world, who.secretaryId, 'recall', { seq: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    world.clock.advance(120_000);
    const recalled = await chat.ok(world, who.a.openid, 'recall', { seq: m.message.seq });
    expect(recalled.message).toMatchObject({ state: 'recalled', text: '', senderName: who.a.member.name });
    const late = await chat.say(world, who.a.openid, '这条超时了');
    world.clock.advance(120_001);
    const refused = await chat.call(world, who.a.openid, 'recall', { seq: late.message.seq });
    expect(refused).toMatchObject({ ok: false, code: 'CHAT_RECALL_EXPIRED', message: '已超过 2 分钟，无法撤回' });
    const page = await chat.ok(world, who.b.openid, 'list', {});
    expect(page.messages.map((x) => x.state)).toEqual(['recalled', 'visible']);
  });

  it('officers remove any message with an audit keeping the original; plain members cannot', async () => {
    await chat.say(world, who.a.openid, '不当言论示例');
    const asMember = await chat.call(world, who.b.openid, 'remove', { seq: 1 });
    expect(asMember).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    const removed = await chat.ok(world, who.secretaryId, 'remove', { seq: 1, reason: '与工作无关' });
    expect(removed.message).toMatchObject({ state: 'removed', text: '' });
    expect(await chat.ok(world, who.committeeId, 'remove', { seq: 1 })).toMatchObject({ message: { state: 'removed' } }); // a second removal is a no-op
    const sync = await chat.ok(world, who.b.openid, 'sync', { afterRev: 1 });
    expect(sync.messages).toEqual([expect.objectContaining({ seq: 1, state: 'removed', text: '' })]);
    expect(await chat.call(world, who.secretaryId, 'audit', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const audit = await chat.ok(world, ADMIN, 'audit', {});
    expect(audit.items).toEqual([
      expect.objectContaining({ action: 'remove', byName: who.secretary.name, reason: '与工作无关', branchName: '心血管内科党支部', original: expect.objectContaining({ text: '不当言论示例', senderName: who.a.member.name }) }),
    ]);
    // A committee admin moderates any branch.
    const other = await chatCast(world, 'b_demo02');
    await chat.say(world, other.a.openid, '另一支部');
    expect(await chat.ok(world, ADMIN, 'remove', { branchId: 'b_demo02', seq: 1 })).toMatchObject({ message: { state: 'removed' } });
  });

  it('one pinned announcement per branch, shown on open; members cannot pin', async () => {
    await chat.say(world, who.secretaryId, '【公告】本周五主题党日改到示教室');
    await chat.say(world, who.secretaryId, '【公告】更正：仍在会议室');
    expect(await chat.call(world, who.a.openid, 'pin', { seq: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await chat.call(world, who.a.openid, 'unpin', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await chat.ok(world, who.secretaryId, 'pin', { seq: 1 });
    world.clock.advance(1000);
    await chat.ok(world, who.committeeId, 'pin', { seq: 2 });
    world.clock.advance(1000);
    const opened = await chat.ok(world, who.a.openid, 'open', {});
    expect(opened.pinned).toMatchObject({ seq: 2, text: '【公告】更正：仍在会议室' });
    await chat.ok(world, who.secretaryId, 'remove', { seq: 2 });
    expect((await chat.ok(world, who.a.openid, 'open', {})).pinned).toBeNull();
    const audit = await chat.ok(world, ADMIN, 'audit', { branchId: 'b_demo01' });
    expect(audit.items.map((i) => i.action)).toEqual(['remove', 'pin', 'pin']);
  });

  it('mentions: the @ mark on the badge, jumps, one subscribe message per mention where a credit exists', async () => {
    await world.ok(noticesFunction, who.b.openid, 'subscribe', { accepted: 1 });
    const text = `@${who.b.member.name} @${who.d.member.name} 请把今天的学习记录发我`;
    const sent = await chat.say(world, who.a.openid, text, { mentionIds: [who.b.member._id, who.d.member._id, who.a.member._id, 'm_nobody'] });
    expect(sent.message.mentions.map((m) => m.memberId)).toEqual([who.b.member._id, who.d.member._id]);
    expect(await chat.ok(world, who.b.openid, 'badge')).toMatchObject({ unread: 1, mentioned: true });
    expect(await chat.ok(world, who.committeeId, 'badge')).toMatchObject({ unread: 1, mentioned: false });
    expect((await chat.ok(world, who.b.openid, 'open', {})).mentionSeqs).toEqual([1]);
    // Through the reminder engine: only b holds a credit; d is marked in the app only.
    expect(world.channels.deliveredTo('wechat')).toEqual([who.b.member._id]);
    expect(world.channels.sent[0].message).toMatchObject({ kind: 'mention', urgent: false, page: 'pages/chat/index?seq=1', title: `${who.a.member.name}在支部交流中@了你` });
    await chat.ok(world, who.b.openid, 'read', { seq: 1 });
    expect(await chat.ok(world, who.b.openid, 'badge')).toMatchObject({ unread: 0, mentioned: false });
    // A credit is spent: the next mention does not push.
    await chat.say(world, who.a.openid, `@${who.b.member.name} 还有一件事`, { mentionIds: [who.b.member._id] });
    expect(world.channels.deliveredTo('wechat')).toHaveLength(1);
    // A picked member whose name is not in the text is not mentioned; ordinary messages never push.
    const silent = await chat.say(world, who.a.openid, '大家好', { mentionIds: [who.d.member._id] });
    expect(silent.message.mentions).toEqual([]);
  });

  it('@全体成员: officers only, and the text must say it', async () => {
    const denied = await chat.call(world, who.a.openid, 'send', { clientMsgId: cid(), text: '@全体成员 开会', mentionAll: true });
    expect(denied).toMatchObject({ ok: false, code: 'CHAT_MENTION_ALL_FORBIDDEN' });
    const picker = await chat.ok(world, who.secretaryId, 'mentionables', {});
    expect(picker.canMentionAll).toBe(true);
    expect(picker.allCount).toBe(who.all.length - 1);
    expect(picker.members.find((m) => m.memberId === who.a.member._id)).toMatchObject({ name: who.a.member.name, initials: expect.stringMatching(/^[a-z]+$/) });
    await world.ok(noticesFunction, who.d.openid, 'subscribe', { accepted: 2 });
    await chat.say(world, who.secretaryId, '@全体成员 今晚 8 点前完成本周微党课', { mentionAll: true });
    expect(await chat.ok(world, who.a.openid, 'badge')).toMatchObject({ mentioned: true });
    expect(world.channels.deliveredTo('wechat')).toEqual([who.d.member._id]);
    expect((await chat.ok(world, who.a.openid, 'mentionables', {})).canMentionAll).toBe(false);
  });

  it('images: shown once the check passes; a cloud verdict later flips reviewing to visible', async () => {
    const fileId = await world.files.save(Buffer.from(GIF_1PX), 'image/gif');
    const sent = await chat.ok(world, who.a.openid, 'send', { clientMsgId: cid(), kind: 'image', image: { fileId, width: 1, height: 1 } });
    expect(sent.message).toMatchObject({ kind: 'image', state: 'visible', image: { fileId, url: expect.any(String) } });
    expect(await chat.call(world, who.a.openid, 'send', { clientMsgId: cid(), kind: 'image', image: { fileId: 'f_doesnotexist1', width: 1, height: 1 } })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    // The cloud path: the gateway answers `pending`; only the sender sees it until the verdict.
    const pending = { ...world.wechat, checkImageAsync: async () => ({ verdict: 'pending' as const, traceId: 'trace-1' }) };
    const ctx = (openid: string | null): FunctionContext => ({ openid, storage: world.storage, now: world.clock.now, randomBytes: (n) => new Uint8Array(n).map(() => Math.floor(Math.random() * 256)), demo: true, wechat: pending, files: world.files, channels: world.channels });
    const { chatFunction } = await import('../../cloudfunctions/chat/src/handler');
    const res: any = await chatFunction({ action: 'send', data: { clientMsgId: cid(), kind: 'image', image: { fileId, width: 1, height: 1 } } }, ctx(who.a.openid));
    expect(res.data.message.state).toBe('reviewing');
    expect((await chat.ok(world, who.b.openid, 'list', {})).messages.map((m) => m.seq)).toEqual([1]);
    expect((await chat.ok(world, who.a.openid, 'list', {})).messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(await applyMediaVerdict(ctx(null), { Event: 'wxa_media_check', trace_id: 'trace-1', result: { suggest: 'pass' } })).toEqual({ updated: 1 });
    expect(await applyMediaVerdict(ctx(null), { Event: 'wxa_media_check', trace_id: 'trace-1', result: { suggest: 'pass' } })).toEqual({ updated: 0 });
    const synced = await chat.ok(world, who.b.openid, 'sync', { afterRev: 1 });
    expect(synced.messages).toEqual([expect.objectContaining({ seq: 2, state: 'visible' })]);
  });

  it('turns a message into a notice prefill for officers only', async () => {
    await chat.say(world, who.a.openid, '下周三上午九点，医院组织义诊活动\n请有空的同志报名');
    expect(await chat.call(world, who.b.openid, 'toNotice', { seq: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const prefill = await chat.ok(world, who.secretaryId, 'toNotice', { seq: 1 });
    expect(prefill).toMatchObject({
      title: '下周三上午九点，医院组织义诊活动',
      audience: { kind: 'branch', branchId: 'b_demo01' },
      source: { branchId: 'b_demo01', seq: 1 },
    });
    expect(prefill.body).toContain('请有空的同志报名');
    expect(prefill.body).toContain(`来自支部交流：${who.a.member.name}`);
    // It publishes as a notice unchanged.
    const published = await world.ok(noticesFunction, who.secretaryId, 'publish', { title: prefill.title, body: prefill.body, audience: prefill.audience, requestId: requestId() });
    expect(published.title).toBe(prefill.title);
  });

  it("access: a member of B never reads A's chat; a moved member loses the old chat at once", async () => {
    await chat.say(world, who.a.openid, 'A 支部内部消息');
    const other = await chatCast(world, 'b_demo02');
    for (const action of ['open', 'list', 'sync', 'read', 'mentionables'] as const) {
      const data = action === 'sync' ? { branchId: 'b_demo01', afterRev: 0 } : action === 'read' ? { branchId: 'b_demo01', seq: 1 } : { branchId: 'b_demo01' };
      expect(await chat.call(world, other.a.openid, action, data)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await chat.call(world, other.a.openid, 'send', { branchId: 'b_demo01', clientMsgId: cid(), text: '闯入' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await chat.call(world, null, 'badge')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await chat.call(world, 'demo:nobody', 'open')).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    expect(await chat.call(world, who.a.openid, 'explode')).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    // Moving a member: the next call answers from the new branch.
    await world.storage.collection('members').updateById(who.b.member._id, { $set: { branchId: 'b_demo02' } });
    expect(await chat.call(world, who.b.openid, 'list', { branchId: 'b_demo01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const badge = await chat.ok(world, who.b.openid, 'badge');
    expect(badge.branchId).toBe('b_demo02');
    const opened = await chat.ok(world, who.b.openid, 'open', {});
    expect(opened.messages.map((m) => m.text)).toEqual([]);
    expect(openidOf(who.b.member._id)).toBe(who.b.openid);
  });
});
