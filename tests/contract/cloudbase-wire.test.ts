/**
 * The CloudBase adapter tested "up to the wire": the real @cloudbase/node-sdk, initialised with fake
 * credentials, sends its signed HTTP requests to a local server (`serviceUrl`) that records each JSON
 * body and answers with canned CloudBase responses. The assertions pin the exact query/update the
 * SDK would send to CloudBase for what the port accepts — and that refused input sends nothing.
 *
 * The SDK serialises with EJSON (canonical), so numbers appear as {"$numberInt": "1"} and friends.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tcb from '@cloudbase/node-sdk';
import { cloudbaseStorage } from '../../cloudfunctions/_runtime/storage/cloudbase';
import { ALL_DOCUMENTS } from '../../cloudfunctions/_runtime/storage/guards';
import { DuplicateKeyError, StorageError, type Storage } from '../../cloudfunctions/_runtime/storage/port';

interface Sent {
  action: string;
  body: Record<string, unknown>;
}
type Canned = Record<string, unknown>;

const int = (n: number) => ({ $numberInt: String(n) });
const json = (value: unknown) => JSON.parse(String(value)) as unknown;

let server: http.Server;
let sent: Sent[] = [];
let queued: Canned[] = [];
let storage: Storage;
/** Every host the process tried to reach over http(s) while these tests ran. */
const hostsContacted = new Set<string>();
const savedEnv = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE };

/** Default successful answers, shaped as CloudBase's database API returns them. */
function defaultAnswer(action: string): Canned {
  switch (action) {
    case 'database.getDocument':
      return { requestId: 'r', data: { list: [] } };
    case 'database.insertDocument':
      return { requestId: 'r', data: { insertedIds: ['ignored'] } };
    case 'database.modifyDocument':
      return { requestId: 'r', data: { updated: 1, upsert_id: null } };
    case 'database.removeDocument':
      return { requestId: 'r', data: { deleted: 1 } };
    case 'database.calculateDocument':
      return { requestId: 'r', data: { total: 0 } };
    default:
      return { requestId: 'r', code: 'UNEXPECTED', message: action };
  }
}

/** A getDocument answer: CloudBase sends each document as an EJSON string. */
const docs = (...list: object[]): Canned => ({ requestId: 'r', data: { list: list.map((d) => JSON.stringify(d)) } });

/** Records the target host of every outgoing request (the SDK and axios both call module.request). */
function watchOutgoing(mod: typeof http | typeof https): () => void {
  const original = mod.request;
  mod.request = ((...args: unknown[]) => {
    const [first, second] = args;
    const target = typeof first === 'string' || first instanceof URL ? new URL(String(first)) : undefined;
    const options = (target ? second : first) as http.RequestOptions | undefined;
    hostsContacted.add(target?.hostname ?? options?.hostname ?? options?.host ?? '?');
    return (original as (...a: unknown[]) => http.ClientRequest)(...args);
  }) as typeof mod.request;
  return () => {
    mod.request = original;
  };
}
let unwatch: Array<() => void> = [];

