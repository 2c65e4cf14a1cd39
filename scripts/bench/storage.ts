import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Collection, Doc, Filter, FindOptions } from '../../cloudfunctions/_runtime/storage/port';
import { explainFind, openSqliteStorage } from '../../cloudfunctions/_runtime/storage/sqlite';
import { percentiles, timeIt } from './measure';

/**
 * Keyed pages at 100,000 documents on the local adapter (a WAL file, as the local host runs it):
 * a branch's notices newest first, chat history by branch and sequence, the scheduler's due items.
 * The budget (issue 8): a keyed page of 20 within 10× fetching 20 documents by id. For contrast,
 * the same page on a collection without declared indexes (a full scan and sort).
 */
const DOCS = 100_000;
const BRANCHES = 50;
const PAGE = 20;
const SAMPLES = 300;

async function fill(c: Collection, make: (i: number) => Doc): Promise<void> {
  for (let start = 0; start < DOCS; start += 5000) {
    await c.insertMany(Array.from({ length: Math.min(5000, DOCS - start) }, (_, k) => make(start + k)));
  }
}

/** A deterministic pseudo-random sequence, so runs compare. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function sample(fn: (i: number) => Promise<unknown>, n = SAMPLES) {
  for (let i = 0; i < 20; i++) await fn(i); // warm the statement cache and pages
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timeIt(() => fn(i))).ms);
  return percentiles(times);
}

export async function benchStorage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wzb-bench-storage-'));
  const storage = openSqliteStorage(path.join(dir, 'bench.db'));
  const t0 = 1_700_000_000_000;
  const notice = (i: number): Doc => ({
    _id: `n${String(i).padStart(6, '0')}`,
    branchId: `b${i % BRANCHES}`,
    authorId: `m${i % 977}`,
    status: i % 10 === 0 ? 'scheduled' : 'published',
    title: `通知 ${i}`,
    createdAt: t0 + i * 1000,
    publishAt: t0 + i * 1000,
  });
  const notices = storage.collection('notices');
  const plain = storage.collection('bench_unindexed');
  const chat = storage.collection('chatMessages');
  const filled = await timeIt(async () => {
    await fill(notices, notice);
    await fill(plain, notice);
    await fill(chat, (i) => ({ _id: `c${String(i).padStart(6, '0')}`, branchId: `b${i % BRANCHES}`, seq: Math.floor(i / BRANCHES) + 1, clientMsgId: `k${i}`, rev: i + 1, text: `消息 ${i}` }));
  });

  const rnd = lcg(7);
  const ids = Array.from({ length: SAMPLES + 20 }, () =>
    Array.from({ length: PAGE }, () => `n${String(Math.floor(rnd() * DOCS)).padStart(6, '0')}`),
  );
  const cursors = Array.from({ length: SAMPLES + 20 }, () => ({ branch: `b${Math.floor(rnd() * BRANCHES)}`, at: t0 + Math.floor(rnd() * DOCS) * 1000, seq: 1 + Math.floor(rnd() * (DOCS / BRANCHES)) }));

  const noticePage = (c: Collection, i: number) =>
    c.find({ branchId: cursors[i]!.branch, createdAt: { $lt: cursors[i]!.at } }, { orderBy: [['createdAt', 'desc']], limit: PAGE });
  const queries: Record<string, [Collection, (i: number) => Filter, FindOptions]> = {
    noticesByBranchNewestFirst: [notices, (i) => ({ branchId: cursors[i]!.branch, createdAt: { $lt: cursors[i]!.at } }), { orderBy: [['createdAt', 'desc']], limit: PAGE }],
    chatHistoryBefore: [chat, (i) => ({ branchId: cursors[i]!.branch, seq: { $lt: cursors[i]!.seq } }), { orderBy: [['seq', 'desc']], limit: PAGE }],
    chatHistoryAfter: [chat, (i) => ({ branchId: cursors[i]!.branch, seq: { $gt: cursors[i]!.seq } }), { orderBy: [['seq', 'asc']], limit: PAGE }],
    schedulerDue: [notices, (i) => ({ status: 'scheduled', publishAt: { $lte: cursors[i]!.at } }), { orderBy: [['publishAt', 'asc']], limit: PAGE }],
  };

  const byIdIn = await sample((i) => notices.find({ _id: { $in: ids[i]! } }, { limit: PAGE }));
  const byIdGets = await sample((i) => Promise.all(ids[i]!.map((id) => notices.get(id))));
  const pages: Record<string, { ms: ReturnType<typeof percentiles>; ratioToByIdP50: number; plan: string[] }> = {};
  for (const [name, [c, filter, options]] of Object.entries(queries)) {
    const ms = await sample((i) => c.find(filter(i), options));
    pages[name] = { ms, ratioToByIdP50: Math.round((ms.p50 / byIdIn.p50) * 100) / 100, plan: await explainFind(c, filter(0), options) };
  }
  const unindexed = await sample((i) => noticePage(plain, i), 10);
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    documents: DOCS,
    fillThreeCollectionsS: Math.round(filled.ms / 100) / 10,
    byId20: { inQueryMs: byIdIn, twentyGetsMs: byIdGets },
    keyedPages20: pages,
    budget: 'a keyed page of 20 within 10x fetching 20 by id (one $in query)',
    withinBudget: Object.values(pages).every((p) => p.ratioToByIdP50 <= 10),
    sameNoticePageWithoutIndexMs: unindexed,
  };
}
