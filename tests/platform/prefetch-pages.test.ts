/**
 * @jest-environment jsdom
 *
 * The H5 idle prefetch: once the browser is idle, asks it to download (link rel=prefetch) the files the
 * build listed for the given pages — only those pages, each file once, nothing already on the page — and
 * never runs them. Without the build's list it does nothing.
 */
import { PAGE_FILES_ID, prefetchPages } from '../../src/platform/prefetch-pages';

let idle: Array<() => void> = [];

function listFiles(files: Record<string, string[]>) {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = PAGE_FILES_ID;
  script.textContent = JSON.stringify(files);
  document.body.appendChild(script);
}

const prefetched = () => Array.from(document.querySelectorAll('link[rel="prefetch"]')).map((l) => l.getAttribute('href'));

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  idle = [];
  (window as unknown as { requestIdleCallback: (cb: () => void) => number }).requestIdleCallback = (cb) => idle.push(cb);
});

test('downloads the listed pages’ files when idle, not before, each once, and not other pages’', () => {
  listFiles({
    'pages/lesson/index': ['chunk/common.1.js', 'chunk/lesson.2.js', 'css/lesson.3.css'],
    'pages/notices/index': ['chunk/common.1.js', 'chunk/notices.4.js'],
    'admin/org/index': ['chunk/org.5.js'],
  });
  prefetchPages(['/pages/lesson/index', '/pages/notices/index', '/pages/missing/index']);
  expect(prefetched()).toEqual([]);
  expect(idle).toHaveLength(1);
  idle[0]();
  expect(prefetched()).toEqual(['chunk/common.1.js', 'chunk/lesson.2.js', 'css/lesson.3.css', 'chunk/notices.4.js']);
  // Nothing is run: no script element was added.
  expect(document.querySelectorAll('script[src]')).toHaveLength(0);

  prefetchPages(['/pages/lesson/index']);
  idle[1]();
  expect(prefetched()).toHaveLength(4);
});

test('skips files the page on screen already loaded', () => {
  const loaded = document.createElement('script');
  loaded.src = './chunk/common.6.js';
  document.head.appendChild(loaded);
  listFiles({ 'pages/me/index': ['chunk/common.6.js', 'chunk/me.7.js'] });
  prefetchPages(['pages/me/index']);
  idle[0]();
  expect(prefetched()).toEqual(['chunk/me.7.js']);
});

test('without the build’s list, or with a broken one, it does nothing and does not throw', () => {
  prefetchPages(['pages/a/index']);
  expect(() => idle[0]()).not.toThrow();
  const broken = document.createElement('script');
  broken.type = 'application/json';
  broken.id = PAGE_FILES_ID;
  broken.textContent = '{not json';
  document.body.appendChild(broken);
  prefetchPages(['pages/b/index']);
  expect(() => idle[1]()).not.toThrow();
  expect(prefetched()).toEqual([]);
});

test('adds links only while the idle moment lasts, and goes on at the next one', () => {
  listFiles({ 'pages/lesson/index': ['a.js', 'b.js', 'c.js'] });
  prefetchPages(['pages/lesson/index']);
  let left = 3; // timeRemaining() is asked before each file: room for two
  (idle[0] as (d: { timeRemaining: () => number }) => void)({ timeRemaining: () => left-- });
  expect(prefetched()).toEqual(['a.js', 'b.js']);
  expect(idle).toHaveLength(2);
  idle[1]();
  expect(prefetched()).toEqual(['a.js', 'b.js', 'c.js']);
});