beforeAll(async () => {
  unwatch = [watchOutgoing(http), watchOutgoing(https)];
  // TENCENTCLOUD=true tells the SDK it already knows the platform, so init() does not probe the
  // metadata host (metadata.tencentyun.com); SILENCE turns off its slow-query warning timer.
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      const action = String(body.action);
      sent.push({ action, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(queued.shift() ?? defaultAnswer(action)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const app = tcb.init({
    env: 'test-env',
    secretId: 'x',
    secretKey: 'y',
    serviceUrl: `http://127.0.0.1:${port}/admin`,
    keepalive: false,
    timeout: 2000,
  });
  storage = cloudbaseStorage(app.database());
});

afterAll(async () => {
  unwatch.forEach((restore) => restore());
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

beforeEach(() => {
  sent = [];
  queued = [];
});

const only = (): Sent => {
  expect(sent).toHaveLength(1);
  return sent[0] as Sent;
};

describe('cloudbase adapter on the wire', () => {
  jest.setTimeout(5000);

  it('sends where() with $in and $or as raw Mongo operators, ordered by _id with limit 100', async () => {
    queued.push(docs({ _id: 'm1', name: 'Ann', status: 'active' }));
    const found = await storage.collection('members').find({
      status: { $in: ['active', 'pending'] },
      $or: [{ branchId: 'b1' }, { 'profile.level': { $gte: 2 } }],
    });
    expect(found).toEqual([{ _id: 'm1', name: 'Ann', status: 'active' }]);
    const { action, body } = only();
    expect(action).toBe('database.getDocument');
    expect(body).toMatchObject({ collectionName: 'members', queryType: 'WHERE', limit: 100, envName: 'test-env' });
    expect(json(body.query)).toEqual({
      status: { $in: ['active', 'pending'] },
      $or: [{ branchId: 'b1' }, { 'profile.level': { $gte: int(2) } }],
    });
    expect(json(body.order)).toEqual({ _id: int(1) });
    expect(body.projection).toBeUndefined();
  });

  it('sends { field: null } unchanged (CloudBase matches null or missing)', async () => {
    await storage.collection('members').find({ openid: null, 'profile.city': { $ne: 'x' }, left: { $exists: false } });
    expect(only().body.query).toBe('{"openid":null,"profile.city":{"$ne":"x"},"left":{"$exists":false}}');
  });

  it('refuses what the local adapter refuses, before sending, and pages that hold unsortable values', async () => {
    const members = storage.collection('members');
    const refused: Array<Promise<unknown>> = [
      members.find({ 'profile.city': null }),
      members.find({ 'profile.city': { $exists: true } }),
      members.find({ 'items.n': { $nin: ['a', null] } }),
      members.find({}, { fields: ['tags.0'] }),
      members.find({}, { fields: ['profile', 'profile.city'] }),
      members.remove({ _id: { $exists: true } }),
      members.remove({ _id: { $nin: [] } }),
      members.update({ v: { $exists: true } }, { $set: { v: 1 } }),
      members.update({ $or: [{ v: 1 }, { _id: { $ne: '' } }] }, { $set: { v: 1 } }),
      members.insert({ _id: 'm1', status: ['active'] }),
      members.updateById('m1', { $push: { branchId: 'b2' } }),
      members.insert({ _id: 'm1', answers: { 1: 'a' } }),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(StorageError);
    expect(sent).toEqual([]);
    queued.push(docs({ _id: 'm1', tags: ['a'] }));
    await expect(members.find({ branchId: 'b1' }, { orderBy: [['tags', 'asc']] })).rejects.toBeInstanceOf(StorageError);
  });

  it('sends dotted paths through arrays and array index paths as they are (CloudBase answers them natively)', async () => {
    await storage.collection('notices').find({ 'items.memberId': 'm1', 'numbers.1': { $gte: 20 } }, { fields: ['items.n'] });
    const { body } = only();
    expect(json(body.query)).toEqual({ 'items.memberId': 'm1', 'numbers.1': { $gte: int(20) } });
    expect(json(body.projection)).toEqual({ 'items.n': int(1) });
  });

  it('sends ALL_DOCUMENTS as _id $exists, the one way to write to every document', async () => {
    queued.push({ requestId: 'r', data: { deleted: 7 } });
    expect(await storage.collection('invites').remove(ALL_DOCUMENTS)).toBe(7);
    expect(json(only().body.query)).toEqual({ _id: { $exists: true } });
  });

  it('pages by key: orderBy + _id tie-breaker + limit, and findAll adds _id > last', async () => {
    const members = storage.collection('members');
    await members.find(
      { branchId: 'b1', $or: [{ createdAt: { $lt: 1700000000000 } }, { createdAt: 1700000000000, _id: { $gt: 'm9' } }] },
      { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], limit: 20 },
    );
    const first = only().body;
    expect(first.limit).toBe(20);
    expect(first.order).toBe('{"createdAt":{"$numberInt":"-1"},"_id":{"$numberInt":"1"}}');
    sent = [];
    // Without an explicit _id key, the tie-breaker follows the last key's direction.
    await members.find({ branchId: 'b1' }, { orderBy: [['createdAt', 'desc']], limit: 20 });
    expect(only().body.order).toBe('{"createdAt":{"$numberInt":"-1"},"_id":{"$numberInt":"-1"}}');
    expect(json(first.query)).toEqual({
      branchId: 'b1',
      $or: [
        { createdAt: { $lt: { $numberLong: '1700000000000' } } },
        { createdAt: { $numberLong: '1700000000000' }, _id: { $gt: 'm9' } },
      ],
    });

    sent = [];
    queued.push(docs({ _id: 'm1' }, { _id: 'm2' }), docs({ _id: 'm3' }));
    expect(await members.findAll({ branchId: 'b1' }, 2)).toEqual([{ _id: 'm1' }, { _id: 'm2' }, { _id: 'm3' }]);
    expect(sent).toHaveLength(2);
    expect(json(sent[0]?.body.query)).toEqual({ branchId: 'b1' });
    expect(json(sent[1]?.body.query)).toEqual({ $and: [{ branchId: 'b1' }, { _id: { $gt: 'm2' } }] });
    expect(sent.map((s) => [s.body.limit, s.body.order])).toEqual([
      [2, '{"_id":{"$numberInt":"1"}}'],
      [2, '{"_id":{"$numberInt":"1"}}'],
    ]);
  });

  it('sends a projection for fields', async () => {
    await storage.collection('members').find({ branchId: 'b1' }, { fields: ['name', 'profile.city'], limit: 1000 });
    const { body } = only();
    expect(json(body.projection)).toEqual({ name: int(1), 'profile.city': int(1) });
    expect(body.limit).toBe(1000);
  });

  it('updates with $inc/$set/$unset/$push in the form db.command sends', async () => {
    queued.push({ requestId: 'r', data: { updated: 3 } });
    const changed = await storage.collection('members').update(
      { branchId: 'b1', status: { $ne: 'left' } },
      { $inc: { points: 2 }, $set: { 'profile.city': 'X' }, $unset: { old: true }, $push: { log: { at: 1 } } },
    );
    expect(changed).toBe(3);
    const { action, body } = only();
    expect(action).toBe('database.modifyDocument');
    expect(body).toMatchObject({ collectionName: 'members', queryType: 'WHERE', multi: true, merge: true, upsert: false });
    expect(json(body.query)).toEqual({ branchId: 'b1', status: { $ne: 'left' } });
    expect(json(body.data)).toEqual({
      $set: { 'profile.city': 'X' },
      $inc: { points: int(2) },
      $unset: { old: '' },
      $push: { log: { $each: [{ at: int(1) }] } },
    });
  });

  it('updateById targets one document and reports whether it changed', async () => {
    queued.push({ requestId: 'r', data: { updated: 0 } });
    expect(await storage.collection('members').updateById('m1', { $inc: { points: -1 } })).toBe(false);
    const { action, body } = only();
    expect(action).toBe('database.modifyDocument');
    expect(body).toMatchObject({ queryType: 'DOC', multi: false, merge: true, upsert: false, query: '{"_id":"m1"}' });
    expect(json(body.data)).toEqual({ $inc: { points: int(-1) } });
  });

  it('adds with the _id and maps DATABASE_DUPLICATE_WRITE to DuplicateKeyError', async () => {
    const members = storage.collection('members');
    await members.insert({ _id: 'm1', name: '张三', active: true, tags: ['a'], profile: { level: 1.5 }, openid: null });
    const { action, body } = only();
    expect(action).toBe('database.insertDocument');
    expect(body.collectionName).toBe('members');
    expect(body.data).toEqual([
      '{"_id":"m1","name":"张三","active":true,"tags":["a"],"profile":{"level":{"$numberDouble":"1.5"}},"openid":null}',
    ]);

    queued.push({ requestId: 'r', code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 duplicate key error' });
    const error = await members.insert({ _id: 'm1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect(error).toMatchObject({ collectionName: 'members', key: 'm1' });

    sent = [];
    queued.push(defaultAnswer('database.insertDocument'), { requestId: 'r', code: 'DATABASE_DUPLICATE_WRITE', message: 'dup' });
    expect(await members.insertMany([{ _id: 'a' }, { _id: 'b' }])).toEqual({ inserted: 1, duplicates: ['b'] });
    expect(sent.map((s) => s.body.data)).toEqual([['{"_id":"a"}'], ['{"_id":"b"}']]);
  });

  it('passes other CloudBase errors through untouched', async () => {
    queued.push({ requestId: 'r', code: 'DATABASE_PERMISSION_DENIED', message: 'no' });
    const error = await storage.collection('members').insert({ _id: 'x' }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DuplicateKeyError);
    expect(error).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' });
  });

  it('puts with doc(id).set(): an upsert without _id in the data', async () => {
    await storage.collection('settings').put({ _id: 'global', theme: 'red', n: 3 });
    const { action, body } = only();
    expect(action).toBe('database.modifyDocument');
    expect(body).toMatchObject({ queryType: 'DOC', query: '{"_id":"global"}', multi: false, merge: false, upsert: true });
    expect(body.data).toBe('{"theme":"red","n":{"$numberInt":"3"}}');
  });

  it('gets one document by id, or null', async () => {
    queued.push(docs({ _id: 'm1', name: 'Ann' }));
    expect(await storage.collection('members').get('m1')).toEqual({ _id: 'm1', name: 'Ann' });
    const { action, body } = only();
    expect(action).toBe('database.getDocument');
    expect(body).toMatchObject({ queryType: 'DOC', query: '{"_id":"m1"}' });
    expect(await storage.collection('members').get('nobody')).toBeNull();
  });

  it('removes with where() and counts with calculateDocument', async () => {
    queued.push({ requestId: 'r', data: { deleted: 2 } });
    expect(await storage.collection('invites').remove({ branchId: 'b1', createdAt: { $lt: 100 } })).toBe(2);
    queued.push({ requestId: 'r', data: { total: 7 } });
    expect(await storage.collection('invites').count({ branchId: 'b1' })).toBe(7);
    expect(sent.map((s) => s.action)).toEqual(['database.removeDocument', 'database.calculateDocument']);
    expect(sent[0]?.body).toMatchObject({ queryType: 'WHERE', multi: true, query: '{"branchId":"b1","createdAt":{"$lt":{"$numberInt":"100"}}}' });
    expect(sent[1]?.body).toMatchObject({ queryType: 'WHERE', query: '{"branchId":"b1"}' });
  });

  it('refuses undefined values, empty write filters and oversized limits before sending anything', async () => {
    const members = storage.collection('members');
    const u = undefined as unknown as string;
    const refused: Array<Promise<unknown>> = [
      members.update({ _id: u }, { $set: { role: 'admin' } }),
      members.update({}, { $set: { role: 'admin' } }),
      members.update({ $or: [{ branchId: 'b1' }, {}] }, { $set: { role: 'admin' } }),
      members.remove({}),
      members.remove({ openid: u }),
      members.updateById('m1', { $set: { role: u } }),
      members.updateById('m1', { $set: { _id: 'm2' } }),
      members.updateById(u, { $set: { role: 'x' } }),
      members.find({ branchId: u }),
      members.find({ $or: [{ branchId: 'b1' }, { status: { $in: ['a', u] } }] }),
      members.find({}, { limit: 1001 }),
      members.count({ branchId: u }),
      members.insert({ _id: 'm1', profile: { city: u } }),
      members.put({ _id: 'm1', name: u }),
      members.insertMany([{ _id: 'ok' }, { _id: 'bad', x: u }]),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(StorageError);
    expect(sent).toEqual([]);
  });

  it('never contacted anything but the local server (no metadata probe)', () => {
    expect([...hostsContacted]).toEqual(['127.0.0.1']);
  });

  it('runs atomically work as-is', async () => {
    expect(await storage.atomically(async () => 42)).toBe(42);
    expect(sent).toEqual([]);
  });
});
