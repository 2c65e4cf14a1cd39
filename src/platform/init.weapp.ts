import Taro from '@tarojs/taro';

/** Initialise the CloudBase client once, with the environment chosen at build time. */
export function initPlatform(): void {
  if (!Taro.cloud) return;
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
}
