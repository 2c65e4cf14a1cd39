import { randomBytes } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { fail, ok, type Envelope } from '../../src/domain/shared/envelope';
import { ERROR_MESSAGES } from '../../src/domain/shared/errors';
import type { FunctionContext, FunctionEvent } from './context';
import { cloudFileStore } from './files/cloud';
import type { FunctionHandler } from './handler';
import { reachChannelsFromEnv } from './reach/channels';
import type { ReachChannels } from './reach/port';
import type { SmsSdkLoader } from './reach/sms-sdk';
import { cloudbaseStorage } from './storage/cloudbase';
import { cloudWeChatGateway } from './wechat/cloud';
import type { WeChatGateway } from './wechat/port';
import type { WxServerSdkLoader } from './wechat/sdk';

/**
 * CloudBase entry: the SDK app is made once per warm instance and reused. Identity is the OPENID that
 * CloudBase injects for the calling mini program user; nothing in the event is trusted for it.
 */
let app: ReturnType<typeof tcb.init> | null = null;
const getApp = () => (app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }));

export interface CloudMainOptions {
  /**
   * Functions whose handlers use `ctx.wechat` pass `loadWxServerSdk` (./wechat/sdk) and list
   * `wx-server-sdk` in their package.json. Without it `ctx.wechat` refuses every call, and the bundle
   * never mentions wx-server-sdk.
   */
  wxServerSdk?: WxServerSdkLoader;
  /**
   * Functions that may send SMS reminders pass `loadSmsSdk` (./reach/sms-sdk) and list
   * `tencentcloud-sdk-nodejs-sms` in their package.json; without it `ctx.channels.sms` refuses to send.
   */
  smsSdk?: SmsSdkLoader;
}

/**
 * `ctx.wechat` as a thin shell: the SDK is required and `init`ed on the first call that needs it, once
 * per warm instance, so invocations that never reach WeChat do not load it.
 */
function lazyWeChatGateway(load: WxServerSdkLoader | undefined): WeChatGateway {
  let gateway: WeChatGateway | null = null;
  const get = async (): Promise<WeChatGateway> => {
    if (gateway) return gateway;
    if (!load) throw new Error('ctx.wechat used by a function that does not declare wx-server-sdk (cloudMain options.wxServerSdk)');
    const sdk = load();
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
    return (gateway = cloudWeChatGateway(sdk, { notice_reminder: process.env.WZB_TPL_NOTICE_REMINDER ?? '' }));
  };
  return {
    checkText: async (input) => (await get()).checkText(input),
    sendSubscribeMessage: async (message) => (await get()).sendSubscribeMessage(message),
    checkImageAsync: async (input) => {
      const gateway = await get();
      if (!gateway.checkImageAsync) throw new Error('WeChat gateway without image checks');
      return gateway.checkImageAsync(input);
    },
    miniProgramCode: async (request) => (await get()).miniProgramCode(request),
  };
}

/** The context for one invocation: CloudBase database, storage files, WeChat, and the caller's OPENID. */
function cloudContext(wechat: WeChatGateway, channels: ReachChannels): FunctionContext {
  const cloud = getApp();
  const { openId } = cloud.auth().getUserInfo();
  return {
    openid: openId || null,
    storage: cloudbaseStorage(cloud.database()),
    now: () => Date.now(),
    randomBytes: (n) => randomBytes(n),
    demo: false,
    wechat,
    files: cloudFileStore(cloud),
    channels,
  };
}

/** Channels from the function's environment variables, once per warm instance (tokens cached across calls). */
const cloudChannels = (wechat: WeChatGateway, smsSdk: SmsSdkLoader | undefined): ReachChannels =>
  reachChannelsFromEnv(process.env, { wechat, wechatMode: 'cloud', smsSdk });

export function cloudMain(handler: FunctionHandler, options: CloudMainOptions = {}) {
  const wechat = lazyWeChatGateway(options.wxServerSdk);
  const channels = cloudChannels(wechat, options.smsSdk);
  return async (event: FunctionEvent): Promise<unknown> => handler({ action: event?.action, data: event?.data }, cloudContext(wechat, channels));
}

/**
 * Entry for a timer-triggered function. Timer runs carry no OPENID; a call that has one came from a
 * mini program user (callFunction can name any function) and is refused.
 */
export function cloudTimerMain<R>(run: (ctx: FunctionContext) => Promise<R>, options: CloudMainOptions = {}) {
  const wechat = lazyWeChatGateway(options.wxServerSdk);
  const channels = cloudChannels(wechat, options.smsSdk);
  return async (): Promise<Envelope<R>> => {
    const ctx = cloudContext(wechat, channels);
    if (ctx.openid) return fail('FORBIDDEN', ERROR_MESSAGES.FORBIDDEN);
    return ok(await run(ctx));
  };
}
