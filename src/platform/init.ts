import { watchAccessibility } from './a11y';
import { watchLoadFailures } from './load-failure';

/**
 * Platform start-up. H5: a page that cannot load says so, and Taro's / NutUI's markup gets roles and
 * keyboard access (which page a visitor starts on is decided earlier, in index.html:
 * config/page-prefetch-plugin.ts). The weapp variant initialises wx.cloud.
 */
export function initPlatform(): void {
  watchLoadFailures();
  watchAccessibility();
}

