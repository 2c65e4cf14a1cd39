import Taro from '@tarojs/taro';
import { largeTextFromWeChatFont, type EffectiveDisplay, type SystemDisplay } from '../utils/display-settings';
import type { DisplayAdapter } from './display-types';

/**
 * WeChat: dark mode from `theme` and care mode from WeChat's font setting (`fontSizeSetting`) are the
 * defaults; the member may override either in 我的. Each page applies the result itself through its
 * <page-meta> (src/components/page-display, re-rendered on every change); the tab bar, shared by the
 * tab pages, is recoloured here (theme.json only knows WeChat's own setting).
 */
const TAB_STYLE = {
  light: { color: '#6b6b6b', selectedColor: '#c8161d', backgroundColor: '#ffffff', borderStyle: 'black' as const },
  dark: { color: '#a0a0a0', selectedColor: '#ff8a80', backgroundColor: '#1f1f1f', borderStyle: 'white' as const },
};

export const displayAdapter: DisplayAdapter = {
  readSystem(): SystemDisplay {
    try {
      const info = Taro.getSystemInfoSync() as { theme?: string; fontSizeSetting?: number };
      return { dark: info.theme === 'dark', largeText: largeTextFromWeChatFont(info.fontSizeSetting) };
    } catch {
      return { dark: false, largeText: false };
    }
  },
  onSystemChange(callback) {
    const listener = () => callback();
    Taro.onThemeChange?.(listener);
    return () => Taro.offThemeChange?.(listener);
  },
  apply(display: EffectiveDisplay) {
    // Fails before the first tab page exists or on a page without the bar; the next apply retries.
    Promise.resolve()
      .then(() => Taro.setTabBarStyle(display.dark ? TAB_STYLE.dark : TAB_STYLE.light))
      .catch(() => undefined);
  },
};
