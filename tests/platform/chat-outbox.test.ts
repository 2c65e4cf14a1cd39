/**
 * The chat outbox: saved before the request, one client id for every retry, order kept, 发送中 while
 * the network is away, 重发 after a refusal, a content-check refusal back to the draft, and nothing
 * lost when the app is killed (a new Outbox over the same store resends).
 */
import { Outbox, OUTBOX_RETRY_MS, type FailureKind, type OutboxEntry, type OutgoingDraft } from '../../src/utils/chat-outbox';

class Fail extends Error {
  constructor(readonly kind: FailureKind, message = '失败') {
    super(message);
  }
}

function memoryStore() {
  let saved: OutboxEntry[] = [];
  const snapshots: OutboxEntry[][] = [];
  return {
    load: () => JSON.parse(JSON.stringify(saved)) as OutboxEntry[],
    save: (list: OutboxEntry[]) => {
      saved = JSON.parse(JSON.stringify(list));
      snapshots.push(saved);
    },
    get saved() {
      return saved;
    },
    snapshots,
  };
}

const draft = (text: string, over: Partial<OutgoingDraft> = {}): OutgoingDraft => ({ text, mentions: [], mentionAll: false, replyTo: null, image: null, ...over });
const flushPromises = () => new Promise((r) => setImmediate(r));

function setup(store = memoryStore()) {
  const sent: Array<{ clientId: string; text: string }> = [];
  const attempts: string[] = [];
  const returned: Array<{ text: string; reason: string }> = [];
  const changes: OutboxEntry[][] = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  let behaviour: (e: OutboxEntry) => Promise<void> | void = () => undefined;
  let id = 0;
  const outbox = new Outbox<{ seq: number }>('b-1', {
    store,
    send: async (e) => {
      attempts.push(e.clientId);
      // the entry is on "disk" before the request
      expect(store.saved.some((s) => s.clientId === e.clientId)).toBe(true);
      await behaviour(e);
      sent.push({ clientId: e.clientId, text: e.text });
      return { seq: sent.length };
    },
    classify: (e) => (e instanceof Fail ? e.kind : 'network'),
    messageOf: (e) => (e instanceof Error ? e.message : '?'),
    onSent: () => undefined,
    onReturnedToDraft: (e, reason) => returned.push({ text: e.text, reason }),
    onChange: (list) => changes.push(list),
    now: () => 1000,
    newId: () => `c${++id}`,
    timers: { setTimeout: (fn, ms) => timers.push({ fn, ms }), clearTimeout: () => undefined },
  });
  return { outbox, store, sent, attempts, returned, changes, timers, setBehaviour: (b: typeof behaviour) => (behaviour = b) };
}

test('sends in order, each once, and empties the outbox', async () => {
  const t = setup();
  t.outbox.add(draft('一'));
  t.outbox.add(draft('二'));
  t.outbox.add(draft('三'));
  await flushPromises();
  expect(t.sent.map((s) => s.text)).toEqual(['一', '二', '三']);
  expect(t.store.saved).toEqual([]);
  // same-millisecond entries still get distinct, increasing times
  expect(t.changes[2].map((e) => e.createdAt)).toEqual([1000, 1001, 1002]);
});

test('offline: stays 发送中, retries with the SAME client id, keeps order, then delivers once', async () => {
  const t = setup();
  let online = false;
  t.setBehaviour(() => {
    if (!online) throw new Fail('network', '网络不稳定，请稍后重试');
  });
  t.outbox.add(draft('甲'));
  t.outbox.add(draft('乙'));
  await flushPromises();
  expect(t.sent).toEqual([]);
  expect(t.outbox.entries().map((e) => [e.text, e.state])).toEqual([
    ['甲', 'sending'],
    ['乙', 'sending'],
  ]);
  // only the oldest was tried: order is kept
  expect(new Set(t.attempts)).toEqual(new Set(['c1']));
  expect(t.timers.map((x) => x.ms)).toEqual([OUTBOX_RETRY_MS[0]]);
  online = true;
  t.outbox.retryNow();
  await flushPromises();
  expect(t.sent).toEqual([
    { clientId: 'c1', text: '甲' },
    { clientId: 'c2', text: '乙' },
  ]);
  expect(t.outbox.entries()).toEqual([]);
});

