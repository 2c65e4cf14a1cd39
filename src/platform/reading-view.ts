/**
 * H5: where the reader is in an article. `observeEnd` watches the end marker with the browser's
 * IntersectionObserver; `readFraction` is how much of the article has been in view (0–1);
 * `scrollToBlock` brings a block back into view when resuming. The weapp variant uses Taro's
 * selector queries and createIntersectionObserver.
 */

/** Calls `onVisible` once the element matching `selector` enters the viewport; returns a stop function. */
export function observeEnd(selector: string, onVisible: () => void): () => void {
  let observer: IntersectionObserver | null = null;
  let stopped = false;
  let tries = 0;
  const attach = () => {
    if (stopped) return;
    const el = Array.from(document.querySelectorAll(selector)).find((e) => (e as HTMLElement).offsetParent !== null) ?? document.querySelector(selector);
    if (!el) {
      // The page may not be rendered yet.
      if (tries++ < 50) setTimeout(attach, 200);
      return;
    }
    if (typeof IntersectionObserver === 'undefined') return;
    observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onVisible();
    });
    observer.observe(el);
  };
  attach();
  return () => {
    stopped = true;
    observer?.disconnect();
  };
}

function visibleElement(selector: string): HTMLElement | null {
  const all = Array.from(document.querySelectorAll<HTMLElement>(selector));
  return all.find((e) => e.offsetParent !== null) ?? all[0] ?? null;
}

/** The share of the article above the bottom of the viewport, 0–1; null when not rendered. */
export async function readFraction(selector: string): Promise<number | null> {
  const el = visibleElement(selector);
  if (!el) return null;
  const rect = el.getBoundingClientRect();
  if (rect.height <= 0) return null;
  return Math.min(1, Math.max(0, (window.innerHeight - rect.top) / rect.height));
}

export async function scrollToBlock(selector: string): Promise<void> {
  visibleElement(selector)?.scrollIntoView({ block: 'center' });
}
