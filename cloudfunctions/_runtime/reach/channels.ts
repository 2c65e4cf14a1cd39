import type { ExternalChannel } from '../../../src/domain/reach/types';
import type { WeChatGateway } from '../wechat/port';
import { mask, missing, SMS_REQUIRED, smsConfigFromEnv, WECOM_REQUIRED, wecomConfigFromEnv, type Env } from './config';
import type { ChannelStatus, ReachChannel, ReachChannels } from './port';
import { smsReachChannel } from './sms';
import type { SmsSdkLoader } from './sms-sdk';
import { unconfiguredChannel } from './unconfigured';
import { wecomReachChannel, type WeComDeps } from './wecom';
import { wechatReachChannel } from './wechat';

/** Everything `ctx.channels` is built from besides the environment. */
export interface ReachChannelDeps {
  wechat: WeChatGateway;
  /**
   * The local host's WeChat is its outbox and always works; in the cloud the subscribe message needs
   * the template id (WZB_TPL_NOTICE_REMINDER).
   */
  wechatMode: 'local' | 'cloud';
  /** The lazy SMS SDK loader; functions that never send SMS leave it out (see sms-sdk.ts). */
  smsSdk?: SmsSdkLoader;
  /** Tests inject fetch/clock/sleep for WeCom. */
  wecom?: WeComDeps;
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
  // Names the first missing variable (the README's table lists them all); the page stays readable.
  const detail = absent.length === 0 ? '未配置（环境变量格式不正确）' : absent.length === 1 ? `未配置（缺少环境变量 ${absent[0]}）` : `未配置（缺少环境变量 ${absent[0]} 等 ${absent.length} 项）`;
  return { channel: unconfiguredChannel(name), status: { name, configured: false, detail } };
};

/**
 * `ctx.channels` for one deployment: WeChat always (the gateway), WeCom and SMS only when their
 * environment variables are set. Built once per warm instance / host start; `status()` is what the
 * settings page shows.
 */
export function reachChannelsFromEnv(env: Env, deps: ReachChannelDeps): ReachChannels {
  const wechat = wechatPart(env, deps);
  const wecomConfig = wecomConfigFromEnv(env);
  const wecom = wecomConfig
    ? {
        channel: wecomReachChannel(wecomConfig, deps.wecom),
        status: {
          name: 'wecom' as const,
          configured: true,
          detail: `企业 ID ${mask(wecomConfig.corpId)}，应用 ${wecomConfig.agentId}，${wecomConfig.miniProgramAppId ? '小程序通知' : wecomConfig.linkBase ? '卡片消息' : '文本消息'}`,
        },
      }
    : notConfigured('wecom', env, WECOM_REQUIRED);
  const smsConfig = smsConfigFromEnv(env);
  const sms = smsConfig
    ? {
        channel: smsReachChannel(smsConfig, deps.smsSdk),
        status: { name: 'sms' as const, configured: true, detail: `签名「${smsConfig.signName}」，应用 ${mask(smsConfig.sdkAppId)}，仅紧急通知与会议提醒` },
      }
    : notConfigured('sms', env, SMS_REQUIRED);
  const statuses = [wechat.status, wecom.status, sms.status];
  return { wechat: wechat.channel, wecom: wecom.channel, sms: sms.channel, status: () => statuses.map((s) => ({ ...s })) };
}
