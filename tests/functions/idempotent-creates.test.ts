import { lessonsFunction } from '../../cloudfunctions/lessons/src/handler';
import { noticesFunction } from '../../cloudfunctions/notices/src/handler';
import { orgFunction } from '../../cloudfunctions/org/src/handler';
import type { FunctionHandler } from '../../cloudfunctions/_runtime/handler';
import { ADMIN, makeWorld, requestId, type FunctionWorld } from './harness';
import { articleInput } from './lessons-fixtures';
import { cast, draft } from './notices-fixtures';

/**
 * Every action that creates something takes a client request id: the same id returns the first result
 * and creates nothing new, also when the calls race; a new id is a new thing.
 */
interface CreateCase {
  fn: FunctionHandler;
  action: string;
  /** Who calls (resolved once the world exists). */
  caller: (w: FunctionWorld) => Promise<string>;
  /** The payload for one intent; `n` varies names that must be unique. */
  input: (rid: string, n: number) => Record<string, unknown>;
  collection: string;
  /** Selects what this action created (beyond the seed). */
  created: Record<string, unknown>;
}

const secretaryOf = (branchId: string) => async (w: FunctionWorld) => (await cast(w, branchId)).secretary.openid!;
const admin = async () => ADMIN;

const CASES: CreateCase[] = [
  {
    fn: noticesFunction,
    action: 'publish',
    caller: secretaryOf('b_demo01'),
    input: (rid) => draft({ requestId: rid }),
    collection: 'notices',
    created: { title: draft().title },
  },
  {
    fn: noticesFunction,
    action: 'publish (scheduled)',
    caller: secretaryOf('b_demo01'),
    input: (rid) => draft({ requestId: rid, title: '定时通知', publishAt: Date.UTC(2026, 10, 23, 1, 0, 0) }),
    collection: 'notices',
    created: { title: '定时通知' },
  },
  {
    fn: orgFunction,
    action: 'invites.create',
    caller: secretaryOf('b_demo01'),
    input: (rid) => ({ branchId: 'b_demo01', days: 7, requestId: rid }),
    collection: 'invites',
    created: { branchId: 'b_demo01', revokedAt: null },
  },
  {
    fn: orgFunction,
    action: 'group.create',
    caller: secretaryOf('b_demo01'),
    input: (rid, n) => ({ branchId: 'b_demo01', name: `新党小组${n}`, requestId: rid }),
    collection: 'partyGroups',
    created: { branchId: 'b_demo01', name: { $in: ['新党小组1', '新党小组2'] } },
  },
  {
    fn: orgFunction,
    action: 'branch.create',
    caller: admin,
    input: (rid, n) => ({ name: `康复医学科${n}党支部`, department: '康复医学科', requestId: rid }),
    collection: 'branches',
    created: { department: '康复医学科' },
  },
  {
    fn: lessonsFunction,
    action: 'library.create',
    caller: admin,
    input: (rid) => articleInput({ requestId: rid, title: '幂等测试课' }),
    collection: 'lessons',
    created: { title: '幂等测试课' },
  },
];

const actionOf = (c: CreateCase) => c.action.replace(/ \(.*\)$/, '');

let world: FunctionWorld;
let before: number;
beforeEach(async () => {
  world = await makeWorld();
});

/** How many documents this action created since the world was seeded. */
const countCreated = async (c: CreateCase) => (await world.storage.collection(c.collection).count(c.created as never)) - before;

/** A second caller allowed the same action: the branch's committee member, or a second committee admin. */
async function otherCaller(c: CreateCase): Promise<string> {
  if (c.caller !== admin) return (await cast(world, 'b_demo01')).committee.openid!;
  await world.storage.collection('members').updateById('m_H01002', { $set: { role: 'committee_admin', branchId: null } });
  return 'demo:m_H01002';
}

