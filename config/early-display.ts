/**
 * Runs at the very start of index.html's <body>, before the app's script has arrived: gives the page
 * the member's theme (夜间模式) and text size (大字模式) so the first thing painted — the entry page's
 * static first paint (config/entry-shell.ts), then the app — is already in the right colours and
 * size. Without it a night-theme member saw a white page until the app's script had run.
 *
 * The app applies the same rules again once it starts (src/hooks/use-display.ts with
 * src/utils/display-settings.ts): this copy is written into the page as text, so it is ES5 and
 * self-contained. tests/platform/early-display.test.ts holds the two to the same answers.
 */
export function applyDisplayEarly(displayKey: string, desktopMinWidth: number): void {
  try {
    const doc = document;
    // No `typeof` and no `?.`: the config's compiler would call helpers that do not exist in the page.
    let prefs: { largeText?: unknown; dark?: unknown } = {};
    try {
      // Taro's H5 storage keeps each value as {"data": value}.
      const stored = JSON.parse(localStorage.getItem(displayKey) || '{}') as { data?: { largeText?: unknown; dark?: unknown } };
      prefs = (stored && stored.data) || {};
    } catch (e) {
      // unreadable: follow the system, as the app does
    }
    const systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)').matches : false;
    const dark = prefs.dark === 'on' || (prefs.dark !== 'off' && systemDark);
    // Browsers have no care mode of their own: large text is only ever the member's explicit choice.
    const largeText = prefs.largeText === 'on';
    const width = window.innerWidth;
    const short = Math.min(width, window.innerHeight || width);
    const phone = Math.min(40, Math.max(17, (40 * short) / 750));
    const size = width >= desktopMinWidth ? (largeText ? 25 : 18.75) : largeText ? Math.round(phone * 1.45 * 100) / 100 : phone;
    doc.documentElement.style.fontSize = size + 'px';
    doc.body.classList.add(dark ? 'theme-dark' : 'theme-light');
    doc.body.classList.add(largeText ? 'text-large' : 'text-normal');
    const themeColor = doc.querySelector('meta[name="theme-color"]');
    if (dark && themeColor) themeColor.setAttribute('content', '#1f1f1f');
    // The body holds no inline script once this has run (tests/e2e/xss.test.ts looks for injected ones).
    const script = doc.currentScript;
    if (script && script.parentNode) script.parentNode.removeChild(script);
  } catch (e) {
    // The app applies the display itself when it starts.
  }
}
