/**
 * The H5 chat doorbell (realtime.ts) against a fake EventSource: the URL carries the branch and the
 * session token, every open rings a re-sync, messages ring with the head, the browser's own retries are
 * left alone, a CLOSED stream is reopened after a delay, and going back online re-syncs.
 */
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getStorageSync: (k: string) => (k === 'wzb.session' ? 'tok en' : '') } }));

class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
}

const listeners = new Map<string, Set<() => void>>();
const fakeWindow = {
  addEventListener: (type: string, fn: () => void) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(fn);
  },
  removeEventListener: (type: string, fn: () => void) => listeners.get(type)?.delete(fn),
};

beforeAll(() => {
  Object.assign(globalThis, { EventSource: FakeEventSource, window: fakeWindow, LOCAL_API_BASE: '' });
});
beforeEach(() => {
  FakeEventSource.all = [];
  listeners.clear();
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => require('../../src/platform/realtime') as typeof import('../../src/platform/realtime');

test('connects to the stream with branch and token; open and messages ring', () => {
  const rings: unknown[] = [];
  load().subscribeBranch('b 1', (r) => rings.push(r));
  const es = FakeEventSource.all[0];
  expect(es.url).toBe('/api/chat/stream?branchId=b%201&token=tok%20en');
  es.readyState = FakeEventSource.OPEN;
  es.onopen?.();
  es.onmessage?.({ data: JSON.stringify({ branchId: 'b 1', seq: 7, rev: 9 }) });
  es.onmessage?.({ data: 'not json' });
  expect(rings).toEqual([
    { reason: 'connected', head: null },
    { reason: 'change', head: { seq: 7, rev: 9 } },
    { reason: 'change', head: null },
  ]);
});

test('the browser retrying by itself is left alone; a CLOSED stream is reopened with backoff', () => {
  const rings: Array<{ reason: string }> = [];
  load().subscribeBranch('b1', (r) => rings.push(r));
  const es = FakeEventSource.all[0];
  es.readyState = FakeEventSource.CONNECTING;
  es.onerror?.();
  jest.advanceTimersByTime(60_000);
  expect(FakeEventSource.all).toHaveLength(1);
  es.readyState = FakeEventSource.CLOSED;
  es.onerror?.();
  expect(rings.map((r) => r.reason)).toEqual(['error', 'error']);
  jest.advanceTimersByTime(999);
  expect(FakeEventSource.all).toHaveLength(1);
  jest.advanceTimersByTime(1);
  expect(FakeEventSource.all).toHaveLength(2);
  // the old one's late events are ignored
  es.onmessage?.({ data: '{"seq":1,"rev":1}' });
  expect(rings).toHaveLength(2);
});

test('back online re-syncs (and reopens a dead stream); close removes everything', () => {
  const rings: Array<{ reason: string }> = [];
  const sub = load().subscribeBranch('b1', (r) => rings.push(r));
  FakeEventSource.all[0].close();
  listeners.get('online')!.forEach((fn) => fn());
  expect(rings.map((r) => r.reason)).toEqual(['resync']);
  expect(FakeEventSource.all).toHaveLength(2);
  sub.close();
  expect(FakeEventSource.all[1].closed).toBe(true);
  expect(listeners.get('online')!.size).toBe(0);
  sub.resync();
  expect(rings).toHaveLength(1);
});
