/**
 * Shared vocabulary of reminders that reach people (issue 11): the channels, why a delivery failed,
 * and the hospital's reach settings. Pure types and defaults; the channel adapters live in
 * `cloudfunctions/_runtime/reach`, the policy (channel choice, escalation, quiet hours) in this folder.
 */

/** Every way a reminder can reach a member. In-app always works but only helps those who open the app. */
export type ChannelName = 'wechat' | 'wecom' | 'sms' | 'inapp';

/** The channels behind an adapter (in-app is a storage mark, not an adapter). */
export type ExternalChannel = Exclude<ChannelName, 'inapp'>;

/**
 * Why one recipient was not reached on one channel. The reach report shows these in Chinese and the
 * escalation uses `retryable` to decide whether the same channel is worth another round.
 */
export type FailureReason =
  | 'no_credit' // WeChat 43101: the member holds no subscribe-message credit
  | 'not_bound' // no WeChat binding (openid)
  | 'unknown_user' // WeCom 60111 / invaliduser: no such WeCom account
  | 'no_address' // no WeCom account or mobile on the roster
  | 'rate_limited' // WeCom 45009, SMS frequency limits
  | 'quota_exceeded' // SMS package empty or the committee's monthly cap reached
  | 'template_error' // SMS / WeChat template misconfigured
  | 'invalid_mobile'
  | 'not_configured' // the hospital has not configured this channel
  | 'not_urgent' // SMS is only for 紧急 notices and meeting reminders
  | 'network'
  | 'failed';

export type DeliveryOutcome =
  | { memberId: string; delivered: true; /** WeCom: the account the mobile resolved to, to remember. */ wecomUserId?: string }
  | { memberId: string; delivered: false; reason: FailureReason; errcode?: string | number; retryable: boolean };

/** The hospital-wide reach settings, one document `reachSettings/hospital`, edited by the committee admin. */
export interface ReachSettings {
  _id: 'hospital';
  /** SMS messages allowed per calendar month (Asia/Shanghai); 0 turns SMS off even when configured. */
  smsMonthlyCap: number;
  /** Quiet hours, "HH:mm" Asia/Shanghai; non-urgent reminders wait until `quietEnd`. Start > end spans midnight. */
  quietStart: string;
  quietEnd: string;
  /** Hours after the first round to remind those still unread on the next channel; null: no second round. */
  secondRoundAfterHours: number | null;
  updatedAt: number;
  updatedBy: string | null;
}

export const DEFAULT_REACH_SETTINGS: Omit<ReachSettings, 'updatedAt' | 'updatedBy'> = {
  _id: 'hospital',
  smsMonthlyCap: 0,
  quietStart: '22:00',
  quietEnd: '07:00',
  secondRoundAfterHours: null,
};
