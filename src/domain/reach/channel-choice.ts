import type { ChannelName, ExternalChannel } from './types';

/** What the flow knows about one member when choosing how to reach them. */
export interface ReachCandidate {
  memberId: string;
  /** Bound to WeChat. */
  openid: string | null;
  /** Holds at least one subscribe-message credit (one WeChat message per credit). */
  hasCredit: boolean;
  wecomUserId: string | null;
  mobile: string | null;
}

/** What this deployment and this reminder allow. */
export interface ChannelAvailability {
  wecomConfigured: boolean;
  smsConfigured: boolean;
  /** 紧急 notices and meeting reminders only. */
  urgent: boolean;
}

/** Best first: WeChat costs nothing and opens the mini program; WeCom is read at work; SMS costs money. */
export const CHANNEL_ORDER: readonly ExternalChannel[] = ['wechat', 'wecom', 'sms'];

/**
 * Every external channel that could reach this member, best first. The in-app mark is not listed: it is
 * given to everyone regardless. SMS budget is checked when sending (it is shared by everyone in the round).
 */
export function channelLadder(c: ReachCandidate, a: ChannelAvailability): ExternalChannel[] {
  const out: ExternalChannel[] = [];
  if (c.openid && c.hasCredit) out.push('wechat');
  if (a.wecomConfigured && (c.wecomUserId || c.mobile)) out.push('wecom');
  if (a.smsConfigured && a.urgent && c.mobile) out.push('sms');
  return out;
}

/**
 * The ladder for a later round: the channels after the one that reached the member last time (a second
 * message on the same channel was already ignored once). A member reached only in-app (or by nothing)
 * starts again at the top: they may have gained a credit or a WeCom account since.
 */
export function nextLadder(c: ReachCandidate, a: ChannelAvailability, lastReachedBy: ChannelName | null): ExternalChannel[] {
  const ladder = channelLadder(c, a);
  if (lastReachedBy === null || lastReachedBy === 'inapp') return ladder;
  const after = CHANNEL_ORDER.indexOf(lastReachedBy) + 1;
  return ladder.filter((ch) => CHANNEL_ORDER.indexOf(ch) >= after);
}
