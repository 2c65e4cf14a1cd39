import type { ExternalChannel } from '../../../src/domain/reach/types';
import type { WeChatGateway } from '../wechat/port';
import { mask, missing, SMS_REQUIRED, smsConfigFromEnv, WECOM_REQUIRED, wecomConfigFromEnv, type Env } from './config';
import type { ChannelStatus, ReachChannel, ReachChannels } from './port';
import { unconfiguredChannel } from './unconfigured';
import { wechatReachChannel } from './wechat';

/** Everything `ctx.channels` is built from besides the environment. */
export interface ReachChannelDeps {
  wechat: WeChatGateway;
  /**
   * The local host's WeChat is its outbox and always works; in the cloud the subscribe message needs
   * the template id (WZB_TPL_NOTICE_REMINDER).
   */
  wechatMode: 'local' | 'cloud';
}

function wechatPart(env: Env, deps: ReachChannelDeps): { channel: ReachChannel; status: ChannelStatus } {
  if (deps.wechatMode === 'local') {
    return { channel: wechatReachChannel(deps.wechat, true), status: { name: 'wechat', configured: true, detail: '本机演示：提醒写入本机发件箱' } };
  }
  const template = env.WZB_TPL_NOTICE_REMINDER?.trim();
  return template
    ? { channel: wechatReachChannel(deps.wechat, true), status: { name: 'wechat', configured: true, detail: `订阅消息模板 ${mask(template)}` } }
    : { channel: wechatReachChannel(deps.wechat, false), status: { name: 'wechat', configured: false, detail: '未配置（缺少 WZB_TPL_NOTICE_REMINDER）' } };
}

const notConfigured = (name: ExternalChannel, env: Env, required: readonly string[]): { channel: ReachChannel; status: ChannelStatus } => {
  const absent = missing(env, required);
  const detail = absent.length ? `未配置（缺少 ${absent.join('、')}）` : '未配置（环境变量格式不正确）';
  return { channel: unconfiguredChannel(name), status: { name, configured: false, detail } };
};

/**
 * `ctx.channels` for one deployment: WeChat always (the gateway), WeCom and SMS only when their
 * environment variables are set. Built once per warm instance / host start; `status()` is what the
 * settings page shows.
 */
export function reachChannelsFromEnv(env: Env, deps: ReachChannelDeps): ReachChannels {
  const wechat = wechatPart(env, deps);
  // The WeCom and SMS adapters plug in here once they land; until then both report 未配置.
  const wecom = wecomConfigFromEnv(env) ? notConfigured('wecom', {}, WECOM_REQUIRED) : notConfigured('wecom', env, WECOM_REQUIRED);
  const sms = smsConfigFromEnv(env) ? notConfigured('sms', {}, SMS_REQUIRED) : notConfigured('sms', env, SMS_REQUIRED);
  const statuses = [wechat.status, wecom.status, sms.status];
  return { wechat: wechat.channel, wecom: wecom.channel, sms: sms.channel, status: () => statuses.map((s) => ({ ...s })) };
}
