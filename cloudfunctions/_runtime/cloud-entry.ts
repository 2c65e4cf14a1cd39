import { randomBytes } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import type { FunctionContext, FunctionEvent } from './context';
import type { FunctionHandler } from './handler';
import { cloudbaseStorage } from './storage/cloudbase';

/**
 * CloudBase entry: the SDK app is made once per warm instance and reused. Identity is the OPENID that
 * CloudBase injects for the calling mini program user; nothing in the event is trusted for it.
 */
let app: ReturnType<typeof tcb.init> | null = null;
const getApp = () => (app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }));

export function cloudMain(handler: FunctionHandler) {
  return async (event: FunctionEvent): Promise<unknown> => {
    const cloud = getApp();
    const { openId } = cloud.auth().getUserInfo();
    const ctx: FunctionContext = {
      openid: openId || null,
      storage: cloudbaseStorage(cloud.database()),
      now: () => Date.now(),
      randomBytes: (n) => randomBytes(n),
      demo: false,
    };
    return handler({ action: event?.action, data: event?.data }, ctx);
  };
}
