import Taro from '@tarojs/taro';

/**
 * One-time WeChat subscribe messages for notice reminders. Each acceptance lets the server send one
 * reminder later. WeChat only shows the prompt from a tap, so callers invoke this inside a tap handler.
 * We ask at most once per notice (remembered on the phone), so a member is not nagged on every open.
 */
const TEMPLATE_IDS = NOTICE_REMINDER_TEMPLATE ? [NOTICE_REMINDER_TEMPLATE] : [];
const KEY = 'wzb.subscribeAsked';
const REMEMBER = 200;

function askedIds(): string[] {
  try {
    const value: unknown = Taro.getStorageSync(KEY);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function remember(noticeId: string): void {
  try {
    Taro.setStorageSync(KEY, [...askedIds().filter((id) => id !== noticeId), noticeId].slice(-REMEMBER));
  } catch {
    // storage full: we may ask again, which is harmless
  }
}

export const canAskNoticeSubscription = (noticeId: string): boolean => TEMPLATE_IDS.length > 0 && !askedIds().includes(noticeId);

/** Shows WeChat's subscribe prompt; resolves with how many templates the member accepted (0 on any failure). */
export async function requestNoticeSubscription(noticeId: string): Promise<number> {
  if (!canAskNoticeSubscription(noticeId)) return 0;
  remember(noticeId);
  try {
    // Taro's type wants Alipay's entityIds too; WeChat takes tmplIds only.
    const res = (await Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
    return TEMPLATE_IDS.filter((id) => res[id] === 'accept').length;
  } catch {
    return 0; // refused, banned by the member, or not triggered by a tap
  }
}

/** The member declined our own card: do not offer again for this notice. */
export const forgoNoticeSubscription = (noticeId: string): void => remember(noticeId);
