import type { FailureReason } from '../../../src/domain/reach/types';
import type { SmsConfig } from './config';
import { delivered, failed } from './outcome';
import { chunk } from './pool';
import type { ReachAddress, ReachChannel, ReachMessage } from './port';
import type { SendSmsRequest, SmsClientLike, SmsSdkLoader } from './sms-sdk';

/**
 * Tencent Cloud SMS (SendSms v20210111), for 紧急 notices and meeting reminders only; the flow reserves
 * the committee's monthly budget (`reserveSmsBudget`) before calling. Mainland numbers as +86…, at most
 * 200 per call; each number's `SendStatusSet` code becomes its outcome. A request-level error (bad
 * credentials, empty package) applies to the whole batch.
 */
export const SMS_BATCH = 200;

/** SMS template variables are short; longer values are cut (approved templates: see the README). */
const PARAM_MAX = { title: 20, from: 12 } as const;

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** 13800000000, 138 0000 0000, +86 138… and 0086… become +8613800000000; anything else null. */
export function mainlandE164(mobile: string): string | null {
  const digits = mobile.replace(/[\s-]/g, '').replace(/^(\+86|0086|86(?=1\d{10}$))/, '');
  return MAINLAND_MOBILE.test(digits) ? `+86${digits}` : null;
}

/**
 * Per-number (and request-level) codes that matter. Frequency limits on one number clear by themselves
 * (`rate_limited`); daily/app limits and an empty package need someone to act (`quota_exceeded`).
 */
export function smsFailureReason(code: string): FailureReason {
  if (code === 'FailedOperation.InsufficientBalanceInSmsPackage') return 'quota_exceeded';
  if (/^LimitExceeded\.(PhoneNumber(ThirtySecond|OneHour)Limit|DeliveryFrequencyLimit)$/.test(code)) return 'rate_limited';
  if (code.startsWith('LimitExceeded.')) return 'quota_exceeded'; // PhoneNumberDailyLimit, AppDailyLimit, …
  if (/^FailedOperation\.(TemplateIncorrectOrUnapproved|SignatureIncorrectOrUnapproved|TemplateParamSetNotMatchApprovedTemplate|ContainSensitiveWord)$/.test(code)) return 'template_error';
  if (/^InvalidParameterValue\.(TemplateParameter|ProhibitedUseUrlInTemplateParameter|IncorrectSign)/.test(code)) return 'template_error';
  if (code === 'InvalidParameterValue.IncorrectPhoneNumber' || code === 'FailedOperation.PhoneNumberParseFail') return 'invalid_mobile';
  return 'failed';
}

const cut = (value: string, max: number): string => {
  const chars = Array.from(value.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/**
 * Template and its variables per kind. Notice: “{1}发布紧急通知《{2}》，请尽快打开微支部小程序查看。”;
 * meeting: “会议提醒：《{1}》将于{2}召开，请准时参加。”; test: the notice template unless its own is set.
 */
export function smsTemplate(config: SmsConfig, message: ReachMessage): { TemplateId: string; TemplateParamSet: string[] } {
  if (message.kind === 'meeting' && config.templates.meeting) {
    return { TemplateId: config.templates.meeting, TemplateParamSet: [cut(message.title, PARAM_MAX.title), cut(message.time, PARAM_MAX.title)] };
  }
  const id = message.kind === 'test' && config.templates.test ? config.templates.test : config.templates.notice;
  return { TemplateId: id, TemplateParamSet: [cut(message.from, PARAM_MAX.from), cut(message.title, PARAM_MAX.title)] };
}

const errorCode = (err: unknown): string | null => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code ? code : null;
};

export function smsReachChannel(config: SmsConfig, loadSdk: SmsSdkLoader | undefined): ReachChannel {
  let client: SmsClientLike | null = null;
  const getClient = (): SmsClientLike => {
    if (client) return client;
    if (!loadSdk) throw new Error('ctx.channels.sms used by a function that does not declare tencentcloud-sdk-nodejs-sms (cloudMain options.smsSdk)');
    const { Client } = loadSdk().sms.v20210111;
    client = new Client({
      credential: { secretId: config.secretId, secretKey: config.secretKey },
      region: config.region,
      profile: {
        signMethod: 'TC3-HMAC-SHA256',
        httpProfile: { ...(config.endpoint ? { endpoint: config.endpoint } : {}), protocol: config.protocol, reqMethod: 'POST', reqTimeout: 10 },
      },
    });
    return client;
  };

  /** Sends one batch of distinct numbers; answers per number its status code, or a code for all. */
  async function sendBatch(numbers: string[], template: ReturnType<typeof smsTemplate>): Promise<Map<string, string>> {
    const codes = new Map<string, string>();
    const request: SendSmsRequest = { PhoneNumberSet: numbers, SmsSdkAppId: config.sdkAppId, SignName: config.signName, ...template };
    const sms = getClient();
    try {
      const res = await sms.SendSms(request);
      for (const status of res.SendStatusSet ?? []) if (status.PhoneNumber) codes.set(status.PhoneNumber, status.Code ?? 'Unknown');
    } catch (err) {
      const code = errorCode(err) ?? 'Network';
      for (const n of numbers) codes.set(n, code);
    }
    return codes;
  }

  return {
    name: 'sms',
    configured: true,
    async send(message, to) {
      if (!message.urgent) return to.map((address) => failed(address, 'not_urgent'));
      const numberOf = (a: ReachAddress) => (a.mobile ? mainlandE164(a.mobile) : null);
      const numbers = [...new Set(to.map(numberOf).filter((n): n is string => n !== null))];
      const template = smsTemplate(config, message);
      const codes = new Map<string, string>();
      for (const batch of chunk(numbers, SMS_BATCH)) for (const [n, code] of await sendBatch(batch, template)) codes.set(n, code);
      return to.map((address) => {
        if (!address.mobile) return failed(address, 'no_address');
        const number = numberOf(address);
        if (!number) return failed(address, 'invalid_mobile');
        const code = codes.get(number) ?? 'Missing';
        if (code === 'Ok') return delivered(address);
        if (code === 'Network') return failed(address, 'network');
        return failed(address, smsFailureReason(code), code);
      });
    },
  };
}
