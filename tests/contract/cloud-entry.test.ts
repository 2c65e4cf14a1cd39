/**
 * The CloudBase entry wires the cloud adapters into every context, and loads wx-server-sdk only when a
 * function that declared it (cloudMain options.wxServerSdk) actually uses ctx.wechat: once per warm
 * instance, with `init({ env: DYNAMIC_CURRENT_ENV })`. @cloudbase/node-sdk is replaced by a fake app.
 */
import { cloudMain, cloudTimerMain } from '../../cloudfunctions/_runtime/cloud-entry';
import type { FunctionContext } from '../../cloudfunctions/_runtime/context';
import type { MsgSecCheckRequest, SubscribeSendRequest } from '../../cloudfunctions/_runtime/wechat/cloud';
import type { WxServerSdkModule } from '../../cloudfunctions/_runtime/wechat/sdk';

const fakeApp = {
  auth: () => ({ getUserInfo: () => ({ openId: process.env.WX_OPENID ?? '' }) }),
  database: () => ({}),
  getTempFileURL: jest.fn(async ({ fileList }: { fileList: string[] }) => ({
    fileList: fileList.map((fileID) => ({ fileID, tempFileURL: `https://tmp/${fileID.slice(8)}`, code: 'SUCCESS' })),
  })),
};
// Hoisted above the imports by the jest transform; `init` reads fakeApp only when called.
jest.mock('@cloudbase/node-sdk', () => ({ __esModule: true, default: { init: () => fakeApp, SYMBOL_CURRENT_ENV: Symbol('current') } }));

function fakeWxServerSdk() {
  const inits: unknown[] = [];
  const checks: MsgSecCheckRequest[] = [];
  const sends: SubscribeSendRequest[] = [];
  const sdk: WxServerSdkModule = {
    DYNAMIC_CURRENT_ENV: Symbol('dynamic'),
    init: (config) => inits.push(config),
    openapi: {
      security: { msgSecCheck: async (r) => (checks.push(r), { result: { suggest: 'pass', label: 100 } }) },
      subscribeMessage: { send: async (r) => sends.push(r) },
      wxacode: { getUnlimited: async () => ({ buffer: Buffer.from('img'), contentType: 'image/jpeg' }) },
    },
  };
  const loader = jest.fn(() => sdk);
  return { sdk, loader, inits, checks, sends };
}

/** A handler that hands its context back, and optionally runs something with it first. */
const echo = (use?: (ctx: FunctionContext) => Promise<unknown>) =>
  jest.fn(async (_event: unknown, ctx: FunctionContext) => ({ ok: true as const, data: { ctx, used: use ? await use(ctx) : null } }));

beforeEach(() => {
  process.env.WX_OPENID = 'o-caller';
  process.env.WZB_TPL_NOTICE_REMINDER = 'TPL-FROM-ENV';
});
afterAll(() => {
  delete process.env.WX_OPENID;
  delete process.env.WZB_TPL_NOTICE_REMINDER;
});

describe('cloudMain', () => {
  it('passes action and data, the CloudBase OPENID (never a field of the event) and the cloud file store', async () => {
    const handler = echo((ctx) => ctx.files.urls(['cloud://env/notice-images/a.png', 'f_local']));
    const res = (await cloudMain(handler)({ action: 'me', data: { openid: 'forged' } })) as any;
    expect(handler.mock.calls[0][0]).toEqual({ action: 'me', data: { openid: 'forged' } });
    expect(res.data.ctx.openid).toBe('o-caller');
    expect(res.data.ctx.demo).toBe(false);
    expect(res.data.used).toEqual(['https://tmp/env/notice-images/a.png', null]);
    expect(fakeApp.getTempFileURL).toHaveBeenCalledWith({ fileList: ['cloud://env/notice-images/a.png'] });

    process.env.WX_OPENID = '';
    const timer = (await cloudMain(echo())({})) as any;
    expect(timer.data.ctx.openid).toBeNull();
  });

  it('does not load wx-server-sdk for invocations that never touch ctx.wechat', async () => {
    const wx = fakeWxServerSdk();
    const main = cloudMain(echo(), { wxServerSdk: wx.loader });
    await main({ action: 'list' });
    await main({ action: 'list' });
    expect(wx.loader).not.toHaveBeenCalled();
    expect(wx.inits).toEqual([]);
  });

  it('loads and inits the SDK on first use, once per warm instance, with the dynamic env and the template id from env', async () => {
    const wx = fakeWxServerSdk();
    const main = cloudMain(
      echo(async (ctx) => {
        await ctx.wechat.checkText({ openid: ctx.openid, text: '学习强国', scene: 3 });
        return ctx.wechat.sendSubscribeMessage({
          toOpenid: 'o-member',
          templateKey: 'notice_reminder',
          page: 'pages/index/index',
          fields: { title: 't', author: 'a', time: '2026-11-22 09:30', tip: 'p' },
        });
      }),
      { wxServerSdk: wx.loader },
    );
    const first = (await main({ action: 'publish' })) as any;
    await main({ action: 'publish' });
    expect(first.data.used).toEqual({ sent: true });
    expect(wx.loader).toHaveBeenCalledTimes(1);
    expect(wx.inits).toEqual([{ env: wx.sdk.DYNAMIC_CURRENT_ENV }]);
    expect(wx.checks).toEqual([
      { openid: 'o-caller', scene: 3, version: 2, content: '学习强国' },
      { openid: 'o-caller', scene: 3, version: 2, content: '学习强国' },
    ]);
    expect(wx.sends.map((s) => s.templateId)).toEqual(['TPL-FROM-ENV', 'TPL-FROM-ENV']);
  });

  it('refuses ctx.wechat in a function that did not declare wx-server-sdk (org) instead of requiring it', async () => {
    const main = cloudMain(echo((ctx) => ctx.wechat.checkText({ openid: 'o', text: 'x', scene: 3 }).catch((e: Error) => e.message)));
    const res = (await main({ action: 'x' })) as any;
    expect(res.data.used).toMatch(/does not declare wx-server-sdk/);
  });
});

describe('cloudTimerMain (the scheduler)', () => {
  it('runs for the timer trigger, which carries no OPENID', async () => {
    process.env.WX_OPENID = '';
    const run = jest.fn(async (ctx: FunctionContext) => ({ openid: ctx.openid }));
    expect(await cloudTimerMain(run)()).toEqual({ ok: true, data: { openid: null } });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('refuses a mini program user who calls the scheduler by name', async () => {
    process.env.WX_OPENID = 'o-user';
    const run = jest.fn(async () => 'ran');
    expect(await cloudTimerMain(run)()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run).not.toHaveBeenCalled();
  });
});
