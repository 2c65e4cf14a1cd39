import type { Envelope } from '../domain/shared/envelope';
import { ERROR_MESSAGES } from '../domain/shared/errors';
import { requestJson } from './http';
import { readSessionToken } from './session';

/**
 * H5 transport: POST the same `{ action, data }` payload a cloud function receives to the local host
 * that served the page. The weapp variant (transport.weapp.ts) uses wx.cloud.callFunction.
 */
export async function invokeFunction<T>(name: string, action: string, data: unknown): Promise<Envelope<T>> {
  const token = readSessionToken();
  try {
    const res = await requestJson<Envelope<T>>(`${LOCAL_API_BASE}/api/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: { action, data },
      timeoutMs: 20000,
    });
    if (res.data && typeof res.data === 'object' && 'ok' in res.data) return res.data;
    return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
  } catch {
    return { ok: false, code: 'NETWORK', message: ERROR_MESSAGES.NETWORK };
  }
}
