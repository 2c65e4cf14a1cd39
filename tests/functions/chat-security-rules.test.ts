import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, makeWorld } from './harness';
import { chat, chatCast } from './chat-fixtures';

/**
 * The CloudBase security rule committed for `chatHeads` (the weapp doorbell), evaluated against the
 * documents the chat function really writes. CloudBase rule expressions are JavaScript-like (`==`,
 * `&&`, `||`, template strings, `get('database.<collection>.<id>')`), so the rule runs here as JS with
 * `get` reading our storage — the same question CloudBase asks before a `watch()` may see a head.
 */
const rules = JSON.parse(readFileSync(path.resolve(__dirname, '../../cloudfunctions/chat/security-rules.chatHeads.json'), 'utf8')) as { read: string; write: boolean };

describe('chatHeads security rule', () => {
  it('lets a member hear only their current branch head, admins every head, nobody write or read cursors', async () => {
    const world = await makeWorld();
    const one = await chatCast(world, 'b_demo01');
    const two = await chatCast(world, 'b_demo02');
    await chat.say(world, one.a.openid, '一支部');
    await chat.say(world, two.a.openid, '二支部');
    for (const openid of [one.b.openid, two.b.openid, ADMIN]) await chat.ok(world, openid, 'badge').then(() => chat.ok(world, openid, 'open', openid === ADMIN ? { branchId: 'b_demo01' } : {}));
    const docs = world.storage.collection('chatHeads');
    const snapshot = new Map((await docs.findAll({ _id: { $exists: true } })).map((d) => [d._id, d]));
    const get = (p: string) => snapshot.get(p.replace(/^database\.chatHeads\./, '')) ?? {};
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const rule = new Function('doc', 'auth', 'get', `return (${rules.read});`) as (doc: unknown, auth: { openid: string }, get: (p: string) => unknown) => boolean;
    const canRead = (openid: string, id: string) => rule(snapshot.get(id), { openid }, get);

    expect(rules.write).toBe(false);
    expect(canRead(one.b.openid, 'b_demo01')).toBe(true);
    expect(canRead(one.b.openid, 'b_demo02')).toBe(false);
    expect(canRead(two.b.openid, 'b_demo02')).toBe(true);
    expect(canRead(two.b.openid, 'b_demo01')).toBe(false);
    expect(canRead(ADMIN, 'b_demo01')).toBe(true);
    expect(canRead(ADMIN, 'b_demo02')).toBe(true);
    expect(canRead(one.d.openid, 'b_demo01')).toBe(false); // never called chat: no cursor yet, the page's first call makes it
    expect(canRead(one.b.openid, `cur_${one.b.openid}`)).toBe(false); // cursors are not for clients
    expect(canRead(one.b.openid, `cur_${two.b.openid}`)).toBe(false);

    // A move: the first chat call from the new branch moves the cursor, and with it the rule.
    await world.storage.collection('members').updateById(one.b.member._id, { $set: { branchId: 'b_demo02' } });
    await chat.ok(world, one.b.openid, 'open', {});
    const moved = new Map((await docs.findAll({ _id: { $exists: true } })).map((d) => [d._id, d]));
    snapshot.clear();
    moved.forEach((v, k) => snapshot.set(k, v));
    expect(canRead(one.b.openid, 'b_demo01')).toBe(false);
    expect(canRead(one.b.openid, 'b_demo02')).toBe(true);
  });
});
