/**
 * Channel configuration, read from environment variables only (CloudBase function environment in the
 * cloud, the host's environment locally): never stored in the database, never sent to a client. The
 * settings page sees `describe*` output, which masks every identifier and never includes a secret.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export interface WeComConfig {
  corpId: string;
  agentId: number;
  secret: string;
  /** https://qyapi.weixin.qq.com unless overridden (tests point it at a loopback fake). */
  baseUrl: string;
  /**
   * When the mini program is linked to the WeCom app (企业微信管理后台 → 应用 → 关联小程序), its appid:
   * reminders then go as `miniprogram_notice` and open the item in the mini program. Otherwise `textcard`
   * with `WZB_WECOM_LINK_BASE` + page as the link.
   */
  miniProgramAppId: string | null;
  linkBase: string | null;
}

export interface SmsConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  region: string;
  /** Host[:port] of the SMS API; tests point it at 127.0.0.1 with protocol http. */
  endpoint: string | null;
  /** As the SDK's httpProfile wants it: "https://" (or "http://" for a loopback fake). */
  protocol: 'https://' | 'http://';
  /** Template ids per reminder kind; a kind without one falls back to `notice`. */
  templates: { notice: string; meeting: string | null; test: string | null };
}

const val = (env: Env, key: string): string | null => {
  const v = env[key]?.trim();
  return v ? v : null;
};

export const WECOM_REQUIRED = ['WZB_WECOM_CORP_ID', 'WZB_WECOM_AGENT_ID', 'WZB_WECOM_SECRET'] as const;
export const SMS_REQUIRED = ['WZB_SMS_SECRET_ID', 'WZB_SMS_SECRET_KEY', 'WZB_SMS_SDK_APP_ID', 'WZB_SMS_SIGN_NAME', 'WZB_SMS_TEMPLATE_NOTICE'] as const;

export const missing = (env: Env, keys: readonly string[]): string[] => keys.filter((k) => !val(env, k));

export function wecomConfigFromEnv(env: Env): WeComConfig | null {
  if (missing(env, WECOM_REQUIRED).length) return null;
  const agentId = Number(val(env, 'WZB_WECOM_AGENT_ID'));
  if (!Number.isInteger(agentId) || agentId <= 0) return null;
  return {
    corpId: val(env, 'WZB_WECOM_CORP_ID')!,
    agentId,
    secret: val(env, 'WZB_WECOM_SECRET')!,
    baseUrl: (val(env, 'WZB_WECOM_BASE_URL') ?? 'https://qyapi.weixin.qq.com').replace(/\/+$/, ''),
    miniProgramAppId: val(env, 'WZB_WECOM_MINIPROGRAM_APPID'),
    linkBase: val(env, 'WZB_WECOM_LINK_BASE'),
  };
}

export function smsConfigFromEnv(env: Env): SmsConfig | null {
  if (missing(env, SMS_REQUIRED).length) return null;
  const endpoint = val(env, 'WZB_SMS_ENDPOINT');
  // An endpoint given as a URL carries its protocol (http only makes sense for a loopback fake).
  const url = endpoint && /^https?:\/\//.test(endpoint) ? new URL(endpoint) : null;
  return {
    secretId: val(env, 'WZB_SMS_SECRET_ID')!,
    secretKey: val(env, 'WZB_SMS_SECRET_KEY')!,
    sdkAppId: val(env, 'WZB_SMS_SDK_APP_ID')!,
    signName: val(env, 'WZB_SMS_SIGN_NAME')!,
    region: val(env, 'WZB_SMS_REGION') ?? 'ap-guangzhou',
    endpoint: url ? url.host : endpoint,
    protocol: url?.protocol === 'http:' ? 'http://' : 'https://',
    templates: {
      notice: val(env, 'WZB_SMS_TEMPLATE_NOTICE')!,
      meeting: val(env, 'WZB_SMS_TEMPLATE_MEETING'),
      test: val(env, 'WZB_SMS_TEMPLATE_TEST'),
    },
  };
}

/** “ww12…89”: enough to recognise which corp or app, useless to anyone who reads the page. */
export function mask(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 4) return '…';
  const keep = chars.length <= 8 ? 1 : chars.length <= 12 ? 2 : 4;
  return `${chars.slice(0, keep).join('')}…${chars.slice(-2).join('')}`;
}
