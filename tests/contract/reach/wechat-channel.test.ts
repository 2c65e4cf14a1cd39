import { reachChannelsFromEnv } from '../../../cloudfunctions/_runtime/reach/channels';
import { memoryReachChannels } from '../../../cloudfunctions/_runtime/reach/memory';
import type { ReachAddress, ReachMessage } from '../../../cloudfunctions/_runtime/reach/port';
import { wechatReachChannel } from '../../../cloudfunctions/_runtime/reach/wechat';
import { localWeChatGateway } from '../../../cloudfunctions/_runtime/wechat/local';
import type { SendResult, WeChatGateway } from '../../../cloudfunctions/_runtime/wechat/port';

const message: ReachMessage = {
  kind: 'notice',
  urgent: false,
  title: '关于开展主题党日活动的通知',
  from: '第一党支部',
  time: '2026-11-28 09:00',
  tip: '请阅读并点击“我已知晓”',
  page: 'pages/notice-detail/index?noticeId=n_1',
};
const person = (memberId: string, openid: string | null): ReachAddress => ({ memberId, name: memberId, openid, wecomUserId: null, mobile: null });

describe('WeChat reach channel', () => {
  it('maps the message to the subscribe template and answers one outcome per address, in order', async () => {
    const gateway = localWeChatGateway();
    const channel = wechatReachChannel(gateway);
    const outcomes = await channel.send(message, [person('m1', 'o1'), person('m2', null), person('m3', 'o3')]);
    expect(outcomes).toEqual([
      { memberId: 'm1', delivered: true },
      { memberId: 'm2', delivered: false, reason: 'not_bound', retryable: false },
      { memberId: 'm3', delivered: true },
    ]);
    expect(gateway.outbox()).toEqual([
      { toOpenid: 'o1', templateKey: 'notice_reminder', page: message.page, fields: { title: message.title, author: '第一党支部', time: '2026-11-28 09:00', tip: message.tip } },
      expect.objectContaining({ toOpenid: 'o3' }),
    ]);
  });

  it('maps 43101 to no_credit, template errors, bad openids and failures without throwing', async () => {
    const answers: Record<string, SendResult | 'throw'> = {
      o1: { sent: false, reason: 'no_subscription', errcode: 43101 },
      o2: { sent: false, reason: 'failed', errcode: 47003 },
      o3: { sent: false, reason: 'failed', errcode: 40003 },
      o4: { sent: false, reason: 'failed', errcode: -1 },
      o5: 'throw',
    };
    const gateway = {
      sendSubscribeMessage: async (m: { toOpenid: string }) => {
        const a = answers[m.toOpenid];
        if (a === 'throw') throw new Error('socket hang up');
        return a;
      },
    } as unknown as WeChatGateway;
    const outcomes = await wechatReachChannel(gateway).send(message, ['o1', 'o2', 'o3', 'o4', 'o5'].map((o) => person(`m_${o}`, o)));
    expect(outcomes).toEqual([
      { memberId: 'm_o1', delivered: false, reason: 'no_credit', errcode: 43101, retryable: false },
      { memberId: 'm_o2', delivered: false, reason: 'template_error', errcode: 47003, retryable: false },
      { memberId: 'm_o3', delivered: false, reason: 'not_bound', errcode: 40003, retryable: false },
      { memberId: 'm_o4', delivered: false, reason: 'failed', errcode: -1, retryable: true },
      { memberId: 'm_o5', delivered: false, reason: 'network', retryable: true },
    ]);
  });

  it('sends at most 8 at a time', async () => {
    let inFlight = 0;
    let peak = 0;
    const gateway = {
      sendSubscribeMessage: async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
        return { sent: true } as const;
      },
    } as unknown as WeChatGateway;
    const to = Array.from({ length: 50 }, (_, i) => person(`m${i}`, `o${i}`));
    const outcomes = await wechatReachChannel(gateway).send(message, to);
    expect(outcomes.map((o) => o.memberId)).toEqual(to.map((a) => a.memberId));
    expect(peak).toBe(8);
  });
});

