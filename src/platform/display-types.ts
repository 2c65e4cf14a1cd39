import type { EffectiveDisplay, SystemDisplay } from '../utils/display-settings';

/** What each platform's display adapter offers (display.ts for H5, display.weapp.ts for WeChat). */
export interface DisplayAdapter {
  /**
   * Whether the member's own choice can override the system here. H5: yes. The mini program styles its
   * pages with rpx and WXSS media queries, so there the pages follow WeChat's own settings.
   */
  manual: boolean;
  /** The system's current settings: dark mode, and large text where the platform reports one. */
  readSystem(): SystemDisplay;
  /** Calls back when the system's setting changes while the app is open; returns a stop function. */
  onSystemChange(callback: () => void): () => void;
  /** Makes every page follow `display` (root classes, root font size, bars). */
  apply(display: EffectiveDisplay): void;
}
