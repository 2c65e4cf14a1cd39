import { reserveSmsBudget, smsBudget } from '../../cloudfunctions/_runtime/reach/sms-budget';
import { openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { DEFAULT_REACH_SETTINGS } from '../../src/domain/reach/types';
import { shanghaiMonth } from '../../src/domain/reach/month';

async function world(cap: number, at = Date.UTC(2026, 10, 28, 1)) {
  const storage = openSqliteStorage(':memory:');
  const clock = { t: at };
  await storage.collection('reachSettings').put({ ...DEFAULT_REACH_SETTINGS, smsMonthlyCap: cap, updatedAt: 0, updatedBy: null });
  return { ctx: { storage, now: () => clock.t }, clock, storage };
}

describe('SMS budget', () => {
  it('grants up to the cap and no more', async () => {
    const { ctx } = await world(100);
    expect(await reserveSmsBudget(ctx, 60)).toBe(60);
    expect(await reserveSmsBudget(ctx, 60)).toBe(40);
    expect(await reserveSmsBudget(ctx, 1)).toBe(0);
    expect(await smsBudget(ctx)).toEqual({ month: '2026-11', cap: 100, used: 100, left: 0 });
  });

  it('grants nothing when the cap is 0 (the default) or the count is not positive', async () => {
    const { ctx, storage } = await world(50);
    await storage.collection('reachSettings').remove({ _id: 'hospital' });
    expect(await reserveSmsBudget(ctx, 5)).toBe(0);
    const other = await world(50);
    expect(await reserveSmsBudget(other.ctx, 0)).toBe(0);
    expect(await reserveSmsBudget(other.ctx, -3)).toBe(0);
    expect(await reserveSmsBudget(other.ctx, 2.5)).toBe(0);
  });

  it('concurrent reservations never exceed the cap together', async () => {
    const { ctx } = await world(100);
    const grants = await Promise.all(Array.from({ length: 30 }, () => reserveSmsBudget(ctx, 7)));
    expect(grants.reduce((a, b) => a + b, 0)).toBe(100);
    expect((await smsBudget(ctx)).used).toBe(100);
  });

  it('starts afresh each Asia/Shanghai month (midnight there is 16:00 UTC)', async () => {
    const { ctx, clock } = await world(10, Date.UTC(2026, 10, 30, 15, 59));
    expect(await reserveSmsBudget(ctx, 10)).toBe(10);
    expect(await reserveSmsBudget(ctx, 1)).toBe(0);
    clock.t = Date.UTC(2026, 10, 30, 16, 0);
    expect(shanghaiMonth(clock.t)).toBe('2026-12');
    expect(await reserveSmsBudget(ctx, 4)).toBe(4);
    expect(await smsBudget(ctx)).toEqual({ month: '2026-12', cap: 10, used: 4, left: 6 });
  });

  it('a lowered cap leaves nothing more to grant', async () => {
    const { ctx, storage } = await world(100);
    await reserveSmsBudget(ctx, 80);
    await storage.collection('reachSettings').updateById('hospital', { $set: { smsMonthlyCap: 50 } });
    expect(await reserveSmsBudget(ctx, 1)).toBe(0);
    expect(await smsBudget(ctx)).toMatchObject({ used: 80, left: 0 });
  });
});
