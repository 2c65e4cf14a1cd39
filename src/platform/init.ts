import { watchLoadFailures } from './load-failure';

/** Platform start-up: on H5, a page that cannot load says so (the weapp variant initialises wx.cloud). */
export function initPlatform(): void {
  watchLoadFailures();
}
