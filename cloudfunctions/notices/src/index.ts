import { cloudMain } from '../../_runtime/cloud-entry';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { noticesFunction } from './handler';

export { noticesFunction };

/** CloudBase entry point: `index.main`. Uses WeChat's content check and subscribe messages. */
export const main = cloudMain(noticesFunction, { wxServerSdk: loadWxServerSdk });
