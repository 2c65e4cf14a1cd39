import { chatFunction } from '../../cloudfunctions/chat/src/handler';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import { countingStorage } from '../../scripts/bench/counting-storage';
import { fillBranch } from '../../scripts/bench/chat-fill';
import { makeWorld } from './harness';
import { chat, chatCast } from './chat-fixtures';

describe('chat: a badge refresh costs the same whatever the history', () => {
  it('reads at most 2 times (identity + head and cursor) at 10 and at 100,000 messages', async () => {
    const world = await makeWorld();
    const small = await chatCast(world, 'b_demo01');
    const big = await chatCast(world, 'b_demo02');
    await fillBranch(world.storage, 'b_demo01', small.a.member._id, 10, world.clock.now());
    await fillBranch(world.storage, 'b_demo02', big.a.member._id, 100_000, world.clock.now());
    const counting = countingStorage(world.storage);
    const ctx = (openid: string): FunctionContext => ({ openid, storage: counting.storage, now: world.clock.now, randomBytes: (n) => new Uint8Array(n), demo: true, wechat: world.wechat, files: world.files, channels: world.channels });
    const reads: number[] = [];
    for (const [who, expected] of [
      [small.b.openid, 10],
      [big.b.openid, 100_000],
    ] as const) {
      counting.reset();
      const res: any = await chatFunction({ action: 'badge', data: {} }, ctx(who));
      expect(res).toMatchObject({ ok: true, data: { unread: expected } });
      reads.push(counting.reads());
      expect(counting.writes()).toBe(0);
    }
    expect(reads[0]).toBeLessThanOrEqual(2);
    expect(reads[1]).toBe(reads[0]);
    // History pages by seq: a page of 30 at 100,000.
    counting.reset();
    const page: any = await chatFunction({ action: 'list', data: { beforeSeq: 50_000 } }, ctx(big.b.openid));
    expect(page.data.messages.map((m: { seq: number }) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 49_970 + i));
    expect(counting.reads()).toBeLessThanOrEqual(3);
    expect(await chat.ok(world, big.b.openid, 'read', { seq: 100_000 })).toEqual({ readSeq: 100_000, unread: 0 });
  }, 60_000);
});
