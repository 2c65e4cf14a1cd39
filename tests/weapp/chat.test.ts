/** @jest-environment jsdom */
/**
 * The built chat page (pages/chat/index, its own subpackage) in miniprogram-simulate: it opens on the
 * first unread under 以下为新消息, watches chatHeads/<branch> as a doorbell and syncs on a ring, sends
 * through the outbox (saved to storage before the call, same client id on the retry), and renders
 * markup as text. Only wx (cloud functions, database watch, storage) is faked.
 */
import type { ChatMessageView, ChatOpenView } from '../../src/domain/api/chat';
import { byAction, fail, loadPage, ok } from './harness';
import { memberMe } from './fixtures';

const me = memberMe();

const at = Date.UTC(2026, 10, 27, 1, 0);
const msg = (seq: number, over: Partial<ChatMessageView> = {}): ChatMessageView => ({
  seq,
  rev: seq,
  clientMsgId: `c-seed-${seq}-abcdefghijk`,
  senderId: 'm-2',
  senderName: '王建国',
  kind: 'text',
  text: `消息${seq}`,
  image: null,
  quote: null,
  mentions: [],
  mentionAll: false,
  state: 'visible',
  createdAt: at + seq * 60_000,
  mine: false,
  recallUntil: 0,
  ...over,
});

const open = (over: Partial<ChatOpenView> = {}): ChatOpenView => ({
  head: { branchId: 'b-1', seq: 4, rev: 4 },
  branchName: '心血管内科党支部',
  memberCount: 12,
  readSeq: 2,
  unread: 2,
  messages: [msg(1), msg(2), msg(3, { text: '<script>alert(1)</script><b>粗</b>' }), msg(4)],
  hasOlder: false,
  hasNewer: false,
  pinned: msg(1, { text: '周五主题党日' }),
  mentionSeqs: [],
  canModerate: false,
  canMentionAll: false,
  me: { memberId: 'm-1', name: '李娜' },
  syncedRev: 4,
  ...over,
});

/** A fake CloudBase database whose watches the test rings. */
function fakeDatabase() {
  const watches: Array<{ collection: string; docId: string; onChange: (s: unknown) => void; onError: (e: unknown) => void; closed: boolean }> = [];
  const install = (wx: any) => {
    wx.cloud.database = () => ({
      collection: (collection: string) => ({
        doc: (docId: string) => ({
          watch: (o: { onChange: (s: unknown) => void; onError: (e: unknown) => void }) => {
            const w = { collection, docId, ...o, closed: false };
            watches.push(w);
            return { close: async () => void (w.closed = true) };
          },
        }),
      }),
    });
    wx.onNetworkStatusChange = () => undefined;
    wx.offNetworkStatusChange = () => undefined;
  };
  return { watches, install };
}