describe('channels from the environment', () => {
  it('locally: WeChat over the outbox, WeCom and SMS 未配置 naming the missing variables, nothing sent', async () => {
    const gateway = localWeChatGateway();
    const channels = reachChannelsFromEnv({}, { wechat: gateway, wechatMode: 'local' });
    expect(channels.status().map((s) => [s.name, s.configured])).toEqual([['wechat', true], ['wecom', false], ['sms', false]]);
    expect(channels.status()[1].detail).toBe('未配置（缺少环境变量 WZB_WECOM_CORP_ID 等 3 项）');
    expect(channels.wecom.configured).toBe(false);
    expect(await channels.sms.send({ ...message, urgent: true }, [{ ...person('m1', 'o1'), mobile: '13800000000' }])).toEqual([
      { memberId: 'm1', delivered: false, reason: 'not_configured', retryable: false },
    ]);
  });

  it('in the cloud: WeChat needs the template id, and status masks it', () => {
    const gateway = localWeChatGateway();
    expect(reachChannelsFromEnv({}, { wechat: gateway, wechatMode: 'cloud' }).wechat.configured).toBe(false);
    const channels = reachChannelsFromEnv({ WZB_TPL_NOTICE_REMINDER: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123' }, { wechat: gateway, wechatMode: 'cloud' });
    expect(channels.wechat.configured).toBe(true);
    const detail = channels.status()[0].detail;
    expect(detail).not.toContain('AbCdEfGhIjKlMnOpQrStUvWxYz0123');
    expect(detail).toContain('AbCd…23');
  });
});

describe('channels from a configured environment', () => {
  const env = {
    WZB_WECOM_CORP_ID: 'ww0123456789abcdef',
    WZB_WECOM_AGENT_ID: '1000002',
    WZB_WECOM_SECRET: 'wecom-secret-value-123',
    WZB_WECOM_LINK_BASE: 'https://wzb.example.cn',
    WZB_SMS_SECRET_ID: 'AKIDsecretid0000',
    WZB_SMS_SECRET_KEY: 'sms-secret-key-456',
    WZB_SMS_SDK_APP_ID: '1400006666',
    WZB_SMS_SIGN_NAME: '某某医院',
    WZB_SMS_TEMPLATE_NOTICE: '1110001',
  };

  it('configures WeCom and SMS, and status never shows a secret or a full id', () => {
    const channels = reachChannelsFromEnv(env, { wechat: localWeChatGateway(), wechatMode: 'local' });
    expect([channels.wecom.configured, channels.sms.configured]).toEqual([true, true]);
    const text = JSON.stringify(channels.status());
    for (const secret of ['wecom-secret-value-123', 'sms-secret-key-456', 'AKIDsecretid0000', 'ww0123456789abcdef', '1400006666']) expect(text).not.toContain(secret);
    expect(channels.status()[1].detail).toBe('企业 ID ww01…ef，应用 1000002，卡片消息');
    expect(channels.status()[2].detail).toBe('签名「某某医院」，应用 14…66，仅紧急通知与会议提醒');
  });

  it('treats a non-numeric agent id as not configured', () => {
    const channels = reachChannelsFromEnv({ ...env, WZB_WECOM_AGENT_ID: 'abc' }, { wechat: localWeChatGateway(), wechatMode: 'local' });
    expect(channels.status()[1]).toEqual({ name: 'wecom', configured: false, detail: '未配置（环境变量格式不正确）' });
  });
});

describe('recording in-memory channels (tests and benchmarks)', () => {
  it('records every send and answers by address, configured channels only', async () => {
    const channels = memoryReachChannels({ configured: { wecom: true } });
    const a: ReachAddress = { memberId: 'm1', name: '张三', openid: null, wecomUserId: null, mobile: '13800000001' };
    expect(await channels.wecom.send(message, [a])).toEqual([{ memberId: 'm1', delivered: true, wecomUserId: 'wecom:13800000001' }]);
    expect(await channels.sms.send({ ...message, urgent: true }, [a])).toEqual([{ memberId: 'm1', delivered: false, reason: 'not_configured', retryable: false }]);
    expect(channels.sent.map((s) => s.channel)).toEqual(['wecom', 'sms']);
    expect(channels.deliveredTo('wecom')).toEqual(['m1']);
  });

  it('lets a test override outcomes', async () => {
    const channels = memoryReachChannels({ respond: (ch, to) => (ch === 'wechat' && to.memberId === 'm2' ? { memberId: 'm2', delivered: false, reason: 'no_credit', retryable: false } : undefined) });
    const outcomes = await channels.wechat.send(message, [person('m1', 'o1'), person('m2', 'o2')]);
    expect(outcomes.map((o) => o.delivered)).toEqual([true, false]);
  });
});
