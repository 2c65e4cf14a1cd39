import { displayClasses, rootFontSize, type EffectiveDisplay, type SystemDisplay } from '../utils/display-settings';
import type { DisplayAdapter } from './display-types';

/**
 * H5: the theme is a class on <body> (app.scss defines the colours under it) and the text size is the
 * root font size, which every rem-converted style follows. The system's dark setting comes from
 * prefers-color-scheme; browsers have no care mode of their own (the zoom they offer stays allowed).
 */
const DARK_QUERY = '(prefers-color-scheme: dark)';
const THEME_CLASSES = ['theme-dark', 'theme-light', 'text-large', 'text-normal'];

let current: EffectiveDisplay = { dark: false, largeText: false };

function sizeRoot(): void {
  const root = document.documentElement;
  root.style.fontSize = `${rootFontSize(window.innerWidth, window.innerHeight, current.largeText)}px`;
}

let resizeBound = false;

export const displayAdapter: DisplayAdapter = {
  readSystem(): SystemDisplay {
    const dark = typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
    return { dark, largeText: false };
  },
  onSystemChange(callback) {
    if (typeof window.matchMedia !== 'function') return () => undefined;
    const query = window.matchMedia(DARK_QUERY);
    query.addEventListener('change', callback);
    return () => query.removeEventListener('change', callback);
  },
  apply(display) {
    current = display;
    const body = document.body;
    body.classList.remove(...THEME_CLASSES);
    body.classList.add(...displayClasses(display));
    const meta = document.querySelector('meta[name="theme-color"]');
    meta?.setAttribute('content', display.dark ? '#1f1f1f' : '#c8161d');
    sizeRoot();
    if (!resizeBound) {
      resizeBound = true;
      window.addEventListener('resize', sizeRoot);
    }
  },
};
