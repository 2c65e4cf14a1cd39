import { useEffect, useRef } from 'react';
import Taro, { useDidHide } from '@tarojs/taro';

/**
 * Runs `onLeave` whenever the member may be gone: the page is hidden (another page, another tab,
 * WeChat to the background), the browser tab is hidden, or the page is closed.
 */
export function useLeave(onLeave: () => void): void {
  const latest = useRef(onLeave);
  latest.current = onLeave;
  useDidHide(() => latest.current());
  useEffect(() => {
    const onAppHide = () => latest.current();
    try {
      Taro.onAppHide(onAppHide);
    } catch {
      // not available: page hide and unload still save
    }
    return () => {
      try {
        Taro.offAppHide(onAppHide);
      } catch {
        // ignore
      }
      latest.current();
    };
  }, []);
}
