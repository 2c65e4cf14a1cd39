import { cloudMain } from '../../_runtime/cloud-entry';
import { loadSmsSdk } from '../../_runtime/reach/sms-sdk';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { orgFunction } from './handler';

export { orgFunction };

/**
 * CloudBase entry point: `index.main`. wx-server-sdk (invite mini program codes, WeChat test sends) and
 * tencentcloud-sdk-nodejs-sms (SMS test sends from the reach settings) load on first use only.
 */
export const main = cloudMain(orgFunction, { wxServerSdk: loadWxServerSdk, smsSdk: loadSmsSdk });
