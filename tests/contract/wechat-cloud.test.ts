/**
 * The cloud WeChat gateway up to the wire: a fake wx-server-sdk `openapi` records the exact request
 * objects the gateway hands to the SDK and answers as wx-server-sdk 4.0.2 does (success: WeChat's JSON
 * camel-cased, without errcode; a WeChat errcode: a rejected CloudSDKError carrying `errCode`). The SDK
 * itself only snake-cases keys (`templateId` → `template_id`, `miniprogramState` → `miniprogram_state`;
 * `thing1` is left alone) and sends them to WeChat.
 */
import {
  chunkForCheck,
  cloudWeChatGateway,
  MSG_SEC_CHECK_MAX_CHARS,
  MSG_SEC_CHECK_OVERLAP,
  truncateForTemplate,
  type MsgSecCheckRequest,
  type MsgSecCheckResponse,
  type SubscribeSendRequest,
  type WxacodeUnlimitedRequest,
  type WxServerSdkLike,
} from '../../cloudfunctions/_runtime/wechat/cloud';
import type { SubscribeMessage } from '../../cloudfunctions/_runtime/wechat/port';

/** wx-server-sdk's error for a WeChat errcode. */
class CloudSDKError extends Error {
  constructor(readonly errCode: number, readonly errMsg: string) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
  }
}

const passed: MsgSecCheckResponse = { result: { suggest: 'pass', label: 100 } };

