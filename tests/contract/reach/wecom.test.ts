import type { WeComConfig } from '../../../cloudfunctions/_runtime/reach/config';
import type { ReachAddress, ReachMessage } from '../../../cloudfunctions/_runtime/reach/port';
import { RATE_LIMIT_BACKOFF_MS, TOKEN_MARGIN_MS, wecomReachChannel } from '../../../cloudfunctions/_runtime/reach/wecom';
import { startLoopback, type Loopback, type Recorded } from './loopback';

const message: ReachMessage = {
  kind: 'notice',
  urgent: false,
  title: '关于开展主题党日活动的通知',
  from: '第一党支部',
  time: '11月28日 09:00',
  tip: '请阅读并点击“我已知晓”',
  page: 'pages/notice-detail/index?noticeId=n_1',
};
const member = (i: number, over: Partial<ReachAddress> = {}): ReachAddress => ({ memberId: `m${i}`, name: `党员${i}`, openid: null, wecomUserId: `u${i}`, mobile: null, ...over });

/** The fake WeCom: tokens `t1`, `t2`, …; `onSend`/`onLookup` script the answers. */
function fakeWeCom(script: { onSend?: (req: Recorded, n: number) => unknown; onLookup?: (mobile: string) => unknown; expiresIn?: number } = {}) {
  let tokens = 0;
  let sends = 0;
  const valid = new Set<string>();
  return (req: Recorded): unknown => {
    if (req.path === '/cgi-bin/gettoken') {
      if (req.query.corpid !== 'ww0123456789abcdef' || req.query.corpsecret !== 'app-secret-xyz') return { errcode: 40001, errmsg: 'invalid credential' };
      const t = `t${++tokens}`;
      valid.add(t);
      return { errcode: 0, errmsg: 'ok', access_token: t, expires_in: script.expiresIn ?? 7200 };
    }
    if (!valid.has(req.query.access_token)) return { errcode: 42001, errmsg: 'access_token expired' };
    if (req.path === '/cgi-bin/user/getuserid') return script.onLookup?.(req.body.mobile) ?? { errcode: 46004, errmsg: 'user no exist' };
    if (req.path === '/cgi-bin/message/send') return script.onSend?.(req, ++sends) ?? { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg${sends}` };
    return { errcode: 404, errmsg: 'no such api' };
  };
}

describe('WeCom application message channel (loopback fake)', () => {
  let server: Loopback;
  let clock: number;
  const config = (over: Partial<WeComConfig> = {}): WeComConfig => ({
    corpId: 'ww0123456789abcdef',
    agentId: 1000002,
    secret: 'app-secret-xyz',
    baseUrl: server.url,
    miniProgramAppId: null,
    linkBase: 'https://wzb.example.cn',
    ...over,
  });
  const sleeps: number[] = [];
  const channelFor = (c: WeComConfig) => wecomReachChannel(c, { now: () => clock, sleep: async (ms) => void sleeps.push(ms) });
  const start = async (script: Parameters<typeof fakeWeCom>[0] = {}) => {
    server = await startLoopback(fakeWeCom(script));
  };
  beforeEach(() => {
    clock = Date.UTC(2026, 10, 28, 1);
    sleeps.length = 0;
  });
  afterEach(() => server?.close());

  it('gets a token once, caches it until expiry minus the margin, then gets a new one', async () => {
    await start();
    const channel = channelFor(config());
    await channel.send(message, [member(1)]);
    await channel.send(message, [member(2)]);
    clock += 7200_000 - TOKEN_MARGIN_MS - 1;
    await channel.send(message, [member(3)]);
    expect(server.requests.filter((r) => r.path === '/cgi-bin/gettoken')).toHaveLength(1);
    clock += 2;
    await channel.send(message, [member(4)]);
    const paths = server.requests.map((r) => `${r.path}${r.query.access_token ? `@${r.query.access_token}` : ''}`);
    expect(paths).toEqual([
      '/cgi-bin/gettoken',
      '/cgi-bin/message/send@t1',
      '/cgi-bin/message/send@t1',
      '/cgi-bin/message/send@t1',
      '/cgi-bin/gettoken',
      '/cgi-bin/message/send@t2',
    ]);
    expect(server.requests[0]).toMatchObject({ method: 'GET', query: { corpid: 'ww0123456789abcdef', corpsecret: 'app-secret-xyz' } });
  });

  it('concurrent sends share one token request', async () => {
    await start();
    const channel = channelFor(config());
    await Promise.all([channel.send(message, [member(1)]), channel.send(message, [member(2)]), channel.send(message, [member(3)])]);
    expect(server.requests.filter((r) => r.path === '/cgi-bin/gettoken')).toHaveLength(1);
  });

  it.each([40014, 42001, 42009])('refreshes the token once on %i and retries the call', async (code) => {
    await start({ onSend: (_req, n) => (n === 1 ? { errcode: code, errmsg: 'token invalid' } : { errcode: 0, errmsg: 'ok' }) });
    const outcomes = await channelFor(config()).send(message, [member(1)]);
    expect(outcomes).toEqual([{ memberId: 'm1', delivered: true }]);
    expect(server.requests.map((r) => r.path)).toEqual(['/cgi-bin/gettoken', '/cgi-bin/message/send', '/cgi-bin/gettoken', '/cgi-bin/message/send']);
  });

  it('does not loop when the refreshed token is refused too', async () => {
    await start({ onSend: () => ({ errcode: 40014, errmsg: 'invalid access_token' }) });
    const outcomes = await channelFor(config()).send(message, [member(1)]);
    expect(outcomes).toEqual([{ memberId: 'm1', delivered: false, reason: 'failed', errcode: 40014, retryable: true }]);
    expect(server.requests.filter((r) => r.path === '/cgi-bin/message/send')).toHaveLength(2);
  });

  it('sends a textcard to ≤ 1,000 accounts per call, joined by |', async () => {
    await start();
    const to = Array.from({ length: 2345 }, (_, i) => member(i));
    const outcomes = await channelFor(config()).send(message, to);
    const sends = server.requests.filter((r) => r.path === '/cgi-bin/message/send');
    expect(sends.map((r) => r.body.touser.split('|').length)).toEqual([1000, 1000, 345]);
    expect(sends[0].body.touser.split('|').slice(0, 3)).toEqual(['u0', 'u1', 'u2']);
    expect(sends[0].body).toEqual({
      touser: expect.any(String),
      msgtype: 'textcard',
      agentid: 1000002,
      textcard: {
        title: '关于开展主题党日活动的通知',
        description: '<div class="gray">11月28日 09:00</div><div class="normal">第一党支部</div><div class="highlight">请阅读并点击“我已知晓”</div>',
        url: 'https://wzb.example.cn/#/pages/notice-detail/index?noticeId=n_1',
        btntxt: '查看',
      },
      enable_duplicate_check: 1,
      duplicate_check_interval: 1800,
    });
    expect(outcomes.every((o) => o.delivered)).toBe(true);
    expect(outcomes).toHaveLength(2345);
  });

  it('sends a miniprogram_notice when the mini program is linked to the app', async () => {
    await start();
    await channelFor(config({ miniProgramAppId: 'wx1234567890abcdef' })).send({ ...message, kind: 'meeting', urgent: true }, [member(1)]);
    const send = server.requests.find((r) => r.path === '/cgi-bin/message/send')!;
    expect(send.body).toEqual({
      touser: 'u1',
      msgtype: 'miniprogram_notice',
      miniprogram_notice: {
        appid: 'wx1234567890abcdef',
        page: 'pages/notice-detail/index?noticeId=n_1',
        title: '会议提醒',
        description: '11月28日 09:00',
        emphasis_first_item: true,
        content_item: [
          { key: '标题', value: '关于开展主题党日活动的通知' },
          { key: '发布人', value: '第一党支部' },
          { key: '提示', value: '请阅读并点击“我已知晓”' },
        ],
      },
      enable_duplicate_check: 1,
      duplicate_check_interval: 1800,
    });
  });

  it('falls back to text without a link', async () => {
    await start();
    await channelFor(config({ linkBase: null })).send({ ...message, urgent: true }, [member(1)]);
    const send = server.requests.find((r) => r.path === '/cgi-bin/message/send')!;
    expect(send.body).toMatchObject({ msgtype: 'text', agentid: 1000002, text: { content: expect.stringContaining('通知提醒：【紧急】关于开展主题党日活动的通知') } });
  });

  it('maps invaliduser (any case) to unknown_user 60111 and delivers the rest', async () => {
    await start({ onSend: () => ({ errcode: 0, errmsg: 'ok', invaliduser: 'zhangsan|u3', unlicenseduser: 'u4' }) });
    const outcomes = await channelFor(config()).send(message, [member(1), member(2, { wecomUserId: 'ZhangSan' }), member(3), member(4)]);
    expect(outcomes).toEqual([
      { memberId: 'm1', delivered: true },
      { memberId: 'm2', delivered: false, reason: 'unknown_user', errcode: 60111, retryable: false },
      { memberId: 'm3', delivered: false, reason: 'unknown_user', errcode: 60111, retryable: false },
      { memberId: 'm4', delivered: false, reason: 'unknown_user', errcode: 'unlicenseduser', retryable: false },
    ]);
  });

  it('maps 81013 (no valid recipient) to unknown_user for the batch', async () => {
    await start({ onSend: () => ({ errcode: 81013, errmsg: 'user & party & tag all invalid' }) });
    const outcomes = await channelFor(config()).send(message, [member(1), member(2)]);
    expect(outcomes.map((o) => !o.delivered && o.reason)).toEqual(['unknown_user', 'unknown_user']);
  });

  it('backs off on 45009 and succeeds when the limit clears', async () => {
    await start({ onSend: (_req, n) => (n <= 2 ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 0, errmsg: 'ok' }) });
    const outcomes = await channelFor(config()).send(message, [member(1)]);
    expect(outcomes).toEqual([{ memberId: 'm1', delivered: true }]);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('gives up on 45009 after the bounded backoff: rate_limited, retryable', async () => {
    await start({ onSend: () => ({ errcode: 45009, errmsg: 'api freq out of limit' }) });
    const outcomes = await channelFor(config()).send(message, [member(1)]);
    expect(outcomes).toEqual([{ memberId: 'm1', delivered: false, reason: 'rate_limited', errcode: 45009, retryable: true }]);
    expect(sleeps).toEqual([...RATE_LIMIT_BACKOFF_MS]);
    expect(server.requests.filter((r) => r.path === '/cgi-bin/message/send')).toHaveLength(RATE_LIMIT_BACKOFF_MS.length + 1);
  });

  it('looks members up by mobile, returns the account found, and reports the unknown', async () => {
    await start({ onLookup: (mobile) => (mobile === '13800000001' ? { errcode: 0, errmsg: 'ok', userid: 'LiSi' } : mobile === '1380000' ? { errcode: 60103, errmsg: 'mobile invalid' } : undefined) });
    const outcomes = await channelFor(config()).send(message, [
      member(1, { wecomUserId: null, mobile: '13800000001' }),
      member(2, { wecomUserId: null, mobile: '13800000002' }),
      member(3, { wecomUserId: null, mobile: null }),
      member(4, { wecomUserId: null, mobile: '1380000' }),
      member(5),
    ]);
    expect(outcomes).toEqual([
      { memberId: 'm1', delivered: true, wecomUserId: 'LiSi' },
      { memberId: 'm2', delivered: false, reason: 'unknown_user', errcode: 46004, retryable: false },
      { memberId: 'm3', delivered: false, reason: 'no_address', retryable: false },
      { memberId: 'm4', delivered: false, reason: 'invalid_mobile', errcode: 60103, retryable: false },
      { memberId: 'm5', delivered: true },
    ]);
    const lookups = server.requests.filter((r) => r.path === '/cgi-bin/user/getuserid');
    expect(lookups.map((r) => [r.method, r.body])).toEqual(
      expect.arrayContaining([
        ['POST', { mobile: '13800000001' }],
        ['POST', { mobile: '13800000002' }],
      ]),
    );
    expect(server.requests.find((r) => r.path === '/cgi-bin/message/send')!.body.touser).toBe('LiSi|u5');
  });

  it('sends each account once when two members share it', async () => {
    await start();
    const outcomes = await channelFor(config()).send(message, [member(1), member(2, { wecomUserId: 'u1' })]);
    expect(server.requests.find((r) => r.path === '/cgi-bin/message/send')!.body.touser).toBe('u1');
    expect(outcomes.map((o) => o.delivered)).toEqual([true, true]);
  });

  it('answers network for everyone when WeCom cannot be reached', async () => {
    await start();
    await server.close();
    const outcomes = await channelFor(config()).send(message, [member(1), member(2, { wecomUserId: null, mobile: '13800000001' })]);
    expect(outcomes.map((o) => !o.delivered && o.reason)).toEqual(['network', 'network']);
  });
});
