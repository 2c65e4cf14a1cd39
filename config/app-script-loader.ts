/**
 * How index.html starts the app's script. The browser downloads it from the start (a preload link in
 * the head); this runs where the script tag stood, at the end of the body, and decides when it runs.
 *
 * When the entry page's static first paint is showing (config/entry-shell.ts), the script runs once the
 * browser reports that paint on screen (the `first-contentful-paint` entry, which arrives when the frame
 * is presented). Otherwise a fast connection delivered the script before the first frame and the
 * app's start-up ran first, so the visitor looked at a blank page meanwhile instead of the demo picker's
 * header (Lighthouse's entry-page LCP, simulated on a slow phone, was 1.8–2.5 s instead of 0.9–1.1 s).
 * On slow 4G the paint comes long before the script anyway, so nothing waits. A browser without paint timing, or a page that never paints (opened
 * in a background tab), starts the app after `fallbackMs`.
 *
 * Without the shell (a signed-in member, a link to a page) nothing is painted before the app, so the
 * script runs at once, as a script tag at the end of the body would.
 *
 * ES5 and self-contained: it is written into the page as text. It removes itself, like the display
 * script (the body holds no inline script once it has run; tests/e2e/xss.test.ts looks for injected
 * ones).
 */
export function loadAppScript(src: string, shellClass: string, fallbackMs: number): void {
  const doc = document;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const script = doc.createElement('script');
    script.src = src;
    doc.body.appendChild(script);
  };
  const own = doc.currentScript;
  if (own && own.parentNode) own.parentNode.removeChild(own);
  const shellShown = doc.documentElement.classList.contains(shellClass);
  const Observer = window.PerformanceObserver;
  const types = (Observer && Observer.supportedEntryTypes) || [];
  if (!shellShown || types.indexOf('paint') < 0) {
    start();
    return;
  }
  try {
    new Observer((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) start();
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {
    start();
    return;
  }
  setTimeout(start, fallbackMs);
}
