/**
 * @jest-environment jsdom
 *
 * index.html starts the app's script (config/app-script-loader.ts): at once when nothing is painted
 * before the app, and only after the browser reports the entry shell on screen when it is showing, so a
 * fast connection cannot run the app's start-up before the visitor sees anything.
 */
import { loadAppScript } from '../../config/app-script-loader';

const SRC = './js/app.0a1b2c3d.js';
const SHELL = 'wzb-entry-shell';

type PaintCallback = (list: { getEntriesByName: (name: string) => unknown[] }) => void;
let observers: Array<{ callback: PaintCallback; options: unknown }> = [];

/** A PerformanceObserver that reports paint entries when the test says so. */
function withPaintTiming(entryTypes: string[]) {
  class FakeObserver {
    static supportedEntryTypes = entryTypes;
    constructor(private callback: PaintCallback) {}
    observe(options: unknown) {
      observers.push({ callback: this.callback, options });
    }
  }
  Object.defineProperty(window, 'PerformanceObserver', { configurable: true, writable: true, value: FakeObserver });
}

const paint = (name: string) => observers.forEach((o) => o.callback({ getEntriesByName: (n) => (n === name ? [{ name }] : []) }));
const appScripts = () => Array.from(document.querySelectorAll('script')).filter((s) => s.getAttribute('src') === SRC);

/** Runs the loader as index.html does: from an inline script at the end of the body. */
function runFromInlineScript() {
  const inline = document.createElement('script');
  document.body.appendChild(inline);
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => inline });
  loadAppScript(SRC, SHELL, 2000);
  return inline;
}

beforeEach(() => {
  jest.useFakeTimers();
  observers = [];
  document.documentElement.className = '';
  document.body.innerHTML = '<div id="app"></div>';
  withPaintTiming(['paint', 'largest-contentful-paint']);
});

afterEach(() => jest.useRealTimers());

test('without the shell (a signed-in member, a link to a page) the app starts at once, and the inline script is gone', () => {
  const inline = runFromInlineScript();
  expect(appScripts()).toHaveLength(1);
  expect(inline.isConnected).toBe(false);
  expect(observers).toHaveLength(0);
});

test('with the shell showing, the app starts once the first contentful paint is reported, and only once', () => {
  document.documentElement.className = `js ${SHELL}`;
  runFromInlineScript();
  expect(appScripts()).toHaveLength(0);
  // Already-reported paints count too: the entry may come before the script runs.
  expect(observers[0].options).toEqual({ type: 'paint', buffered: true });
  paint('first-paint');
  expect(appScripts()).toHaveLength(0);
  paint('first-contentful-paint');
  expect(appScripts()).toHaveLength(1);
  jest.advanceTimersByTime(5000);
  paint('first-contentful-paint');
  expect(appScripts()).toHaveLength(1);
});

test('a page that never paints (a background tab) starts the app after the fallback', () => {
  document.documentElement.className = SHELL;
  runFromInlineScript();
  jest.advanceTimersByTime(1999);
  expect(appScripts()).toHaveLength(0);
  jest.advanceTimersByTime(1);
  expect(appScripts()).toHaveLength(1);
});

test('a browser without paint timing starts the app at once', () => {
  document.documentElement.className = SHELL;
  withPaintTiming(['resource']);
  runFromInlineScript();
  expect(appScripts()).toHaveLength(1);
  Object.defineProperty(window, 'PerformanceObserver', { configurable: true, writable: true, value: undefined });
  document.body.innerHTML = '';
  runFromInlineScript();
  expect(appScripts()).toHaveLength(1);
});

test('a class that merely contains the shell class’s name does not hold the app back', () => {
  document.documentElement.className = `${SHELL}-off`;
  runFromInlineScript();
  expect(appScripts()).toHaveLength(1);
});
