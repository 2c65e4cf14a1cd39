import { cloudMain } from '../../_runtime/cloud-entry';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { orgFunction } from './handler';

export { orgFunction };

/** CloudBase entry point: `index.main`; wx-server-sdk is loaded on first use, for invite mini program codes. */
export const main = cloudMain(orgFunction, { wxServerSdk: loadWxServerSdk });
