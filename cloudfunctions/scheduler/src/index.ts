import { cloudTimerMain } from '../../_runtime/cloud-entry';
import { loadSmsSdk } from '../../_runtime/reach/sms-sdk';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { runScheduler } from './handler';

/**
 * CloudBase entry point (`index.main`), fired every minute by the timer trigger in config.json. It sends
 * reminder rounds held by quiet hours, second rounds and meeting reminders, so it loads the WeChat and
 * SMS SDKs (on first use only).
 */
export const main = cloudTimerMain(runScheduler, { wxServerSdk: loadWxServerSdk, smsSdk: loadSmsSdk });