function fakeSdk(templateId = 'TPL-NOTICE') {
  const checks: MsgSecCheckRequest[] = [];
  const sends: SubscribeSendRequest[] = [];
  const checkAnswers: Array<MsgSecCheckResponse | Error> = [];
  const sendAnswers: Array<unknown> = [];
  const logged: string[] = [];
  const codes: WxacodeUnlimitedRequest[] = [];
  const codeAnswers: Array<{ buffer?: Uint8Array; contentType?: string } | Error> = [];
  const sdk: WxServerSdkLike = {
    openapi: {
      security: {
        async msgSecCheck(request) {
          checks.push(request);
          const answer = checkAnswers.shift() ?? passed;
          if (answer instanceof Error) throw answer;
          return { ...answer, traceId: 't', errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok' } as MsgSecCheckResponse;
        },
      },
      subscribeMessage: {
        async send(request) {
          sends.push(request);
          const answer = sendAnswers.shift();
          if (answer instanceof Error) throw answer;
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
      wxacode: {
        async getUnlimited(request) {
          codes.push(request);
          const answer = codeAnswers.shift() ?? { buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), contentType: 'image/jpeg' };
          if (answer instanceof Error) throw answer;
          return { ...answer, errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' } as unknown as { buffer?: Uint8Array; contentType?: string };
        },
      },
    },
  };
  const gateway = cloudWeChatGateway(sdk, { notice_reminder: templateId }, (m) => logged.push(m));
  return { gateway, checks, sends, checkAnswers, sendAnswers, logged, codes, codeAnswers };
}

const reminder = (fields: Partial<SubscribeMessage['fields']> = {}): SubscribeMessage => ({
  toOpenid: 'o-member-1',
  templateKey: 'notice_reminder',
  page: 'pages/notice-detail/index?noticeId=n_1',
  fields: { title: '关于开展主题党日活动的通知', author: '王书记', time: '2026-11-22 09:30', tip: '请及时阅读', ...fields },
});

describe('cloud WeChat gateway: msgSecCheck v2', () => {
  it('sends openid, scene, version 2 and the content, and passes only on suggest "pass"', async () => {
    const w = fakeSdk();
    expect(await w.gateway.checkText({ openid: 'o-1', text: '今天下午三点开支部会', scene: 3 })).toEqual({ pass: true, label: null });
    expect(w.checks).toEqual([{ openid: 'o-1', scene: 3, version: 2, content: '今天下午三点开支部会' }]);

    w.checkAnswers.push({ result: { suggest: 'risky', label: 20001 } });
    expect(await w.gateway.checkText({ openid: 'o-1', text: 'x', scene: 2 })).toEqual({ pass: false, label: 20001 });
    // 'review' is not a pass: the author is asked to rewrite, nothing waits for a human review.
    w.checkAnswers.push({ result: { suggest: 'review', label: 20006 } });
    expect(await w.gateway.checkText({ openid: 'o-1', text: 'y', scene: 2 })).toEqual({ pass: false, label: 20006 });
    // A missing verdict is not a pass either.
    w.checkAnswers.push({});
    expect(await w.gateway.checkText({ openid: 'o-1', text: 'z', scene: 2 })).toEqual({ pass: false, label: null });
  });

  it('checks texts over 2,500 characters in overlapping chunks and stops at the first failing one', async () => {
    const text = Array.from({ length: 6000 }, (_, i) => '党建学习'[i % 4]).join('');
    const chunks = chunkForCheck(text);
    const step = MSG_SEC_CHECK_MAX_CHARS - MSG_SEC_CHECK_OVERLAP;
    expect(chunks.map((c) => c.length)).toEqual([2500, 2500, 6000 - 2 * step]);
    expect(chunks[1]).toBe(text.slice(step, step + 2500));
    expect(chunks[1].slice(0, MSG_SEC_CHECK_OVERLAP)).toBe(chunks[0].slice(-MSG_SEC_CHECK_OVERLAP));

    const w = fakeSdk();
    expect(await w.gateway.checkText({ openid: 'o-1', text, scene: 3 })).toEqual({ pass: true, label: null });
    expect(w.checks.map((c) => c.content)).toEqual(chunks);
    expect(w.checks.every((c) => c.version === 2 && c.openid === 'o-1' && c.scene === 3)).toBe(true);

    const failing = fakeSdk();
    failing.checkAnswers.push(passed, { result: { suggest: 'risky', label: 20002 } });
    expect(await failing.gateway.checkText({ openid: 'o-1', text, scene: 3 })).toEqual({ pass: false, label: 20002 });
    expect(failing.checks).toHaveLength(2);
  });

  it('counts characters, not UTF-16 units: exactly 2,500 (even emoji) is one call; chunks never split an emoji', async () => {
    const w = fakeSdk();
    const emoji = '👍'.repeat(2500);
    await w.gateway.checkText({ openid: 'o-1', text: emoji, scene: 3 });
    expect(w.checks).toHaveLength(1);
    const longer = chunkForCheck('👍'.repeat(2501));
    expect(longer.map((c) => Array.from(c).length)).toEqual([2500, 101]);
    expect(longer.every((c) => !/[\ud800-\udbff]$/.test(c))).toBe(true);
  });

  it('without an openid (timer runs, system text) or with blank text it passes without calling WeChat', async () => {
    const w = fakeSdk();
    expect(await w.gateway.checkText({ openid: null, text: '违禁测试词', scene: 3 })).toEqual({ pass: true, label: null });
    expect(await w.gateway.checkText({ openid: 'o-1', text: '  \n ', scene: 3 })).toEqual({ pass: true, label: null });
    expect(w.checks).toEqual([]);
  });

  it('rejects on WeChat errors (system busy, bad openid) rather than letting unchecked text through', async () => {
    const w = fakeSdk();
    w.checkAnswers.push(new CloudSDKError(-1, 'system error'));
    await expect(w.gateway.checkText({ openid: 'o-1', text: 'hi', scene: 3 })).rejects.toMatchObject({ errCode: -1 });
  });
});

describe('cloud WeChat gateway: subscribe messages', () => {
  it('sends to the member with the configured template, page and formal state, mapping fields to thing1/thing2/time3/thing4', async () => {
    const w = fakeSdk();
    expect(await w.gateway.sendSubscribeMessage(reminder())).toEqual({ sent: true });
    expect(w.sends).toEqual([
      {
        touser: 'o-member-1',
        templateId: 'TPL-NOTICE',
        page: 'pages/notice-detail/index?noticeId=n_1',
        data: {
          thing1: { value: '关于开展主题党日活动的通知' },
          thing2: { value: '王书记' },
          time3: { value: '2026-11-22 09:30' },
          thing4: { value: '请及时阅读' },
        },
        miniprogramState: 'formal',
      },
    ]);
  });

  it('truncates thing values to 20 characters ending in "…", leaves time alone, and never sends an empty thing', async () => {
    const w = fakeSdk();
    const title = '关于召开二〇二六年度基层党组织组织生活会和开展民主评议党员工作的通知';
    await w.gateway.sendSubscribeMessage(reminder({ title, author: 'A very long author name indeed', tip: '  ', time: '2026年11月22日 09:30' }));
    const { data } = w.sends[0];
    expect(data.thing1.value).toBe(`${title.slice(0, 19)}…`);
    expect(Array.from(data.thing1.value)).toHaveLength(20);
    expect(data.thing2.value).toBe('A very long author…'); // no dangling space before the ellipsis
    expect(data.thing4.value).toBe('-');
    expect(data.time3.value).toBe('2026年11月22日 09:30');
    expect(truncateForTemplate('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(truncateForTemplate('🎉'.repeat(21))).toBe(`${'🎉'.repeat(19)}…`);
  });

  it('maps errcode 43101 to no_subscription and other failures to failed (with the errcode when there is one)', async () => {
    const w = fakeSdk();
    w.sendAnswers.push(new CloudSDKError(43101, 'user refuse to accept the msg'));
    expect(await w.gateway.sendSubscribeMessage(reminder())).toEqual({ sent: false, reason: 'no_subscription', errcode: 43101 });
    w.sendAnswers.push(new CloudSDKError(47003, 'argument invalid! data.thing1.value invalid'));
    expect(await w.gateway.sendSubscribeMessage(reminder())).toEqual({ sent: false, reason: 'failed', errcode: 47003 });
    w.sendAnswers.push(new Error('socket hang up'));
    expect(await w.gateway.sendSubscribeMessage(reminder())).toEqual({ sent: false, reason: 'failed' });
    expect(w.logged).toHaveLength(2); // the unexpected failures, not the routine 43101
  });

  it('does not call WeChat when no template id is configured', async () => {
    const w = fakeSdk('');
    expect(await w.gateway.sendSubscribeMessage(reminder())).toEqual({ sent: false, reason: 'failed' });
    expect(w.sends).toEqual([]);
    expect(w.logged[0]).toContain('WZB_TPL_NOTICE_REMINDER');
  });
});

describe('cloud WeChat gateway: wxacode.getUnlimited (invite codes)', () => {
  it('asks for the bind page with the invite in the scene, and returns the image', async () => {
    const w = fakeSdk();
    const image = await w.gateway.miniProgramCode({ page: '/pages/bind/index', scene: 'c=ABCDEFGH' });
    expect(w.codes).toEqual([{ scene: 'c=ABCDEFGH', page: 'pages/bind/index', checkPath: false, envVersion: 'release', width: 430 }]);
    expect(image).toEqual({ contentType: 'image/jpeg', base64: Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64') });
  });

  it('refuses a scene WeChat would reject, and rejects when WeChat answers an error or no image', async () => {
    const w = fakeSdk();
    await expect(w.gateway.miniProgramCode({ page: 'pages/bind/index', scene: 'x'.repeat(33) })).rejects.toThrow(/scene/);
    expect(w.codes).toEqual([]);
    w.codeAnswers.push(new CloudSDKError(41030, 'invalid page'));
    await expect(w.gateway.miniProgramCode({ page: 'pages/bind/index', scene: 'c=ABCDEFGH' })).rejects.toThrow(/41030/);
    w.codeAnswers.push({ contentType: 'image/jpeg' });
    await expect(w.gateway.miniProgramCode({ page: 'pages/bind/index', scene: 'c=ABCDEFGH' })).rejects.toThrow(/no image/);
  });
});
