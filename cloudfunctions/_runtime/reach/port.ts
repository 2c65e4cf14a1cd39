import type { DeliveryOutcome, ExternalChannel } from '../../../src/domain/reach/types';

/**
 * What the reminder flow needs from the outside channels (issue 11): send one reminder to many
 * members and learn, per member, whether it arrived. Adapters (a file per platform: WeChat subscribe
 * messages, WeCom application messages, Tencent Cloud SMS) own tokens, batching and error codes; the
 * flow owns who gets what, when (channel choice, escalation, quiet hours, cooldown, SMS budget).
 */

/** How to reach one member; each channel uses the fields it understands and reports `no_address` otherwise. */
export interface ReachAddress {
  memberId: string;
  name: string;
  /** WeChat binding; subscribe messages also need a credit, which the flow checks and spends. */
  openid: string | null;
  /** WeCom account from the roster column 企业微信账号, or one resolved earlier from the mobile. */
  wecomUserId: string | null;
  /** Mainland mobile number (roster 手机号); SMS, and WeCom lookup when there is no account. */
  mobile: string | null;
}

/** One reminder's content; adapters map it to their template or text and truncate as each platform requires. */
export interface ReachMessage {
  kind: 'notice' | 'lesson' | 'meeting' | 'mention' | 'test';
  /** 紧急 notices and meeting reminders; only these may use SMS and skip quiet hours. */
  urgent: boolean;
  title: string;
  /** Who it is from, e.g. the secretary's name or the branch. */
  from: string;
  /** A time to show, already formatted in Asia/Shanghai. */
  time: string;
  /** One short line, e.g. “请阅读并点击‘我已知晓’”. */
  tip: string;
  /** Mini program page with query that opens the item, e.g. `pages/notice-detail/index?noticeId=…`. */
  page: string;
}

export interface ReachChannel {
  readonly name: ExternalChannel;
  /** True when this deployment has the channel's configuration (environment variables). */
  readonly configured: boolean;
  /**
   * Sends `message` to every address; resolves with exactly one outcome per address, in order.
   * Per-recipient failures are outcomes, never exceptions; an unconfigured channel answers
   * `not_configured` for everyone without touching the network.
   */
  send(message: ReachMessage, to: readonly ReachAddress[]): Promise<DeliveryOutcome[]>;
}

/** Public status for the settings page: never a secret. */
export interface ChannelStatus {
  name: ExternalChannel;
  configured: boolean;
  /** What is configured, masked (e.g. “企业 ID ww12…89，应用 1000002”), or what is missing. */
  detail: string;
}

export interface ReachChannels {
  wechat: ReachChannel;
  wecom: ReachChannel;
  sms: ReachChannel;
  status(): ChannelStatus[];
}
