import { cloudMain } from '../../_runtime/cloud-entry';
import { loadSmsSdk } from '../../_runtime/reach/sms-sdk';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { meetingsFunction } from './handler';

export { meetingsFunction };

/** CloudBase entry point: `index.main`. Reaches members through the reminder engine (meeting notices, reminders, make-ups): WeChat, WeCom, SMS for reminders. */
export const main = cloudMain(meetingsFunction, { wxServerSdk: loadWxServerSdk, smsSdk: loadSmsSdk });