describe.each(CASES.map((c) => [c.action, c] as const))('%s with a request id', (_name, c) => {
  beforeEach(async () => {
    before = await world.storage.collection(c.collection).count(c.created as never);
  });

  it('twice with the same id: one document, the same result', async () => {
    const openid = await c.caller(world);
    const rid = requestId();
    const first = await world.ok(c.fn, openid, actionOf(c), c.input(rid, 1));
    world.clock.advance(2000);
    const second = await world.ok(c.fn, openid, actionOf(c), c.input(rid, 1));
    expect(second).toEqual(first);
    expect(await countCreated(c)).toBe(1);
  });

  it('three concurrent calls with the same id: exactly one creates, all answer the same', async () => {
    const openid = await c.caller(world);
    const rid = requestId();
    const results = await Promise.all([1, 2, 3].map(() => world.call(c.fn, openid, actionOf(c), c.input(rid, 1))));
    for (const r of results) expect(r).toMatchObject({ ok: true });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(await countCreated(c)).toBe(1);
  });

  it('different ids: two documents', async () => {
    const openid = await c.caller(world);
    await world.ok(c.fn, openid, actionOf(c), c.input(requestId(), 1));
    await world.ok(c.fn, openid, actionOf(c), c.input(requestId(), 2));
    expect(await countCreated(c)).toBe(2);
  });

  it('the same id from another caller is another intent', async () => {
    const openid = await c.caller(world);
    const other = await otherCaller(c);
    const rid = requestId();
    const mine = await world.ok(c.fn, openid, actionOf(c), c.input(rid, 1));
    const theirs = await world.ok(c.fn, other, actionOf(c), c.input(rid, 2));
    expect(theirs).not.toEqual(mine);
    expect(await countCreated(c)).toBe(2);
  });

  it('without a request id: refused in Chinese, nothing stored', async () => {
    const openid = await c.caller(world);
    const { requestId: _omit, ...input } = c.input(requestId(), 1);
    expect(await world.call(c.fn, openid, actionOf(c), input)).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '缺少请求编号，请刷新页面后重试' });
    expect(await world.call(c.fn, openid, actionOf(c), { ...input, requestId: 'short' })).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: '请求编号格式不正确，请刷新页面后重试' });
    expect(await countCreated(c)).toBe(0);
  });
});

describe('publishing a notice once', () => {
  it('two taps and a retry: members see one notice and one receipt each', async () => {
    const b1 = await cast(world, 'b_demo01');
    const rid = requestId();
    const taps = await Promise.all([1, 2].map(() => world.call(noticesFunction, b1.secretary.openid, 'publish', draft({ requestId: rid }))));
    const retry = await world.ok(noticesFunction, b1.secretary.openid, 'publish', draft({ requestId: rid }));
    expect(taps.map((t) => (t.ok ? t.data : t))).toEqual([retry, retry]);
    expect(retry).toMatchObject({ status: 'published', recipientCount: expect.any(Number) });
    const inbox = await world.ok(noticesFunction, b1.members[0].openid, 'inbox');
    expect(inbox.items).toHaveLength(1);
    expect(await world.storage.collection('receipts').count({ noticeId: retry.noticeId })).toBe(retry.recipientCount);
  });

  it('a retry after the scheduled time has passed returns the scheduled notice instead of refusing the time', async () => {
    const s = (await cast(world, 'b_demo01')).secretary.openid;
    const rid = requestId();
    const publishAt = world.clock.now() + 10 * 60 * 1000;
    const first = await world.ok(noticesFunction, s, 'publish', draft({ requestId: rid, publishAt }));
    world.clock.advance(5 * 60 * 1000);
    expect(await world.ok(noticesFunction, s, 'publish', draft({ requestId: rid, publishAt }))).toEqual(first);
  });

  it('a retry finishes a release the first call did not complete', async () => {
    const s = (await cast(world, 'b_demo01')).secretary.openid;
    const rid = requestId();
    const first = await world.ok(noticesFunction, s, 'publish', draft({ requestId: rid }));
    // As if the first call died after storing the notice and before the fan-out.
    await world.storage.collection('receipts').remove({ noticeId: first.noticeId });
    await world.storage.collection('notices').updateById(first.noticeId, { $set: { status: 'scheduled', recipientCount: 0 } });
    const retry = await world.ok(noticesFunction, s, 'publish', draft({ requestId: rid }));
    expect(retry).toMatchObject({ noticeId: first.noticeId, status: 'published', recipientCount: first.recipientCount });
    expect(await world.storage.collection('receipts').count({ noticeId: first.noticeId })).toBe(first.recipientCount);
  });

  it('a refused first attempt creates nothing, and the same id then succeeds once', async () => {
    const s = (await cast(world, 'b_demo01')).secretary.openid;
    const rid = requestId();
    expect(await world.call(noticesFunction, s, 'publish', draft({ requestId: rid, body: '这里有违禁测试词' }))).toMatchObject({ ok: false, code: 'CONTENT_FLAGGED' });
    expect(await world.storage.collection('notices').count({ authorId: { $ne: '' } })).toBe(0);
    await world.ok(noticesFunction, s, 'publish', draft({ requestId: rid }));
    await world.ok(noticesFunction, s, 'publish', draft({ requestId: rid }));
    expect(await world.storage.collection('notices').count({ authorId: { $ne: '' } })).toBe(1);
  });
});
