import type { ExternalChannel, FailureReason } from './types';

/** What members and officers read for each channel and failure (settings page, test send, 我的). */
export const CHANNEL_LABELS: Record<ExternalChannel, string> = {
  wechat: '微信订阅消息',
  wecom: '企业微信',
  sms: '短信',
};

export const FAILURE_LABELS: Record<FailureReason, string> = {
  no_credit: '没有可用的微信提醒次数',
  not_bound: '未绑定微信',
  unknown_user: '企业微信中找不到此人',
  no_address: '花名册中没有企业微信账号或手机号',
  rate_limited: '发送太频繁，请稍后再试',
  quota_exceeded: '短信额度已用完',
  template_error: '消息模板或签名配置有误',
  invalid_mobile: '手机号不正确',
  not_configured: '未配置',
  not_urgent: '短信仅用于紧急通知和会议提醒',
  network: '网络异常',
  failed: '发送失败',
};
