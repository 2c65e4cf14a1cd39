/**
 * H5: once the home page shows, the browser downloads — while idle, at its lowest priority — the files
 * of the pages a member opens from it, so a tap shows the page without waiting for the network. Only
 * downloads: the code runs and the styles apply when the page is opened. Running them early (as calling
 * the router's page loaders would) blocked the home page for tens of milliseconds on a slow phone.
 * The build lists each page's files in index.html (config/page-prefetch-plugin.ts). Best effort: without
 * the list, or if a download fails, the page loads on demand as before.
 */
export const PAGE_FILES_ID = 'wzb-page-files';

type Deadline = { timeRemaining: () => number };
type IdleWindow = Window & { requestIdleCallback?: (cb: (deadline?: Deadline) => void, opts?: { timeout: number }) => number };

const normalise = (p: string) => p.replace(/^\//, '');
const requested = new Set<string>();
const SLICE_MS = 3;

function pageFiles(): Record<string, string[]> {
  try {
    const text = document.getElementById(PAGE_FILES_ID)?.textContent;
    return text ? (JSON.parse(text) as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

function whenIdle(w: IdleWindow, run: (deadline?: Deadline) => void): void {
  if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 2000);
}

export function prefetchPages(paths: ReadonlyArray<string>): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  const w = window as IdleWindow;
  let queue: string[] | null = null;
  // A link per file, only while the browser says it has time to spare; the rest at the next idle moment.
  const run = (deadline?: Deadline) => {
    if (!queue) {
      const files = pageFiles();
      queue = [...new Set(paths.flatMap((path) => files[normalise(path)] ?? []))];
    }
    const started = Date.now();
    // At most a few milliseconds at a time, however long the idle period: a slow phone does the same
    // work several times slower, and the member may tap meanwhile.
    while (queue.length > 0 && (!deadline || (deadline.timeRemaining() > 1 && Date.now() - started < SLICE_MS))) {
      const file = queue.shift() as string;
      if (requested.has(file)) continue;
      requested.add(file);
      // Already loaded for the page on screen.
      if (document.querySelector(`script[src$="${file}"], link[rel="stylesheet"][href$="${file}"]`)) continue;
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = file;
      document.head.appendChild(link);
    }
    if (queue.length > 0) whenIdle(w, run);
  };
  whenIdle(w, run);
}
