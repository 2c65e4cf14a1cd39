import type { WxServerSdkLike } from './cloud';

/** What the cloud entry needs from the wx-server-sdk module: `init` once, then `openapi`. */
export interface WxServerSdkModule extends WxServerSdkLike {
  init(config: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: symbol;
}

export type WxServerSdkLoader = () => WxServerSdkModule;

/**
 * The loader a function hands to `cloudMain(handler, { wxServerSdk })` when its handlers use
 * `ctx.wechat`. Import this module ONLY from a function whose package.json lists `wx-server-sdk`:
 * esbuild keeps the require below as it is (the SDK is external), so it appears in exactly the bundles
 * that import this file, and the bundle test checks every require against package.json. The require
 * runs on the first gateway call, not at load, so cold starts that never reach WeChat do not pay for it.
 */
export const loadWxServerSdk: WxServerSdkLoader = () =>
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy on purpose (see above)
  require('wx-server-sdk') as WxServerSdkModule;
