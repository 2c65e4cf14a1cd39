import Taro from '@tarojs/taro';
import { largeTextFromWeChatFont, type SystemDisplay } from '../utils/display-settings';
import type { DisplayAdapter } from './display-types';

/**
 * WeChat: dark mode from `theme` and care mode from WeChat's font setting (`fontSizeSetting`). The pages
 * follow WeChat itself: app.config darkmode + theme.json recolour the bars, and app.scss's
 * prefers-color-scheme block recolours the pages, so there is nothing to apply in code.
 */
export const displayAdapter: DisplayAdapter = {
  manual: false,
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
  apply() {},
};
