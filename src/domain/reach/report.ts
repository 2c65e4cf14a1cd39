import type { ChannelAvailability, ReachCandidate } from './channel-choice';
import type { ChannelName, ExternalChannel, FailureReason } from './types';

export const CHANNEL_LABELS: Record<ChannelName, string> = {
  wechat: '微信',
  wecom: '企业微信',
  sms: '短信',
  inapp: '仅应用内',
};

export const FAILURE_LABELS: Record<FailureReason, string> = {
  no_credit: '未授权微信提醒',
  not_bound: '未绑定微信',
  unknown_user: '企业微信查无此人',
  no_address: '无企业微信账号或手机号',
  rate_limited: '发送过于频繁',
  quota_exceeded: '短信额度已用完',
  template_error: '消息模板配置有误',
  invalid_mobile: '手机号无效',
  not_configured: '渠道未配置',
  not_urgent: '非紧急，不发短信',
  network: '网络故障',
  failed: '发送失败',
};

/** One failed try on one channel. */
export type ReachAttempt = {
  channel: ExternalChannel;
  reason: FailureReason;
};

/** What happened to one member in one round (stored in chunks, not one document per member). */
export type DeliveryEntry = {
  memberId: string;
  name: string;
  /** The channel that reached them; 'inapp' when only the in-app mark did. */
  via: ChannelName;
  /** Channels tried and failed, in order, then the channels they could not be tried on and why. */
  failed: ReachAttempt[];
};

/**
 * Why a channel was not even tried for this member, for the report's “why not” next to each name. Only
 * reasons that are about the member: a channel the hospital has not configured is said once, not per name.
 */
export function skippedReasons(c: ReachCandidate, a: ChannelAvailability, tried: ReadonlySet<ExternalChannel>): ReachAttempt[] {
  const out: ReachAttempt[] = [];
  if (!tried.has('wechat')) out.push({ channel: 'wechat', reason: c.openid ? 'no_credit' : 'not_bound' });
  if (!tried.has('wecom') && a.wecomConfigured && !c.wecomUserId && !c.mobile) out.push({ channel: 'wecom', reason: 'no_address' });
  if (!tried.has('sms') && a.smsConfigured && a.urgent && !c.mobile) out.push({ channel: 'sms', reason: 'no_address' });
  return out;
}

export interface FailureCount {
  channel: ExternalChannel;
  reason: FailureReason;
  label: string;
  count: number;
}

export interface UnreachedMember {
  memberId: string;
  name: string;
  /** Chinese, e.g. “未授权微信提醒；企业微信查无此人”. */
  why: string;
}

export interface RoundSummary {
  total: number;
  reached: Record<ChannelName, number>;
  /** Tries that failed on a channel, by channel and reason (a member who fell through counts here too). */
  failures: FailureCount[];
  /** Reached by no external channel: only the in-app mark, which helps only if they open the app. */
  unreached: UnreachedMember[];
}

export const emptyReached = (): Record<ChannelName, number> => ({ wechat: 0, wecom: 0, sms: 0, inapp: 0 });

/** Sums a round's entries into the report's numbers; names sorted as the roster sorts them (pinyin-free: by code point). */
export function summariseRound(entries: readonly DeliveryEntry[]): RoundSummary {
  const reached = emptyReached();
  const failures = new Map<string, FailureCount>();
  const unreached: UnreachedMember[] = [];
  for (const e of entries) {
    reached[e.via]++;
    for (const f of e.failed) {
      const key = `${f.channel}:${f.reason}`;
      const row = failures.get(key) ?? { channel: f.channel, reason: f.reason, label: FAILURE_LABELS[f.reason], count: 0 };
      row.count++;
      failures.set(key, row);
    }
    if (e.via === 'inapp') {
      const why = [...new Set(e.failed.map((f) => FAILURE_LABELS[f.reason]))].join('；');
      unreached.push({ memberId: e.memberId, name: e.name, why: why || '没有可用的提醒渠道' });
    }
  }
  unreached.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const order = (c: FailureCount) => ['wechat', 'wecom', 'sms'].indexOf(c.channel);
  return { total: entries.length, reached, failures: [...failures.values()].sort((a, b) => order(a) - order(b) || b.count - a.count), unreached };
}
