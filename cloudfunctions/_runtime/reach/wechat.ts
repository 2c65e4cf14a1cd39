import type { WeChatGateway } from '../wechat/port';
import { mapPooled } from './pool';
import { delivered, failed } from './outcome';
import type { ReachAddress, ReachChannel, ReachMessage } from './port';

/** Subscribe messages go one per call; this many in flight keeps a large reminder fast but polite. */
export const WECHAT_CONCURRENCY = 8;

/** WeChat errcodes that mean the template (id or fields) is wrong, not the member. */
const TEMPLATE_ERRCODES = new Set([40037, 47003]);
/** The openid is not one of this mini program's users (e.g. bound in another environment). */
const ERRCODE_INVALID_OPENID = 40003;

/**
 * The WeChat subscribe-message channel over the existing gateway (wx-server-sdk openapi in the cloud,
 * the outbox locally). One template serves every reminder kind: 标题 / 发布人 / 时间 / 温馨提示 map
 * from the message's title / from / time / tip. Credits are the flow's bookkeeping: it sends only to
 * members holding one and spends it on `delivered`; 43101 here means WeChat disagrees (`no_credit`).
 */
export function wechatReachChannel(gateway: WeChatGateway, configured = true): ReachChannel {
  // `configured` is false in the cloud without WZB_TPL_NOTICE_REMINDER: every send would fail alike.
  async function sendOne(message: ReachMessage, to: ReachAddress) {
    if (!to.openid) return failed(to, 'not_bound');
    try {
      const result = await gateway.sendSubscribeMessage({
        toOpenid: to.openid,
        templateKey: 'notice_reminder',
        page: message.page,
        fields: { title: message.title, author: message.from, time: message.time, tip: message.tip },
      });
      if (result.sent) return delivered(to);
      if (result.reason === 'no_subscription') return failed(to, 'no_credit', result.errcode ?? 43101);
      if (result.errcode !== undefined && TEMPLATE_ERRCODES.has(result.errcode)) return failed(to, 'template_error', result.errcode);
      if (result.errcode === ERRCODE_INVALID_OPENID) return failed(to, 'not_bound', result.errcode);
      return result.errcode === undefined ? failed(to, 'failed') : failed(to, 'failed', result.errcode);
    } catch {
      return failed(to, 'network');
    }
  }

  return {
    name: 'wechat',
    configured,
    async send(message, to) {
      if (!configured) return to.map((address) => failed(address, 'not_configured'));
      return mapPooled(to, WECHAT_CONCURRENCY, (address) => sendOne(message, address));
    },
  };
}
