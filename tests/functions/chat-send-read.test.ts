import { ADMIN, makeWorld, type FunctionWorld } from './harness';
import { chat, chatCast, cid } from './chat-fixtures';

describe('chat: send, list, sync, read, badge', () => {
  let world: FunctionWorld;
  let who: Awaited<ReturnType<typeof chatCast>>;
  beforeEach(async () => {
    world = await makeWorld();
    who = await chatCast(world);
  });

  it('orders messages by a server sequence per branch, whatever the clocks say', async () => {
    const first = await chat.say(world, who.a.openid, '早上好');
    world.clock.advance(-60_000); // a phone clock running behind changes nothing: the server orders
    const second = await chat.say(world, who.b.openid, '今天的学习材料已经发了');
    expect(first.message.seq).toBe(1);
    expect(second.message.seq).toBe(2);
    expect(second.head).toMatchObject({ branchId: 'b_demo01', seq: 2, rev: 2 });
    const page = await chat.ok(world, who.d.openid, 'list', {});
    expect(page.messages.map((m) => [m.seq, m.text, m.senderName])).toEqual([
      [1, '早上好', who.a.member.name],
      [2, '今天的学习材料已经发了', who.b.member.name],
    ]);
    // Another branch has its own sequence.
    const other = await chatCast(world, 'b_demo02');
    expect((await chat.say(world, other.a.openid, '你好')).message.seq).toBe(1);
  });

  it('is idempotent by client message id: retries and concurrent duplicates store one message', async () => {
    const id = cid();
    const one = await chat.ok(world, who.a.openid, 'send', { clientMsgId: id, text: '收到' });
    const again = await chat.ok(world, who.a.openid, 'send', { clientMsgId: id, text: '收到' });
    expect(again).toMatchObject({ duplicate: true, message: { seq: one.message.seq } });
    const id2 = cid();
    const racing = await Promise.all(Array.from({ length: 5 }, () => chat.ok(world, who.a.openid, 'send', { clientMsgId: id2, text: '并发' })));
    expect(new Set(racing.map((r) => r.message.seq)).size).toBe(1);
    expect(racing.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await world.storage.collection('chatMessages').count({ branchId: 'b_demo01' })).toBe(2);
    // Someone else's id is not theirs to see.
    const stolen = await chat.call(world, who.b.openid, 'send', { clientMsgId: id, text: '偷看' });
    expect(stolen).toMatchObject({ ok: false, code: 'CHAT_CLIENT_ID_CONFLICT' });
  });

  it('pages history by seq, 30 at a time, older and newer', async () => {
    for (let i = 1; i <= 65; i++) {
      await chat.say(world, i % 2 ? who.a.openid : who.b.openid, `消息 ${i}`);
      world.clock.advance(4000); // stay under the rate limit
    }
    const latest = await chat.ok(world, who.d.openid, 'list', {});
    expect(latest.messages.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 36 + i));
    expect(latest.hasMore).toBe(true);
    const older = await chat.ok(world, who.d.openid, 'list', { beforeSeq: 36 });
    expect(older.messages[0].seq).toBe(6);
    const oldest = await chat.ok(world, who.d.openid, 'list', { beforeSeq: 6 });
    expect(oldest.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(oldest.hasMore).toBe(false);
    const newer = await chat.ok(world, who.d.openid, 'list', { afterSeq: 60 });
    expect(newer.messages.map((m) => m.seq)).toEqual([61, 62, 63, 64, 65]);
    expect(newer.hasMore).toBe(false);
  });

  it('unread from one read cursor; opening lands on the first unread and marks a page that reaches the newest read; read never moves back', async () => {
    for (let i = 1; i <= 40; i++) {
      await chat.say(world, who.a.openid, `第 ${i} 条`);
      world.clock.advance(4000);
    }
    expect(await chat.ok(world, who.b.openid, 'badge')).toMatchObject({ branchId: 'b_demo01', unread: 40, mentioned: false, seq: 40 });
    await chat.ok(world, who.b.openid, 'read', { seq: 10 });
    const opened = await chat.ok(world, who.b.openid, 'open', {});
    // The divider goes above the first unread (readSeq 10); the page shown reaches seq 40, so it is now read.
    expect(opened).toMatchObject({ readSeq: 10, unread: 30, readUpTo: 40, hasOlder: true, hasNewer: false, canModerate: false, canMentionAll: false });
    expect(opened.messages[0].seq).toBe(11);
    expect(opened.messages).toHaveLength(30);
    expect(await chat.ok(world, who.b.openid, 'badge')).toMatchObject({ unread: 0 });
    expect(await chat.ok(world, who.b.openid, 'read', { seq: 5 })).toEqual({ readSeq: 40, unread: 0 });
    expect(await chat.ok(world, who.b.openid, 'read', { seq: 999 })).toEqual({ readSeq: 40, unread: 0 });
    const caughtUp = await chat.ok(world, who.b.openid, 'open', {});
    expect(caughtUp.messages.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 11 + i));
    expect(caughtUp.unread).toBe(0);
  });

  it('opening on a backlog longer than a page marks nothing read (the newest messages are not shown yet)', async () => {
    for (let i = 1; i <= 40; i++) {
      await chat.say(world, who.a.openid, `第 ${i} 条`);
      world.clock.advance(4000);
    }
    const opened = await chat.ok(world, who.b.openid, 'open', {});
    expect(opened).toMatchObject({ readSeq: 0, unread: 40, readUpTo: 0, hasNewer: true });
    expect(await chat.ok(world, who.b.openid, 'badge')).toMatchObject({ unread: 40 });
  });

  it('sync returns what changed after a rev (new, recalled), so a ring too many duplicates nothing', async () => {
    const m1 = await chat.say(world, who.a.openid, '第一条');
    const before = (await chat.ok(world, who.b.openid, 'sync', { afterRev: 0 })).head.rev;
    expect(before).toBe(1);
    await chat.say(world, who.a.openid, '第二条');
    await chat.ok(world, who.a.openid, 'recall', { seq: m1.message.seq });
    const changed = await chat.ok(world, who.b.openid, 'sync', { afterRev: before });
    expect(changed.messages.map((m) => [m.seq, m.state])).toEqual([
      [2, 'visible'],
      [1, 'recalled'],
    ]);
    expect(changed.messages[1].text).toBe('');
    expect(changed.syncedRev).toBe(changed.head.rev);
    const nothing = await chat.ok(world, who.b.openid, 'sync', { afterRev: changed.syncedRev });
    expect(nothing.messages).toEqual([]);
  });

  it('sync never skips a message whose send raised the head but has not stored it yet (cloud, no transaction)', async () => {
    await chat.say(world, who.a.openid, '第一条');
    // Another send is half-way: the head says rev 2, its message is not stored yet; a third one landed.
    await world.storage.collection('chatHeads').updateById('b_demo01', { $inc: { seq: 1, rev: 1 } });
    await chat.say(world, who.b.openid, '第三条');
    expect((await chat.ok(world, who.d.openid, 'open', {})).syncedRev).toBe(1);
    const first = await chat.ok(world, who.d.openid, 'sync', { afterRev: 1 });
    expect(first.messages.map((m) => m.seq)).toEqual([3]);
    expect(first.syncedRev).toBe(1); // not 3: rev 2 may still arrive
    await world.storage.collection('chatMessages').insert({
      ...(await world.storage.collection('chatMessages').find({ branchId: 'b_demo01', seq: 3 }))[0],
      _id: 'b_demo01:clateclientmsgid0001',
      clientMsgId: 'clateclientmsgid0001',
      seq: 2,
      rev: 2,
      text: '迟到的第二条',
    });
    const second = await chat.ok(world, who.d.openid, 'sync', { afterRev: first.syncedRev });
    expect(second.messages.map((m) => m.text)).toEqual(['迟到的第二条', '第三条']);
    expect(second.syncedRev).toBe(3);
  });

  it('refuses empty, oversized and malformed messages with a Chinese message and stores nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ clientMsgId: cid(), text: '   ' }, 'CHAT_EMPTY'],
      [{ clientMsgId: cid(), text: '长'.repeat(2001) }, 'BAD_REQUEST'],
      [{ clientMsgId: 'short', text: '你好' }, 'BAD_REQUEST'],
      [{ clientMsgId: cid(), text: 42 }, 'BAD_REQUEST'],
      [{ clientMsgId: cid(), text: '你好', html: '<b>' }, 'BAD_REQUEST'],
      [{ clientMsgId: cid(), kind: 'image' }, 'BAD_REQUEST'],
      [{ clientMsgId: cid(), text: '包含违禁测试词的内容' }, 'CONTENT_FLAGGED'],
    ];
    for (const [data, code] of cases) {
      const res = await chat.call(world, who.a.openid, 'send', data);
      expect(res).toMatchObject({ ok: false, code });
      if (!res.ok) expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await world.storage.collection('chatMessages').count({ branchId: 'b_demo01' })).toBe(0);
    expect(await world.storage.collection('chatHeads').count({ _id: { $exists: true } })).toBe(0); // no head, no cursor, no rate stamp
    expect((await chat.ok(world, who.a.openid, 'badge')).seq).toBe(0);
  });

  it('stores text as given: markup stays text', async () => {
    const sent = await chat.say(world, who.a.openid, '<img src=x onerror=alert(1)> & 😀');
    expect(sent.message.text).toBe('<img src=x onerror=alert(1)> & 😀');
  });

  it('asks before storing text that looks like patient data', async () => {
    const id = cid();
    const text = '3床患者住院号 20231234，电话 138 1234 5678';
    const asked = await chat.call(world, who.a.openid, 'send', { clientMsgId: id, text });
    expect(asked).toMatchObject({ ok: false, code: 'CHAT_PRIVACY_CONFIRM', message: '可能包含患者隐私，确认发送？' });
    expect(await world.storage.collection('chatMessages').count({ branchId: 'b_demo01' })).toBe(0);
    const confirmed = await chat.ok(world, who.a.openid, 'send', { clientMsgId: id, text, privacyConfirmed: true });
    expect(confirmed.message.text).toBe(text);
  });

  it('limits a member to 20 messages a sliding minute', async () => {
    for (let i = 0; i < 20; i++) await chat.say(world, who.a.openid, `刷屏 ${i}`);
    const refused = await chat.call(world, who.a.openid, 'send', { clientMsgId: cid(), text: '第 21 条' });
    expect(refused).toMatchObject({ ok: false, code: 'CHAT_RATE_LIMITED', message: expect.stringContaining('每分钟最多 20 条') });
    expect((await chat.ok(world, who.b.openid, 'badge')).seq).toBe(20);
    await chat.say(world, who.b.openid, '别人不受影响');
    world.clock.advance(60_001);
    await chat.say(world, who.a.openid, '一分钟后可以再发');
  });

  it('quotes a snapshot: a later recall does not change the reply', async () => {
    const original = await chat.say(world, who.a.openid, '明天下午两点开支委会');
    const reply = await chat.say(world, who.b.openid, '收到', { quoteSeq: original.message.seq });
    expect(reply.message.quote).toEqual({ seq: 1, senderId: who.a.member._id, senderName: who.a.member.name, kind: 'text', excerpt: '明天下午两点开支委会' });
    await chat.ok(world, who.a.openid, 'recall', { seq: 1 });
    const page = await chat.ok(world, who.d.openid, 'list', {});
    expect(page.messages[1].quote?.excerpt).toBe('明天下午两点开支委会');
    expect(await chat.call(world, who.b.openid, 'send', { clientMsgId: cid(), text: '再引用', quoteSeq: 1 })).toMatchObject({ ok: false, code: 'CHAT_MESSAGE_GONE' });
  });

  it('a committee admin reads any branch without an unread count there', async () => {
    await chat.say(world, who.a.openid, '欢迎院党委指导');
    const view = await chat.ok(world, ADMIN, 'open', { branchId: 'b_demo01' });
    expect(view).toMatchObject({ unread: 0, canModerate: true, canMentionAll: true });
    expect(view.messages.map((m) => m.text)).toEqual(['欢迎院党委指导']);
    expect(await chat.ok(world, ADMIN, 'badge')).toEqual({ branchId: null, unread: 0, mentioned: false, seq: 0, rev: 0 });
  });
});
