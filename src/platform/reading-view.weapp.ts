import Taro from '@tarojs/taro';

/** Mini program: see reading-view.ts. */

export function observeEnd(selector: string, onVisible: () => void): () => void {
  const page = Taro.getCurrentInstance().page;
  if (!page || typeof Taro.createIntersectionObserver !== 'function') return () => undefined;
  let observer: Taro.IntersectionObserver | null = null;
  let stopped = false;
  // The page's data reaches the view layer after this render: observe once the marker exists.
  const timer = setTimeout(() => {
    if (stopped) return;
    try {
      observer = Taro.createIntersectionObserver(page as never, { thresholds: [0] });
      observer.relativeToViewport({ bottom: 0 }).observe(selector, (res) => {
        if ((res.intersectionRatio ?? 0) > 0) onVisible();
      });
    } catch {
      observer = null; // the page's onReachBottom still reports the end
    }
  }, 500);
  return () => {
    stopped = true;
    clearTimeout(timer);
    observer?.disconnect();
  };
}

const windowHeight = (): number => {
  try {
    return Taro.getWindowInfo().windowHeight;
  } catch {
    return Taro.getSystemInfoSync().windowHeight;
  }
};

export function readFraction(selector: string): Promise<number | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(selector)
      .boundingClientRect()
      .exec((res: Array<{ top: number; height: number } | null>) => {
        const rect = res?.[0];
        if (!rect || !(rect.height > 0)) return resolve(null);
        resolve(Math.min(1, Math.max(0, (windowHeight() - rect.top) / rect.height)));
      });
  });
}

export async function scrollToBlock(selector: string): Promise<void> {
  try {
    await Taro.pageScrollTo({ selector, duration: 0 });
  } catch {
    // older base libraries: start at the top
  }
}
