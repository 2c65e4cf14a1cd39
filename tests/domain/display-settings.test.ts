import { DEFAULT_PREFS, displayClasses, largeTextFromWeChatFont, parsePrefs, READER_SCALES, resolveDisplay, rootFontSize, stepReaderScale } from '../../src/utils/display-settings';

describe('display settings (大字模式 / 夜间模式)', () => {
  it('follows the system by default and lets an explicit choice win', () => {
    expect(resolveDisplay(DEFAULT_PREFS, { dark: true, largeText: true })).toEqual({ dark: true, largeText: true });
    expect(resolveDisplay(DEFAULT_PREFS, { dark: false, largeText: false })).toEqual({ dark: false, largeText: false });
    expect(resolveDisplay({ ...DEFAULT_PREFS, dark: 'off', largeText: 'on' }, { dark: true, largeText: false })).toEqual({ dark: false, largeText: true });
    expect(resolveDisplay({ ...DEFAULT_PREFS, dark: 'on', largeText: 'off' }, { dark: false, largeText: true })).toEqual({ dark: true, largeText: false });
  });

  it('reads stored preferences tolerantly', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('garbage')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs({ dark: 'on', largeText: 'maybe', readerScale: 7 })).toEqual({ dark: 'on', largeText: 'system', readerScale: 1 });
    expect(parsePrefs({ dark: 'off', largeText: 'on', readerScale: 1.25 })).toEqual({ dark: 'off', largeText: 'on', readerScale: 1.25 });
  });

  it("treats WeChat's larger font steps as care mode", () => {
    expect(largeTextFromWeChatFont(undefined)).toBe(false);
    expect(largeTextFromWeChatFont(17)).toBe(false);
    expect(largeTextFromWeChatFont(20)).toBe(true);
    expect(largeTextFromWeChatFont(26)).toBe(true);
  });

  it('steps the reader text size within its range', () => {
    expect(stepReaderScale(1, 1)).toBe(1.125);
    expect(stepReaderScale(1, -1)).toBe(0.875);
    expect(stepReaderScale(READER_SCALES[0], -1)).toBe(READER_SCALES[0]);
    const last = READER_SCALES[READER_SCALES.length - 1];
    expect(stepReaderScale(last, 1)).toBe(last);
  });

  // Body text is 0.8 rem (32 design px at 40 px per rem).
  const body = (w: number, h: number, large: boolean) => 0.8 * rootFontSize(w, h, large);

  it('uses a phone scale on phones and a desktop scale from 768 px wide', () => {
    expect(body(390, 844, false)).toBeGreaterThanOrEqual(16);
    expect(body(390, 844, false)).toBeLessThanOrEqual(17.5);
    for (const [w, h] of [
      [768, 1024],
      [1280, 800],
      [1920, 1080],
    ]) {
      expect(body(w, h, false)).toBeGreaterThanOrEqual(14);
      expect(body(w, h, false)).toBeLessThanOrEqual(16);
    }
  });

  it('makes body text about 24 px on a phone in large-text mode', () => {
    expect(body(390, 844, true)).toBeGreaterThanOrEqual(23);
    expect(body(390, 844, true)).toBeLessThanOrEqual(26);
    expect(body(360, 740, true)).toBeGreaterThanOrEqual(22);
    expect(body(1280, 800, true)).toBeGreaterThan(body(1280, 800, false));
  });

  it('names the root classes the stylesheet themes by', () => {
    expect(displayClasses({ dark: true, largeText: false })).toEqual(['theme-dark', 'text-normal']);
    expect(displayClasses({ dark: false, largeText: true })).toEqual(['theme-light', 'text-large']);
  });
});
