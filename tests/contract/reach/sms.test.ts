import type { SmsConfig } from '../../../cloudfunctions/_runtime/reach/config';
import { smsConfigFromEnv } from '../../../cloudfunctions/_runtime/reach/config';
import type { ReachAddress, ReachMessage } from '../../../cloudfunctions/_runtime/reach/port';
import { mainlandE164, SMS_BATCH, smsReachChannel } from '../../../cloudfunctions/_runtime/reach/sms';
import { loadSmsSdk } from '../../../cloudfunctions/_runtime/reach/sms-sdk';
import { startLoopback, type Loopback, type Recorded } from './loopback';

const urgent: ReachMessage = {
  kind: 'notice',
  urgent: true,
  title: '关于今晚应急值班安排的紧急通知',
  from: '第一党支部',
  time: '11月28日 09:00',
  tip: '请立即阅读',
  page: 'pages/notice-detail/index?noticeId=n_1',
};
const member = (i: number, mobile: string | null = `138${String(i).padStart(8, '0')}`): ReachAddress => ({ memberId: `m${i}`, name: `党员${i}`, openid: null, wecomUserId: null, mobile });

/** The fake SMS API: requires a TC3 signature, answers `Ok` unless `codeFor` says otherwise. */
function fakeSms(codeFor: (phone: string, req: Recorded) => string = () => 'Ok', requestError?: (req: Recorded) => { Code: string; Message: string } | null) {
  return (req: Recorded) => {
    if (!String(req.headers.authorization ?? '').startsWith('TC3-HMAC-SHA256 Credential=AKIDtest/')) {
      return { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'no signature' }, RequestId: 'r0' } };
    }
    const error = requestError?.(req);
    if (error) return { Response: { Error: error, RequestId: 'r1' } };
    return {
      Response: {
        SendStatusSet: (req.body.PhoneNumberSet as string[]).map((phone, i) => ({ SerialNo: `s${i}`, PhoneNumber: phone, Fee: 1, Code: codeFor(phone, req), Message: 'msg', IsoCode: 'CN' })),
        RequestId: 'r2',
      },
    };
  };
}

