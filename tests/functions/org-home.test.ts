import { chatFunction } from '../../cloudfunctions/chat/src/handler';
import { lessonsFunction } from '../../cloudfunctions/lessons/src/handler';
import { noticesFunction } from '../../cloudfunctions/notices/src/handler';
import { orgFunction } from '../../cloudfunctions/org/src/handler';
import { readOnce } from '../../cloudfunctions/_runtime/storage/read-once';
import type { Doc, Storage } from '../../cloudfunctions/_runtime/storage/port';
import { makeWorld, requestId, type FunctionWorld } from './harness';

/** org `home`: the answers of org.me, lessons.today, notices.inbox and chat.badge in one call, for fewer reads. */
describe('org.home', () => {
  let world: FunctionWorld;
  const member = 'demo:m_H01002';
  beforeEach(async () => {
    world = await makeWorld();
    await world.ok(noticesFunction, 'demo:m_H01001', 'publish', { title: '首页测试通知', body: '正文', audience: { kind: 'all' }, requestId: requestId() });
    await world.ok(chatFunction, 'demo:m_H01003', 'send', { clientMsgId: 'chometest00000000001', text: '大家好' });
  });

  it('answers what the four separate calls answer', async () => {
    const home = await world.ok(orgFunction, member, 'home', { me: true });
    expect(home.me).toEqual(await world.ok(orgFunction, member, 'me'));
    expect(home.today).toEqual(await world.ok(lessonsFunction, member, 'today'));
    expect(home.inbox).toEqual(await world.ok(noticesFunction, member, 'inbox'));
    expect(home.chat).toEqual(await world.ok(chatFunction, member, 'badge'));
    expect(home.inbox.unreadCount).toBe(1);
    expect(home.chat.unread).toBe(1);
    expect((await world.ok(orgFunction, member, 'home', { me: false })).me).toBeNull();
  });

  it('an unbound caller gets `bound: false` and nothing else', async () => {
    const home = await world.ok(orgFunction, 'wx-nobody', 'home', {});
    expect(home).toEqual({ me: { bound: false, demo: true }, today: null, inbox: { items: [], unreadCount: 0 }, chat: null, meetings: null });
  });
});

describe('readOnce', () => {
  it('reads a document or a query once per request, hands out copies, and refuses writes', async () => {
    const world = await makeWorld();
    let gets = 0;
    const inner = world.storage;
    const spy: Storage = {
      ...inner,
      collection: <T extends Doc>(name: string) => {
        const c = inner.collection<T>(name);
        return { ...c, name: c.name, get: (id: string) => (gets++, c.get(id)) };
      },
    };
    const once = readOnce(spy);
    const a = await once.collection('branches').get('b_demo01');
    const b = await once.collection('branches').get('b_demo01');
    expect(gets).toBe(1);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    await expect(once.collection('branches').put({ _id: 'x' })).rejects.toThrow(/writes are not allowed/);
  });
});
