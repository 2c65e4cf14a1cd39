import { chatFunction } from '../../cloudfunctions/chat/src/handler';
import { seedDemoChat } from '../../cloudfunctions/_local/seed/demo-chat';
import type { ChatOutput } from '../../src/domain/api/chat';
import type { Member } from '../../src/domain/org/types';
import { makeWorld } from '../functions/harness';

describe('demo chat seed', () => {
  it('gives every demo branch a week of conversation, a pinned announcement and mentions, fast and deterministic', async () => {
    const world = await makeWorld();
    const started = performance.now();
    const seeded = await seedDemoChat(world.storage, world.clock.now());
    const ms = performance.now() - started;
    expect(seeded.branches).toBe(14);
    expect(seeded.messages).toBeGreaterThan(14 * 30);
    expect(ms).toBeLessThan(3000);

    const [member] = await world.storage.collection<Member>('members').find({ branchId: 'b_demo05', role: 'member', openid: { $ne: null } }, { limit: 1 });
    const res = await chatFunction({ action: 'open', data: {} }, { openid: member.openid, storage: world.storage, now: world.clock.now, randomBytes: (n) => new Uint8Array(n), demo: true, wechat: world.wechat, files: world.files, channels: world.channels });
    expect(res.ok).toBe(true);
    const view = (res as { data: ChatOutput['open'] }).data;
    expect(view.pinned?.text).toContain('【支部公告】');
    expect(view.unread).toBeGreaterThan(0);
    expect(view.messages[0].seq).toBe(view.readSeq + 1);
    const all = await world.storage.collection('chatMessages').findAll({ branchId: 'b_demo05' });
    const times = all.sort((a, b) => Number(a.seq) - Number(b.seq)).map((m) => Number(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b)); // seq follows time
    expect(times[0]).toBeGreaterThan(world.clock.now() - 8 * 24 * 3600 * 1000);
    expect(times[times.length - 1]).toBeLessThan(world.clock.now());
    expect(all.some((m) => m.mentionAll === true)).toBe(true);
    expect(all.some((m) => Array.isArray(m.mentions) && m.mentions.length > 0)).toBe(true);
    expect(all.some((m) => m.quote !== null)).toBe(true);

    const again = await makeWorld();
    await seedDemoChat(again.storage, again.clock.now());
    const copy = await again.storage.collection('chatMessages').findAll({ branchId: 'b_demo05' });
    expect(copy.map((m) => [m.seq, m.text, m.senderId])).toEqual(all.map((m) => [m.seq, m.text, m.senderId]));
  });
});
