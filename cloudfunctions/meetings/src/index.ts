import { cloudMain } from '../../_runtime/cloud-entry';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { meetingsFunction } from './handler';

export { meetingsFunction };

/** CloudBase entry point: `index.main`. Sends subscribe messages (meeting notices, reminders, make-ups). */
export const main = cloudMain(meetingsFunction, { wxServerSdk: loadWxServerSdk });
