/**
 * The mini program's chat doorbell (realtime.weapp.ts → head-watch.ts) against a fake CloudBase
 * `watch()`: it watches the branch's head document, rings on every change, and after an error
 * (e.g. -402004 after a long screen-off) rings a re-sync and opens a fresh watch after a delay.
 */
import { watchHead, type WatchSnapshot } from '../../src/platform/head-watch';
import type { Ring } from '../../src/platform/realtime-types';

interface FakeWatch {
  collection: string;
  docId: string;
  onChange(s: WatchSnapshot): void;
  onError(e: unknown): void;
  closed: boolean;
}

const watches: FakeWatch[] = [];
const fakeDb = {
  collection: (collection: string) => ({
    doc: (docId: string) => ({
      watch: (opts: { onChange(s: WatchSnapshot): void; onError(e: unknown): void }) => {
        const w: FakeWatch = { collection, docId, ...opts, closed: false };
        watches.push(w);
        return { close: async () => void (w.closed = true) };
      },
    }),
  }),
};

const pending: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
const timers = {
  setTimeout: (fn: () => void, ms: number) => {
    const t = { fn, ms, cleared: false };
    pending.push(t);
    return t;
  },
  clearTimeout: (h: unknown) => void ((h as { cleared: boolean }).cleared = true),
};
const fire = () => {
  const due = pending.splice(0).filter((t) => !t.cleared);
  due.forEach((t) => t.fn());
  return due.map((t) => t.ms);
};

beforeEach(() => {
  watches.length = 0;
  pending.length = 0;
});

const head = (seq: number, rev = 0) => ({ _id: 'b-1', seq, rev });

test('watches the head document of the branch and rings with its seq', () => {
  const rings: Ring[] = [];
  watchHead(fakeDb, 'chatHeads', 'b-1', (r) => rings.push(r), timers);
  expect(watches).toHaveLength(1);
  expect(watches[0]).toMatchObject({ collection: 'chatHeads', docId: 'b-1' });
  watches[0].onChange({ type: 'init', docs: [head(41, 3)], docChanges: [{ dataType: 'init', doc: head(41, 3) }] });
  watches[0].onChange({ docs: [head(42, 3)], docChanges: [{ dataType: 'update', doc: head(42, 3) }] });
  expect(rings).toEqual([
    { reason: 'connected', head: { seq: 41, rev: 3 } },
    { reason: 'change', head: { seq: 42, rev: 3 } },
  ]);
});

test('a malformed or missing head still rings (as a plain re-sync)', () => {
  const rings: Ring[] = [];
  watchHead(fakeDb, 'chatHeads', 'b-1', (r) => rings.push(r), timers);
  watches[0].onChange({ docs: [] });
  watches[0].onChange({ docs: [{ seq: 'x' }] });
  expect(rings.map((r) => r.head)).toEqual([null, null]);
});

test('-402004 after a long screen-off: closes, rings a re-sync, reopens after a growing delay', () => {
  const rings: Ring[] = [];
  watchHead(fakeDb, 'chatHeads', 'b-1', (r) => rings.push(r), timers);
  watches[0].onChange({ docs: [head(5)] });
  watches[0].onError({ errCode: -402004, errMsg: 'reconnect manually' });
  expect(watches[0].closed).toBe(true);
  expect(rings.at(-1)).toEqual({ reason: 'error', head: null });
  expect(fire()).toEqual([1000]);
  expect(watches).toHaveLength(2);
  // fails again before connecting: the next delay is longer
  watches[1].onError({ errCode: -402009 });
  expect(fire()).toEqual([2000]);
  expect(watches).toHaveLength(3);
  watches[2].onChange({ docs: [head(9)] });
  expect(rings.at(-1)).toEqual({ reason: 'connected', head: { seq: 9, rev: 0 } });
  // a success resets the backoff
  watches[2].onError({ errCode: -1 });
  expect(fire()).toEqual([1000]);
});

test('events from a replaced watcher are ignored, so nothing rings twice', () => {
  const rings: Ring[] = [];
  const sub = watchHead(fakeDb, 'chatHeads', 'b-1', (r) => rings.push(r), timers);
  const old = watches[0];
  sub.resync();
  expect(old.closed).toBe(true);
  expect(watches).toHaveLength(2);
  old.onChange({ docs: [head(1)] });
  old.onError({ errCode: -402004 });
  expect(rings).toEqual([{ reason: 'resync', head: null }]);
  expect(pending).toHaveLength(0);
});

test('resync on onShow opens a fresh watch even when the old one looks alive', () => {
  const rings: Ring[] = [];
  const sub = watchHead(fakeDb, 'chatHeads', 'b-1', (r) => rings.push(r), timers);
  watches[0].onChange({ docs: [head(3)] });
  sub.resync();
  expect(watches).toHaveLength(2);
  expect(watches[0].closed).toBe(true);
  watches[1].onChange({ docs: [head(7)] });
  expect(rings.map((r) => r.reason)).toEqual(['connected', 'resync', 'connected']);
});

test('close stops everything: no ring, no pending reconnect', () => {
  const rings: Ring[] = [];
  const sub = watchHead(fakeDb, 'chatHeads', 'b-1', (r) => rings.push(r), timers);
  watches[0].onError({ errCode: -402004 });
  sub.close();
  expect(fire()).toEqual([]);
  sub.resync();
  expect(watches).toHaveLength(1);
  expect(rings).toEqual([{ reason: 'error', head: null }]);
});

test('a watch() that throws at once is retried like an error', () => {
  let throws = true;
  const db = {
    collection: (c: string) => ({
      doc: (d: string) => ({
        watch: (opts: { onChange(s: WatchSnapshot): void; onError(e: unknown): void }) => {
          if (throws) throw new Error('no socket');
          return fakeDb.collection(c).doc(d).watch(opts);
        },
      }),
    }),
  };
  const rings: Ring[] = [];
  watchHead(db, 'chatHeads', 'b-1', (r) => rings.push(r), timers);
  expect(rings).toEqual([{ reason: 'error', head: null }]);
  throws = false;
  fire();
  expect(watches).toHaveLength(1);
});

describe('realtime.weapp subscribeBranch', () => {
  test('watches chatHeads/<branchId> through Taro.cloud.database()', () => {
    jest.isolateModules(() => {
      jest.doMock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { database: () => fakeDb } } }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { subscribeBranch } = require('../../src/platform/realtime.weapp') as typeof import('../../src/platform/realtime.weapp');
      const rings: Ring[] = [];
      const sub = subscribeBranch('b-7', (r) => rings.push(r));
      expect(watches[0]).toMatchObject({ collection: 'chatHeads', docId: 'b-7' });
      watches[0].onChange({ docs: [{ seq: 12, rev: 1 }] });
      expect(rings).toEqual([{ reason: 'connected', head: { seq: 12, rev: 1 } }]);
      sub.close();
      expect(watches[0].closed).toBe(true);
    });
  });
});
