import { cloudMain } from '../../_runtime/cloud-entry';
import { loadSmsSdk } from '../../_runtime/reach/sms-sdk';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { noticesFunction } from './handler';

export { noticesFunction };

/** CloudBase entry point: `index.main`. Uses WeChat's content check and subscribe messages; SMS for 紧急 notices' reminders (SDK loaded on first use). */
export const main = cloudMain(noticesFunction, { wxServerSdk: loadWxServerSdk, smsSdk: loadSmsSdk });