describe('chat (pages/chat/index)', () => {
  test('lands on the first unread under 以下为新消息, pinned on top, markup as text; a ring syncs by revision', async () => {
    const db = fakeDatabase();
    const p = await loadPage('pages/chat/index', {
      extendWx: db.install,
      cloud: byAction({
        'org/me': () => ok(me),
        'chat/open': () => ok(open()),
        'chat/read': () => ok({ readSeq: 4, unread: 0 }),
        'chat/sync': (payload) =>
          ok({ messages: payload.afterRev >= 4 ? [msg(5, { text: '新消息到了' }), msg(4, { rev: 6, state: 'recalled', text: '' })] : [], head: { branchId: 'b-1', seq: 5, rev: 6 }, pinned: msg(1, { text: '周五主题党日' }), more: false, syncedRev: 6 }),
      }),
    });
    await p.waitFor(() => p.exists('.chat-divider'));
    expect(p.text('.chat-divider')).toContain('以下为新消息');
    // the divider sits in the item of the first unread message (seq 3)
    expect(p.text('.chat-seq-3')).toContain('以下为新消息');
    expect(p.text('.chat-seq-2')).not.toContain('以下为新消息');
    expect(p.text('.chat-pinned')).toContain('周五主题党日');
    expect(p.text('.chat-seq-3 .chat-text')).toContain('<script>alert(1)</script><b>粗</b>');
    expect(p.all('.chat-seq-3 wx-rich-text')).toHaveLength(0);
    // read up to the last loaded message
    expect(p.calls.find((c) => c.action === 'read')?.payload).toEqual({ branchId: 'b-1', seq: 4 });

    // the doorbell: chatHeads/b-1, a ring with a newer rev → one sync after rev 4
    await p.waitFor(() => db.watches.length > 0);
    expect(db.watches[0]).toMatchObject({ collection: 'chatHeads', docId: 'b-1' });
    db.watches[0].onChange({ docs: [{ seq: 4, rev: 4 }], type: 'init' }); // nothing new: no call
    await p.flush();
    expect(p.calls.filter((c) => c.action === 'sync')).toHaveLength(0);
    db.watches[0].onChange({ docs: [{ seq: 5, rev: 6 }], docChanges: [{ dataType: 'update', doc: { seq: 5, rev: 6 } }] });
    await p.waitFor(() => p.text().includes('新消息到了'));
    expect(p.calls.filter((c) => c.action === 'sync').map((c) => c.payload)).toEqual([{ branchId: 'b-1', afterRev: 4 }]);
    expect(p.text('.chat-recalled')).toContain('王建国撤回了一条消息');
    expect(p.errors).toEqual([]);
    expect(p.missingTemplates).toEqual([]);
    p.unload();
  });

  test('a send in flight holds syncedRev below the head: the page looks again and gets the late message', async () => {
    const db = fakeDatabase();
    let syncs = 0;
    const p = await loadPage('pages/chat/index', {
      extendWx: db.install,
      cloud: byAction({
        'org/me': () => ok(me),
        'chat/open': () => ok(open({ unread: 0, readSeq: 4 })),
        'chat/read': () => ok({ readSeq: 5, unread: 0 }),
        'chat/sync': () => {
          syncs += 1;
          // first: seq 5 raised the head (rev 5) but is not stored yet, seq 6 is; syncedRev stops at 4
          if (syncs === 1) return ok({ messages: [msg(6, { text: '后发先到' })], head: { branchId: 'b-1', seq: 6, rev: 6 }, pinned: null, more: false, syncedRev: 4 });
          return ok({ messages: [msg(5, { text: '先发后到' }), msg(6, { text: '后发先到' })], head: { branchId: 'b-1', seq: 6, rev: 6 }, pinned: null, more: false, syncedRev: 6 });
        },
      }),
    });
    await p.waitFor(() => db.watches.length > 0);
    db.watches[0].onChange({ docs: [{ seq: 6, rev: 6 }] });
    await p.waitFor(() => p.text().includes('先发后到'), 8000);
    expect(p.calls.filter((c) => c.action === 'sync').map((c) => (c.payload as { afterRev: number }).afterRev)).toEqual([4, 4]);
    // shown in seq order although 6 arrived first
    const texts = p.all('.chat-text').map((el) => el.textContent ?? '');
    expect(texts.indexOf('先发后到')).toBeLessThan(texts.indexOf('后发先到'));
    p.unload();
  });

  test('a send is in storage before the call; offline it stays 发送中 and goes out later with the same client id', async () => {
    const db = fakeDatabase();
    let online = false;
    const sends: any[] = [];
    let storedBeforeCall = false;
    const p: Awaited<ReturnType<typeof loadPage>> = await loadPage('pages/chat/index', {
      extendWx: db.install,
      cloud: (name, data) => {
        if (name === 'org' && data.action === 'me') return ok(me);
        if (data.action === 'open') return ok(open({ unread: 0, readSeq: 4 }));
        if (data.action === 'read') return ok({ readSeq: 4, unread: 0 });
        if (data.action === 'sync') return ok({ messages: [], head: { branchId: 'b-1', seq: 4, rev: 4 }, pinned: null, more: false, syncedRev: 4 });
        if (data.action === 'send') {
          sends.push(data.data);
          storedBeforeCall = JSON.stringify(p.storage.get('wzb.chatOutbox') ?? '').includes(data.data.clientMsgId);
          if (!online) throw new Error('network down');
          return ok({ message: msg(5, { text: data.data.text, mine: true, senderId: 'm-1', senderName: '李娜', clientMsgId: data.data.clientMsgId }), duplicate: false, head: { branchId: 'b-1', seq: 5, rev: 5 } });
        }
        return fail('UNKNOWN_ACTION', data.action);
      },
    });
    await p.waitFor(() => p.exists('.chat-input'));
    await p.input('textarea.chat-input', '今晚夜班交接注意3床', { blur: false });
    await p.tap('.chat-send');
    await p.waitFor(() => p.exists('.chat-sending'));
    expect(storedBeforeCall).toBe(true);
    expect(p.text('.chat-pending')).toContain('今晚夜班交接注意3床');
    const firstId = sends[0].clientMsgId;
    expect(firstId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

    online = true;
    p.page.onShow(); // back in the foreground: re-sync and resend
    await p.waitFor(() => !p.exists('.chat-pending'));
    expect(sends.map((s) => s.clientMsgId)).toEqual(sends.map(() => firstId));
    expect(sends.at(-1)).toMatchObject({ branchId: 'b-1', kind: 'text', text: '今晚夜班交接注意3床', privacyConfirmed: false });
    expect(p.text('.chat-seq-5 .chat-text')).toContain('今晚夜班交接注意3床');
    expect(p.storage.has('wzb.chatOutbox')).toBe(false);
    p.unload();
  });

  test('the content check refusal keeps the draft and says why', async () => {
    const db = fakeDatabase();
    const p = await loadPage('pages/chat/index', {
      extendWx: db.install,
      cloud: byAction({
        'org/me': () => ok(me),
        'chat/open': () => ok(open({ unread: 0, readSeq: 4 })),
        'chat/read': () => ok({ readSeq: 4, unread: 0 }),
        'chat/send': () => fail('CONTENT_FLAGGED', '内容未通过安全检测，请修改后重试'),
      }),
    });
    await p.waitFor(() => p.exists('.chat-input'));
    await p.input('textarea.chat-input', '违禁测试词', { blur: false });
    await p.tap('.chat-send');
    await p.waitFor(() => p.exists('.chat-composer__error'));
    expect(p.text('.chat-composer__error')).toContain('内容未通过安全检测');
    expect(p.attrs('.chat-input').value).toBe('违禁测试词');
    expect(p.exists('.chat-pending')).toBe(false);
    p.unload();
  });
});

describe('chat: what the member has seen', () => {
  const sync = (messages: ChatMessageView[]) => {
    const top = messages.at(-1)!.seq;
    return ok({ messages, head: { branchId: 'b-1', seq: top, rev: top }, pinned: null, more: false, syncedRev: top });
  };
  const readSeqs = (p: Awaited<ReturnType<typeof loadPage>>) => p.calls.filter((c) => c.action === 'read').map((c) => (c.payload as { seq: number }).seq);

  test('a hidden chat (another page on top, or the app in the background) does not mark arrivals read; shown again, it does', async () => {
    const db = fakeDatabase();
    let next: ChatMessageView[] = [];
    const p = await loadPage('pages/chat/index', {
      extendWx: db.install,
      cloud: byAction({
        'org/me': () => ok(me),
        'chat/open': () => ok(open({ unread: 0, readSeq: 4 })),
        'chat/read': (payload) => ok({ readSeq: payload.seq, unread: 0 }),
        'chat/sync': () => sync(next),
      }),
    });
    await p.waitFor(() => db.watches.length > 0);
    expect(readSeqs(p)).toEqual([]); // all read already

    p.page.onHide(); // e.g. 转为通知 opened the compose page over the chat
    next = [msg(5, { text: '没人看到的消息' })];
    db.watches[0].onChange({ docs: [{ seq: 5, rev: 5 }] });
    await p.waitFor(() => p.text().includes('没人看到的消息'));
    await p.flush();
    expect(readSeqs(p)).toEqual([]);

    p.page.onShow();
    await p.waitFor(() => readSeqs(p).length > 0);
    expect(readSeqs(p)).toEqual([5]);
    p.unload();
  });

  test('messages arriving while the member reads above: a “N 条新消息” chip, not read until they come down', async () => {
    const db = fakeDatabase();
    let next: ChatMessageView[] = [];
    const p = await loadPage('pages/chat/index', {
      extendWx: db.install,
      cloud: byAction({
        'org/me': () => ok(me),
        'chat/open': () => ok(open()), // lands on the divider above seq 3: not at the bottom
        'chat/read': (payload) => ok({ readSeq: payload.seq, unread: 0 }),
        'chat/sync': () => sync(next),
      }),
    });
    await p.waitFor(() => db.watches.length > 0 && readSeqs(p).length > 0);
    expect(readSeqs(p)).toEqual([4]); // what was on screen when they landed
    expect(p.exists('.chat-new-chip')).toBe(false);

    next = [msg(5, { text: '第五条' }), msg(6, { text: '第六条' })];
    db.watches[0].onChange({ docs: [{ seq: 6, rev: 6 }] });
    await p.waitFor(() => p.exists('.chat-new-chip'));
    expect(p.text('.chat-new-chip')).toContain('2 条新消息');
    expect(readSeqs(p)).toEqual([4]);

    await p.tap('.chat-new-chip');
    await p.waitFor(() => readSeqs(p).length > 1);
    expect(readSeqs(p)).toEqual([4, 6]);
    expect(p.exists('.chat-new-chip')).toBe(false);
    p.unload();
  });
});

test('an image message renders, sized by Taro.pxTransform (its designWidth function runs inside the bundle)', async () => {
  const db = fakeDatabase();
  const image = { fileId: 'cloud://env/chat/a.jpg', url: 'https://example.invalid/a.jpg', width: 1200, height: 900 };
  const p = await loadPage('pages/chat/index', {
    extendWx: db.install,
    cloud: byAction({
      'org/me': () => ok(me),
      'chat/open': () => ok(open({ unread: 0, readSeq: 5, head: { branchId: 'b-1', seq: 5, rev: 5 }, messages: [msg(4), msg(5, { kind: 'image', text: '', image })] })),
      'chat/read': () => ok({ readSeq: 5, unread: 0 }),
    }),
  });
  await p.waitFor(() => p.exists('.chat-image'));
  expect(String(p.attrs('.chat-image').style)).toMatch(/width:\s*[\d.]+rem/);
  expect(p.errors).toEqual([]);
  p.unload();
});
