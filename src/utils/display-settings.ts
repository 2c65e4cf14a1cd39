/**
 * Care mode (大字模式) and the night theme (夜间模式): what the member chose, what the system says, and
 * what the screen should use. Pure, so the rules are tested without a browser or WeChat.
 */

/** `system` follows WeChat / the operating system; `on` / `off` are the member's explicit choice. */
export type DisplayChoice = 'system' | 'on' | 'off';

export interface DisplayPrefs {
  largeText: DisplayChoice;
  dark: DisplayChoice;
  /** Text size of the article reader, a factor of the page's text size. */
  readerScale: number;
}

/** What the platform reports: WeChat's dark mode / care mode, or the browser's prefers-color-scheme. */
export interface SystemDisplay {
  dark: boolean;
  largeText: boolean;
}

export interface EffectiveDisplay {
  dark: boolean;
  largeText: boolean;
}

export const READER_SCALES = [0.875, 1, 1.125, 1.25, 1.5] as const;

export const DEFAULT_PREFS: DisplayPrefs = { largeText: 'system', dark: 'system', readerScale: 1 };

const CHOICES: ReadonlySet<string> = new Set(['system', 'on', 'off']);

/** Reads stored preferences tolerantly: anything unknown falls back to following the system. */
export function parsePrefs(raw: unknown): DisplayPrefs {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const choice = (value: unknown): DisplayChoice => (typeof value === 'string' && CHOICES.has(value) ? (value as DisplayChoice) : 'system');
  const scale = typeof source.readerScale === 'number' && (READER_SCALES as readonly number[]).includes(source.readerScale) ? source.readerScale : 1;
  return { largeText: choice(source.largeText), dark: choice(source.dark), readerScale: scale };
}

export function resolveDisplay(prefs: DisplayPrefs, system: SystemDisplay): EffectiveDisplay {
  const pick = (choice: DisplayChoice, followed: boolean) => (choice === 'system' ? followed : choice === 'on');
  return { dark: pick(prefs.dark, system.dark), largeText: pick(prefs.largeText, system.largeText) };
}

/** WeChat's font setting (`fontSizeSetting`, 17 is the default step) counts as care mode from 20 up. */
export const largeTextFromWeChatFont = (fontSizeSetting: number | undefined): boolean => typeof fontSizeSetting === 'number' && fontSizeSetting >= 20;

/** The next reader text size up or down, staying within READER_SCALES. */
export function stepReaderScale(current: number, direction: 1 | -1): number {
  const index = READER_SCALES.findIndex((s) => s >= current);
  const at = index < 0 ? READER_SCALES.length - 1 : index;
  return READER_SCALES[Math.min(READER_SCALES.length - 1, Math.max(0, at + direction))];
}

/** Width from which H5 switches to the desktop scale (secretaries at a PC). */
export const DESKTOP_MIN_WIDTH = 768;

/**
 * H5 root font size in CSS px. Styles are written at design width 750 and converted to rem with 40 px
 * per rem, so body text (32 design px) is 0.8 rem:
 * - phone: the root follows the short side of the screen (16–17 px body on a 375–390 px phone);
 * - desktop (≥ 768 px wide): a fixed 15 px body instead of a phone scaled up to 32 px;
 * - large text: about 24 px body on a phone (WeChat's care-mode guidance), 20 px on a desktop.
 */
export function rootFontSize(width: number, height: number, largeText: boolean): number {
  if (width >= DESKTOP_MIN_WIDTH) return largeText ? 25 : 18.75;
  const short = Math.min(width, height || width);
  const phone = Math.min(40, Math.max(17, (40 * short) / 750));
  return largeText ? Math.round(phone * 1.45 * 100) / 100 : phone;
}

/** Classes on the document root that theme every page (see app.scss). */
export function displayClasses(display: EffectiveDisplay): string[] {
  return [display.dark ? 'theme-dark' : 'theme-light', display.largeText ? 'text-large' : 'text-normal'];
}
