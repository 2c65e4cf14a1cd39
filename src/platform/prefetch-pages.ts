/**
 * H5: once the home page shows, fetch the code of the pages a member opens from it while the browser
 * is idle, so a tap shows the page without waiting for its scripts. Taro's H5 entry keeps its route
 * table (with each page's lazy `import()`) on `window.__taroAppConfig`; calling a route's `load` is
 * what the router itself does on navigation, only earlier. Best effort: any failure is ignored and
 * the page simply loads on demand as before.
 */
type Route = { path: string; load?: () => unknown };
type IdleWindow = Window & {
  __taroAppConfig?: { routes?: Route[] };
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
};

const normalise = (p: string) => p.replace(/^\//, '');

export function prefetchPages(paths: ReadonlyArray<string>): void {
  if (typeof window === 'undefined') return;
  const w = window as IdleWindow;
  const run = () => {
    const routes = w.__taroAppConfig?.routes ?? [];
    for (const path of paths) {
      const route = routes.find((r) => normalise(r.path) === normalise(path));
      try {
        const loaded = route?.load?.();
        const page = Array.isArray(loaded) ? loaded[0] : loaded;
        if (page && typeof (page as Promise<unknown>).catch === 'function') void (page as Promise<unknown>).catch(() => undefined);
      } catch {
        // A page that fails to load now will be loaded (and its error shown) on navigation.
      }
    }
  };
  if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 2000);
}
