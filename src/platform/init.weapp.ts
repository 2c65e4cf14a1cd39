import Taro from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';

/** Initialise the CloudBase client once, with the environment chosen at build time. */
export function initPlatform(): void {
  // NutUI icons render an HTML <i> by default, which the mini program has no template for (without
  // @tarojs/plugin-html): spinners in loading buttons and the input clear icon would vanish.
  configureIcons({ tag: 'view' });
  if (!Taro.cloud) return;
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
}
