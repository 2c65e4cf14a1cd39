import { cloudMain } from '../../_runtime/cloud-entry';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { lessonsFunction } from './handler';

export { lessonsFunction };

/** CloudBase entry point: `index.main`. Uses WeChat's content check (library text) and subscribe messages (reminders). */
export const main = cloudMain(lessonsFunction, { wxServerSdk: loadWxServerSdk });
