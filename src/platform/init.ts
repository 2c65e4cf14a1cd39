import { ROUTES } from '../utils/routes';
import { watchAccessibility } from './a11y';
import { watchLoadFailures } from './load-failure';
import { readSessionToken } from './session';

/**
 * Platform start-up. H5: a page that cannot load says so, and Taro's / NutUI's markup gets roles and
 * keyboard access. The weapp variant initialises wx.cloud.
 */
export function initPlatform(): void {
  startSignedOutAtDemo();
  watchLoadFailures();
  watchAccessibility();
}

/**
 * A visitor without a session who opens the app's address would load the home page and ask the host
 * who they are, only to be sent to the demo picker: on a ward's slow 4G that is a page and a round trip
 * before anything useful shows. Runs before the router reads the address; links to other pages are kept.
 */
function startSignedOutAtDemo(): void {
  if (readSessionToken()) return;
  const route = window.location.hash.replace(/^#/, '').split('?')[0];
  if (route === '' || route === '/' || route === ROUTES.home) window.history.replaceState(window.history.state, '', `#${ROUTES.demo}`);
}
