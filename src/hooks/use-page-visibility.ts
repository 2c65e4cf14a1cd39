import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { appInForeground, onForegroundChange } from '../platform/foreground';

/**
 * Runs `onReturn` when the page is shown again after being hidden (back from another page, or switching
 * tabs), not on its first show: the first load is the component's own, so a page makes ONE call on open.
 */
export function useOnReturn(onReturn: () => void): void {
  const hidden = useRef(false);
  const latest = useRef(onReturn);
  latest.current = onReturn;
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    latest.current();
  });
}

/** True while the page is on screen; pages use it to stop timers when hidden. */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useDidHide(() => setVisible(false));
  useDidShow(() => setVisible(true));
  return visible;
}

/**
 * True while the member can actually see the page: shown (not under another page, not another tab)
 * and the app in front. A chat marks messages read only then.
 */
export function usePageSeen(): boolean {
  const visible = usePageVisible();
  const [foreground, setForeground] = useState(appInForeground);
  useEffect(() => onForegroundChange(setForeground), []);
  return visible && foreground;
}
