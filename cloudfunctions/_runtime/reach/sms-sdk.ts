/**
 * What the SMS channel needs from `tencentcloud-sdk-nodejs-sms`: the v20210111 client and its SendSms.
 * Typed here (not imported) so that type-checking and bundling never pull the SDK in; the real module
 * is required lazily by `loadSmsSdk`.
 */
export interface SendSmsRequest {
  PhoneNumberSet: string[];
  SmsSdkAppId: string;
  TemplateId: string;
  SignName: string;
  TemplateParamSet: string[];
  SessionContext?: string;
}

export interface SendStatus {
  SerialNo?: string;
  PhoneNumber?: string;
  Fee?: number;
  Code?: string;
  Message?: string;
}

export interface SendSmsResponse {
  SendStatusSet?: SendStatus[];
  RequestId?: string;
}

export interface SmsClientConfig {
  credential: { secretId: string; secretKey: string };
  region: string;
  profile: { signMethod: 'TC3-HMAC-SHA256'; httpProfile: { endpoint?: string; protocol: string; reqMethod: 'POST'; reqTimeout: number } };
}

export interface SmsClientLike {
  SendSms(req: SendSmsRequest): Promise<SendSmsResponse>;
}

export interface SmsSdkModule {
  sms: { v20210111: { Client: new (config: SmsClientConfig) => SmsClientLike } };
}

export type SmsSdkLoader = () => SmsSdkModule;

/**
 * The loader a function hands to `cloudMain(handler, { smsSdk })` when its handlers may send SMS.
 * Import this module ONLY from a function whose package.json lists `tencentcloud-sdk-nodejs-sms`: the
 * require stays in exactly the bundles that import this file (the bundle tests check requires against
 * package.json), and it runs on the first SMS, so cold starts that send none do not load the SDK.
 */
export const loadSmsSdk: SmsSdkLoader = () =>
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- lazy on purpose (see above)
  require('tencentcloud-sdk-nodejs-sms') as SmsSdkModule;