describe('Tencent Cloud SMS channel (real SDK against a loopback fake)', () => {
  let server: Loopback;
  const config = (): SmsConfig =>
    smsConfigFromEnv({
      WZB_SMS_SECRET_ID: 'AKIDtest',
      WZB_SMS_SECRET_KEY: 'secret-key-test',
      WZB_SMS_SDK_APP_ID: '1400006666',
      WZB_SMS_SIGN_NAME: '某某医院',
      WZB_SMS_TEMPLATE_NOTICE: '1110001',
      WZB_SMS_TEMPLATE_MEETING: '1110002',
      WZB_SMS_ENDPOINT: server.url,
    })!;
  afterEach(() => server?.close());

  it('signs with TC3-HMAC-SHA256 and sends +86 numbers with the notice template', async () => {
    server = await startLoopback(fakeSms());
    const outcomes = await smsReachChannel(config(), loadSmsSdk).send(urgent, [member(1), member(2, '+86 139 0000 0002')]);
    expect(outcomes).toEqual([
      { memberId: 'm1', delivered: true },
      { memberId: 'm2', delivered: true },
    ]);
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.headers['x-tc-action']).toBe('SendSms');
    expect(req.headers['x-tc-version']).toBe('2021-01-11');
    expect(req.headers['x-tc-region']).toBe('ap-guangzhou');
    expect(req.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\/\d{4}-\d{2}-\d{2}\/\w+\/tc3_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$/);
    expect(JSON.stringify(req.headers)).not.toContain('secret-key-test');
    expect(req.body).toEqual({
      PhoneNumberSet: ['+8613800000001', '+8613900000002'],
      SmsSdkAppId: '1400006666',
      SignName: '某某医院',
      TemplateId: '1110001',
      TemplateParamSet: ['第一党支部', '关于今晚应急值班安排的紧急通知'],
    });
  });

  it('uses the meeting template for meeting reminders', async () => {
    server = await startLoopback(fakeSms());
    await smsReachChannel(config(), loadSmsSdk).send({ ...urgent, kind: 'meeting', title: '十一月支部党员大会', time: '11月30日 14:00' }, [member(1)]);
    expect(server.requests[0].body).toMatchObject({ TemplateId: '1110002', TemplateParamSet: ['十一月支部党员大会', '11月30日 14:00'] });
  });

  it('sends at most 200 numbers per call, each number once', async () => {
    server = await startLoopback(fakeSms());
    const to = Array.from({ length: 450 }, (_, i) => member(i));
    const outcomes = await smsReachChannel(config(), loadSmsSdk).send(urgent, [...to, member(999, to[0].mobile)]);
    expect(server.requests.map((r) => r.body.PhoneNumberSet.length)).toEqual([SMS_BATCH, SMS_BATCH, 50]);
    expect(outcomes).toHaveLength(451);
    expect(outcomes.every((o) => o.delivered)).toBe(true);
  });

  it('answers not_urgent without a call for ordinary messages', async () => {
    server = await startLoopback(fakeSms());
    const outcomes = await smsReachChannel(config(), loadSmsSdk).send({ ...urgent, urgent: false }, [member(1)]);
    expect(outcomes).toEqual([{ memberId: 'm1', delivered: false, reason: 'not_urgent', retryable: false }]);
    expect(server.requests).toHaveLength(0);
  });

  it('maps each number’s status code', async () => {
    const codes: Record<string, string> = {
      '+8613800000001': 'Ok',
      '+8613800000002': 'LimitExceeded.PhoneNumberThirtySecondLimit',
      '+8613800000003': 'LimitExceeded.PhoneNumberDailyLimit',
      '+8613800000004': 'FailedOperation.InsufficientBalanceInSmsPackage',
      '+8613800000005': 'FailedOperation.TemplateIncorrectOrUnapproved',
      '+8613800000006': 'FailedOperation.SignatureIncorrectOrUnapproved',
      '+8613800000007': 'InvalidParameterValue.IncorrectPhoneNumber',
      '+8613800000008': 'LimitExceeded.DeliveryFrequencyLimit',
      '+8613800000009': 'FailedOperation.PhoneNumberInBlacklist',
    };
    server = await startLoopback(fakeSms((phone) => codes[phone]));
    const outcomes = await smsReachChannel(config(), loadSmsSdk).send(urgent, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => member(i)));
    expect(outcomes.map((o) => (o.delivered ? 'delivered' : `${o.reason}${o.retryable ? ' (retry)' : ''}`))).toEqual([
      'delivered',
      'rate_limited (retry)',
      'quota_exceeded',
      'quota_exceeded',
      'template_error',
      'template_error',
      'invalid_mobile',
      'rate_limited (retry)',
      'failed (retry)',
    ]);
    expect(outcomes[4]).toMatchObject({ errcode: 'FailedOperation.TemplateIncorrectOrUnapproved' });
  });

  it('applies a request-level error to the whole batch', async () => {
    server = await startLoopback(fakeSms(undefined, () => ({ Code: 'FailedOperation.InsufficientBalanceInSmsPackage', Message: 'package empty' })));
    const outcomes = await smsReachChannel(config(), loadSmsSdk).send(urgent, [member(1), member(2)]);
    expect(outcomes).toEqual([
      { memberId: 'm1', delivered: false, reason: 'quota_exceeded', errcode: 'FailedOperation.InsufficientBalanceInSmsPackage', retryable: false },
      { memberId: 'm2', delivered: false, reason: 'quota_exceeded', errcode: 'FailedOperation.InsufficientBalanceInSmsPackage', retryable: false },
    ]);
  });

  it('rejects numbers that are not mainland mobiles without sending them, and reports missing ones', async () => {
    server = await startLoopback(fakeSms());
    const outcomes = await smsReachChannel(config(), loadSmsSdk).send(urgent, [member(1, '0571-88888888'), member(2, null), member(3)]);
    expect(outcomes.map((o) => !o.delivered && o.reason)).toEqual(['invalid_mobile', 'no_address', false]);
    expect(server.requests[0].body.PhoneNumberSet).toEqual(['+8613800000003']);
  });

  it('answers network when the API cannot be reached', async () => {
    server = await startLoopback(fakeSms());
    await server.close();
    const outcomes = await smsReachChannel(config(), loadSmsSdk).send(urgent, [member(1)]);
    expect(outcomes).toEqual([{ memberId: 'm1', delivered: false, reason: 'network', retryable: true }]);
  });

  it('refuses to send from a function that did not declare the SDK', async () => {
    server = await startLoopback(fakeSms());
    await expect(smsReachChannel(config(), undefined).send(urgent, [member(1)])).rejects.toThrow('tencentcloud-sdk-nodejs-sms');
  });

  it('normalises mainland numbers', () => {
    expect(['13800000000', '138 0000 0000', '+8613800000000', '008613800000000', '8613800000000', '12800000000', '1380000000'].map(mainlandE164)).toEqual([
      '+8613800000000',
      '+8613800000000',
      '+8613800000000',
      '+8613800000000',
      '+8613800000000',
      null,
      null,
    ]);
  });
});
