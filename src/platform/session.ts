import Taro from '@tarojs/taro';
import { requestJson } from './http';

/**
 * The local host's signed session token (H5 only). In the mini program identity comes from CloudBase,
 * so these are no-ops there (session.weapp.ts).
 */
const KEY = 'wzb.session';

export const readSessionToken = (): string | null => {
  const token = Taro.getStorageSync(KEY);
  return typeof token === 'string' && token ? token : null;
};
export const saveSessionToken = (token: string): void => Taro.setStorageSync(KEY, token);
export const clearSessionToken = (): void => Taro.removeStorageSync(KEY);
/** Demo personas and sign-out exist only on the local host. */
export const supportsDemoLogin = true;

export interface DemoPersona {
  memberId: string;
  name: string;
  roleLabel: string;
  branchName: string | null;
  groupName: string | null;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await requestJson<T>(`${LOCAL_API_BASE}${path}`, { method: 'POST', body });
  if (res.statusCode !== 200 || res.data === null) throw new Error(`HTTP ${res.statusCode}`);
  return res.data;
}

export async function listDemoPersonas(): Promise<DemoPersona[]> {
  const res = await requestJson<{ personas: DemoPersona[] }>(`${LOCAL_API_BASE}/api/demo/personas`, { method: 'GET' });
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
  return res.data?.personas ?? [];
}

/** Signs in as a seeded member (demo only). */
export async function signInAsPersona(memberId: string): Promise<void> {
  const { token } = await post<{ token: string }>('/api/session/demo', { memberId });
  saveSessionToken(token);
}

/** A brand-new identity, as a first-time WeChat user would have: used to try binding. */
export async function signInAsNewUser(): Promise<void> {
  const { token } = await post<{ token: string }>('/api/session/new', {});
  saveSessionToken(token);
}

/** Someone who opened an invite link without ever using the app gets a fresh identity to bind. */
export async function ensureSession(): Promise<void> {
  if (!readSessionToken()) await signInAsNewUser();
}
