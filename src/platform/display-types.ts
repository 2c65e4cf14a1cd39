import type { EffectiveDisplay, SystemDisplay } from '../utils/display-settings';

/** What each platform's display adapter offers (display.ts for H5, display.weapp.ts for WeChat). */
export interface DisplayAdapter {
  /** The system's current settings: dark mode, and large text where the platform reports one. */
  readSystem(): SystemDisplay;
  /** Calls back when the system's setting changes while the app is open; returns a stop function. */
  onSystemChange(callback: () => void): () => void;
  /** Makes every page follow `display` (root classes, root font size, bars). */
  apply(display: EffectiveDisplay): void;
}
