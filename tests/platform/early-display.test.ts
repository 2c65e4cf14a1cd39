/**
 * @jest-environment jsdom
 *
 * index.html's inline display script (config/early-display.ts) gives the page the member's theme and
 * text size before the app has loaded; the app then applies its own rules (src/utils/display-settings).
 * If the two disagreed, the first paint would change size or colour as the app starts. Same answers
 * for phones, tablets and desktops, every stored choice and the system's dark setting.
 */
import { applyDisplayEarly } from '../../config/early-display';
import { DESKTOP_MIN_WIDTH, displayClasses, parsePrefs, resolveDisplay, rootFontSize, type DisplayChoice } from '../../src/utils/display-settings';

const SIZES: Array<[number, number]> = [[320, 568], [375, 667], [390, 844], [412, 823], [430, 932], [844, 390], [767, 1024], [768, 1024], [1280, 800], [1920, 1080]];
const CHOICES: DisplayChoice[] = ['system', 'on', 'off'];

function setWindow(width: number, height: number, systemDark: boolean) {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: height });
  window.matchMedia = ((query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && systemDark })) as unknown as typeof window.matchMedia;
}

beforeEach(() => {
  document.head.innerHTML = '<meta name="theme-color" content="#c8161d">';
  document.body.className = '';
  document.documentElement.removeAttribute('style');
  localStorage.clear();
});

test('the same root size and theme classes as the app, for every screen and choice', () => {
  let checked = 0;
  for (const [width, height] of SIZES) {
    for (const systemDark of [false, true]) {
      for (const largeText of CHOICES) {
        for (const dark of CHOICES) {
          document.body.className = '';
          setWindow(width, height, systemDark);
          // Taro's H5 storage wraps each value as {"data": value}, as use-display.ts stores it.
          localStorage.setItem('wzb.display', JSON.stringify({ data: { largeText, dark, readerScale: 1 } }));
          applyDisplayEarly('wzb.display', DESKTOP_MIN_WIDTH);
          const display = resolveDisplay(parsePrefs({ largeText, dark }), { dark: systemDark, largeText: false });
          expect({ width, systemDark, largeText, dark, size: document.documentElement.style.fontSize, classes: document.body.className.split(' ').sort() }).toEqual({
            width, systemDark, largeText, dark,
            size: `${rootFontSize(width, height, display.largeText)}px`,
            classes: displayClasses(display).sort(),
          });
          checked += 1;
        }
      }
    }
  }
  expect(checked).toBe(SIZES.length * 2 * 9);
});

test('nothing stored, or something unreadable, follows the system as the app does', () => {
  for (const stored of [null, 'not json', JSON.stringify({ data: 'x' }), JSON.stringify({ data: { dark: 'maybe' } })]) {
    document.body.className = '';
    localStorage.clear();
    if (stored !== null) localStorage.setItem('wzb.display', stored);
    setWindow(390, 844, true);
    applyDisplayEarly('wzb.display', DESKTOP_MIN_WIDTH);
    expect(document.body.className.split(' ').sort()).toEqual(['text-normal', 'theme-dark']);
    expect(document.documentElement.style.fontSize).toBe(`${rootFontSize(390, 844, false)}px`);
  }
});

test('the night theme also darkens the browser bar; the script leaves no element behind', () => {
  setWindow(390, 844, false);
  localStorage.setItem('wzb.display', JSON.stringify({ data: { dark: 'on' } }));
  const script = document.createElement('script');
  document.body.appendChild(script);
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
  applyDisplayEarly('wzb.display', DESKTOP_MIN_WIDTH);
  expect(document.querySelector('meta[name="theme-color"]')?.getAttribute('content')).toBe('#1f1f1f');
  expect(document.body.contains(script)).toBe(false);
});
