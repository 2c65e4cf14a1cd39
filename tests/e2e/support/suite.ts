import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startHost, type TestHost } from './host';

/**
 * One local host and one Chromium per test file, started before and closed after its tests.
 * Read `suite.host` / `suite.browser` inside tests (they are set by then).
 */
export function hostAndBrowserPerFile(options: { history?: boolean } = {}): { readonly host: TestHost; readonly browser: Browser } {
  const state: { host?: TestHost; browser?: Browser } = {};
  beforeAll(async () => {
    state.host = await startHost(undefined, options);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.host?.close();
  });
  return {
    get host() {
      return state.host!;
    },
    get browser() {
      return state.browser!;
    },
  };
}