test('after several network failures it shows 重发, and the network coming back resends it', async () => {
  const t = setup();
  let online = false;
  t.setBehaviour(() => {
    if (!online) throw new Fail('network', '网络不稳定，请稍后重试');
  });
  t.outbox.add(draft('坚持'));
  await flushPromises();
  for (let i = 1; i < OUTBOX_RETRY_MS.length; i++) {
    t.timers.shift()!.fn();
    await flushPromises();
  }
  expect(t.outbox.entries()[0]).toMatchObject({ state: 'failed', error: '网络不稳定，请稍后重试' });
  expect(t.timers).toHaveLength(0);
  online = true;
  t.outbox.retryNow();
  await flushPromises();
  expect(t.sent.map((s) => s.clientId)).toEqual(['c1']);
  expect(new Set(t.attempts)).toEqual(new Set(['c1']));
});

test('a refusal (rate limit) marks 重发 with the reason and lets later messages go', async () => {
  const t = setup();
  t.setBehaviour((e) => {
    if (e.text === '太快') throw new Fail('refused', '发送太频繁，请稍后再试');
  });
  t.outbox.add(draft('太快'));
  t.outbox.add(draft('之后'));
  await flushPromises();
  expect(t.sent.map((s) => s.text)).toEqual(['之后']);
  expect(t.outbox.entries()).toMatchObject([{ text: '太快', state: 'failed', error: '发送太频繁，请稍后再试' }]);
  // 重发 on that one entry
  t.setBehaviour(() => undefined);
  t.outbox.retryNow('c1');
  await flushPromises();
  expect(t.sent.map((s) => s.clientId)).toEqual(['c2', 'c1']);
  // retryNow() without an id does not resend refused entries on its own
});

test('retryNow() (network back) leaves refused entries alone', async () => {
  const t = setup();
  t.setBehaviour(() => {
    throw new Fail('refused', '消息过长');
  });
  t.outbox.add(draft('x'));
  await flushPromises();
  const tries = t.attempts.length;
  t.outbox.retryNow();
  await flushPromises();
  expect(t.attempts.length).toBe(tries);
  expect(t.outbox.entries()[0].state).toBe('failed');
});

test('the content check refusing the text returns it to the draft with the reason', async () => {
  const t = setup();
  t.setBehaviour(() => {
    throw new Fail('draft', '内容未通过安全检测，请修改后重试');
  });
  t.outbox.add(draft('违禁测试词'));
  await flushPromises();
  expect(t.returned).toEqual([{ text: '违禁测试词', reason: '内容未通过安全检测，请修改后重试' }]);
  expect(t.outbox.entries()).toEqual([]);
});

test('killing the app loses nothing: a new outbox over the same storage resends with the same id', async () => {
  const store = memoryStore();
  const first = setup(store);
  first.setBehaviour(() => new Promise<void>(() => undefined)); // the request never returns: app killed
  first.outbox.add(draft('断网时写的'));
  await flushPromises();
  expect(store.saved.map((e) => e.clientId)).toEqual(['c1']);
  const second = setup(store);
  expect(second.outbox.entries().map((e) => e.text)).toEqual(['断网时写的']);
  second.outbox.retryNow();
  await flushPromises();
  expect(second.sent).toEqual([{ clientId: 'c1', text: '断网时写的' }]);
  expect(store.saved).toEqual([]);
});

test('an uploaded image is remembered, so a retry does not upload again', async () => {
  const t = setup();
  let online = false;
  const uploads: string[] = [];
  const store = memoryStore();
  const outbox = new Outbox<number>('b-1', {
    store,
    send: async (e, onUploaded) => {
      if (!e.image?.fileId) {
        uploads.push(e.image!.path);
        onUploaded('f_1');
      }
      if (!online) throw new Fail('network');
      return 1;
    },
    classify: (e) => (e instanceof Fail ? e.kind : 'network'),
    messageOf: () => '网络',
    onSent: () => undefined,
    onReturnedToDraft: () => undefined,
    onChange: () => undefined,
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
  });
  outbox.add(draft('', { image: { path: 'blob:1', size: 10, width: 4, height: 3 } }));
  await flushPromises();
  expect(store.saved[0].image).toEqual({ path: 'blob:1', size: 10, width: 4, height: 3, fileId: 'f_1' });
  online = true;
  outbox.retryNow();
  await flushPromises();
  expect(uploads).toEqual(['blob:1']);
  expect(store.saved).toEqual([]);
  void t;
});

test('entries of other branches are kept but not sent', async () => {
  const store = memoryStore();
  store.save([{ ...draft('别的支部'), clientId: 'x', branchId: 'b-2', createdAt: 1, state: 'sending', error: null, attempts: 0 }]);
  const t = setup(store);
  t.outbox.add(draft('本支部'));
  await flushPromises();
  expect(t.sent.map((s) => s.text)).toEqual(['本支部']);
  expect(store.saved.map((e) => e.clientId)).toEqual(['x']);
});
