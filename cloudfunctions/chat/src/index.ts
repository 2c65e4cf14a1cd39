import { cloudMain, cloudTimerMain } from '../../_runtime/cloud-entry';
import { loadWxServerSdk } from '../../_runtime/wechat/sdk';
import { chatFunction } from './handler';
import { applyMediaVerdict, isMediaCheckEvent } from './images';

export { chatFunction };

const userMain = cloudMain(chatFunction, { wxServerSdk: loadWxServerSdk });

/**
 * CloudBase entry point: `index.main`. Mini program calls carry an OPENID and go to the actions; WeChat's
 * `wxa_media_check` push (configured to this function in 云开发 → 消息推送) carries none and applies an
 * image verdict. A user cannot fake the push: a call with an OPENID is refused on that path.
 */
export const main = async (event: unknown): Promise<unknown> =>
  isMediaCheckEvent(event) ? cloudTimerMain((ctx) => applyMediaVerdict(ctx, event), { wxServerSdk: loadWxServerSdk })() : userMain(event as never);
