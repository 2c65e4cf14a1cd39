/**
 * The H5 idle prefetch: calls the route loaders of the listed pages (and only those) once the browser
 * is idle, and never lets a failing loader break the home page.
 */
import { prefetchPages } from '../../src/platform/prefetch-pages';

type Loader = jest.Mock<unknown, []>;
const g = globalThis as unknown as { window?: unknown };

function fakeWindow(routes: Array<{ path: string; load: Loader }>) {
  const idle: Array<() => void> = [];
  g.window = { __taroAppConfig: { routes }, requestIdleCallback: (cb: () => void) => idle.push(cb) };
  return idle;
}

afterEach(() => {
  delete g.window;
});

test('loads the listed pages when idle, not before, and not the others', () => {
  const lesson = jest.fn(() => [Promise.resolve({}), undefined, undefined]);
  const notices = jest.fn(() => [Promise.resolve({}), undefined, undefined]);
  const admin = jest.fn(() => [Promise.resolve({}), undefined, undefined]);
  const idle = fakeWindow([
    { path: 'pages/lesson/index', load: lesson },
    { path: 'pages/notices/index', load: notices },
    { path: 'admin/org/index', load: admin },
  ]);
  prefetchPages(['/pages/lesson/index', '/pages/notices/index', '/pages/missing/index']);
  expect(lesson).not.toHaveBeenCalled();
  expect(idle).toHaveLength(1);
  idle[0]();
  expect(lesson).toHaveBeenCalledTimes(1);
  expect(notices).toHaveBeenCalledTimes(1);
  expect(admin).not.toHaveBeenCalled();
});

test('a loader that throws or rejects does not stop the others', async () => {
  const rejected = Promise.reject(new Error('chunk failed'));
  const broken = jest.fn(() => {
    throw new Error('boom');
  });
  const failing = jest.fn(() => [rejected]);
  const fine = jest.fn(() => [Promise.resolve({})]);
  const idle = fakeWindow([
    { path: 'pages/a/index', load: broken },
    { path: 'pages/b/index', load: failing },
    { path: 'pages/c/index', load: fine },
  ]);
  prefetchPages(['pages/a/index', 'pages/b/index', 'pages/c/index']);
  expect(() => idle[0]()).not.toThrow();
  expect(fine).toHaveBeenCalledTimes(1);
  // The rejection was handled: awaiting it here must not surface as unhandled.
  await expect(rejected).rejects.toThrow('chunk failed');
});

test('without a window (not H5) it does nothing', () => {
  expect(() => prefetchPages(['pages/a/index'])).not.toThrow();
});
