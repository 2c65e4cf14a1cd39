/**
 * Keyed pages read one index range in order. For each page shape the product needs (a branch's
 * notices newest first, chat history by branch and sequence both ways, the scheduler's due notices,
 * a branch roster by employee number, a member's inbox), SQLite's own query plan must name the
 * declared composite index and must not sort in a temporary B-tree. Not timed: the bench measures.
 */
import { explainFind, openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import type { Doc, Filter, FindOptions, Storage } from '../../cloudfunctions/_runtime/storage/port';

let storage: Storage;

beforeAll(async () => {
  storage = openSqliteStorage(':memory:');
  const notices: Doc[] = [];
  const chat: Doc[] = [];
  for (let i = 0; i < 600; i++) {
    notices.push({ _id: `n${i}`, branchId: `b${i % 6}`, status: i % 5 ? 'published' : 'scheduled', publishAt: 1000 + i, createdAt: 1000 + (i % 97), authorId: `m${i % 9}` });
    chat.push({ _id: `c${i}`, branchId: `b${i % 3}`, seq: Math.floor(i / 3) + 1, clientMsgId: `k${i}`, rev: i + 1, text: `#${i}` });
  }
  await storage.collection('notices').insertMany(notices);
  await storage.collection('chatMessages').insertMany(chat);
  await storage.collection('members').insertMany(
    Array.from({ length: 300 }, (_, i) => ({ _id: `m${i}`, employeeNo: `E${1000 + i}`, branchId: `b${i % 4}`, status: i % 7 ? 'active' : 'left' })),
  );
  await storage.collection('receipts').insertMany(
    Array.from({ length: 300 }, (_, i) => ({ _id: `r${i}`, noticeId: `n${i % 50}`, memberId: `m${i % 10}`, publishedAt: 2000 + i })),
  );
});

afterAll(() => storage.close());

const pages: Array<[string, string, Filter, FindOptions]> = [
  ['notices__k_branchId_createdAt', 'notices', { branchId: 'b1', createdAt: { $lt: 1050 } }, { orderBy: [['createdAt', 'desc']], limit: 20 }],
  ['notices__k_status_publishAt', 'notices', { status: 'scheduled', publishAt: { $lte: 1400 } }, { orderBy: [['publishAt', 'asc']], limit: 100 }],
  ['chatMessages__k_branchId_seq', 'chatMessages', { branchId: 'b2', seq: { $lt: 150 } }, { orderBy: [['seq', 'desc']], limit: 20 }],
  ['chatMessages__k_branchId_seq', 'chatMessages', { branchId: 'b2', seq: { $gt: 150 } }, { orderBy: [['seq', 'asc']], limit: 20 }],
  ['chatMessages__k_branchId_seq', 'chatMessages', { branchId: 'b0' }, { orderBy: [['seq', 'desc']], limit: 20 }],
  ['members__k_branchId_status_employeeNo', 'members', { branchId: 'b1', status: 'active', employeeNo: { $gt: 'E1100' } }, { orderBy: [['employeeNo', 'asc']], limit: 51 }],
  ['receipts__k_memberId_publishedAt', 'receipts', { memberId: 'm3' }, { orderBy: [['publishedAt', 'desc']], limit: 30 }],
];

describe('keyed pages use one composite index for filter and order', () => {
  it.each(pages)('%s serves %s %j', async (index, name, filter, options) => {
    const plan = (await explainFind(storage.collection(name), filter, options)).join('\n');
    expect(plan).toContain(`USING INDEX ${index} (`);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).not.toMatch(/^SCAN t$/m);
  });

  it.each(pages)('%s answers %s %j as a plain sort of the matches would', async (_index, name, filter, options) => {
    const c = storage.collection(name);
    const all = await c.findAll(filter);
    const [[field, direction]] = options.orderBy as Array<[string, 'asc' | 'desc']>;
    const sign = direction === 'desc' ? -1 : 1;
    const key = (d: Doc) => d[field] as number | string;
    const expected = [...all]
      .sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a._id < b._id ? -1 : 1))
      .slice(0, options.limit)
      .map((d) => d._id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await c.find(filter, options)).map((d) => d._id)).toEqual(expected);
  });

  it('still sorts undeclared fields correctly (in a temporary B-tree, which the plan shows)', async () => {
    const plan = (await explainFind(storage.collection('notices'), { branchId: 'b1' }, { orderBy: [['authorId', 'asc']] })).join('\n');
    expect(plan).toMatch(/TEMP B-TREE/);
  });
});
