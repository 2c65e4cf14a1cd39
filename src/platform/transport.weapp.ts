import Taro from '@tarojs/taro';
import type { Envelope } from '../domain/shared/envelope';
import { ERROR_MESSAGES } from '../domain/shared/errors';

/** Mini program transport: CloudBase injects the caller's OPENID; we never send an identity. */
export async function invokeFunction<T>(name: string, action: string, data: unknown): Promise<Envelope<T>> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: { action, data } });
    const result = res.result as Envelope<T> | undefined;
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
  } catch {
    return { ok: false, code: 'NETWORK', message: ERROR_MESSAGES.NETWORK };
  }
}
