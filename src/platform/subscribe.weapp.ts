import Taro from '@tarojs/taro';

/**
 * One-time WeChat subscribe messages for reminders. Each acceptance lets the server send one reminder
 * later (a credit). WeChat only shows the prompt from a tap, so callers invoke these inside a tap
 * handler. Never nag: a visible offer at a natural moment at most once a day (remembered on the phone),
 * and at most once per notice. A member who ticked 总是保持以上选择 is asked silently: WeChat answers at
 * once without a prompt, which is how credits accumulate without anyone noticing.
 */
const TEMPLATE_IDS = NOTICE_REMINDER_TEMPLATE ? [NOTICE_REMINDER_TEMPLATE] : [];
const KEY = 'wzb.subscribeAsked';
const DAY_KEY = 'wzb.subscribeOfferedOn';
const REMEMBER = 200;

/** Asia/Shanghai calendar day (UTC+8 all year), so "once a day" turns over at local midnight. */
const today = (): string => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

function read<T>(key: string, fallback: T): T {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return (value as T) || fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // storage full: we may ask again, which is harmless
  }
}

function askedIds(): string[] {
  const value = read<unknown>(KEY, []);
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

function remember(noticeId: string): void {
  write(KEY, [...askedIds().filter((id) => id !== noticeId), noticeId].slice(-REMEMBER));
}

export const reminderSubscriptionSupported = TEMPLATE_IDS.length > 0;

export const canOfferReminderToday = (): boolean => TEMPLATE_IDS.length > 0 && read(DAY_KEY, '') !== today();

export const markReminderOffered = (): void => write(DAY_KEY, today());

/** Shows WeChat's prompt; resolves with how many templates were accepted (0 on any failure or refusal). */
async function prompt(): Promise<number> {
  if (TEMPLATE_IDS.length === 0) return 0;
  try {
    // Taro's type wants Alipay's entityIds too; WeChat takes tmplIds only.
    const res = (await Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
    return TEMPLATE_IDS.filter((id) => res[id] === 'accept').length;
  } catch {
    return 0; // refused, banned by the member, or not triggered by a tap
  }
}

export const canAskNoticeSubscription = (noticeId: string): boolean => canOfferReminderToday() && !askedIds().includes(noticeId);

export async function requestNoticeSubscription(noticeId: string): Promise<number> {
  if (!canAskNoticeSubscription(noticeId)) return bankReminderSilently();
  remember(noticeId);
  markReminderOffered();
  return prompt();
}

/** The member declined our own card: do not offer again for this notice, nor anywhere today. */
export const forgoNoticeSubscription = (noticeId: string): void => {
  remember(noticeId);
  markReminderOffered();
};

/** The 开启提醒 entry in 我的: the member asked, so no daily limit. */
export const requestReminderSubscription = async (): Promise<number> => prompt();

/** Whether the member ticked 总是保持以上选择 with 接收 for our template (then WeChat grants silently). */
async function alwaysAccepts(): Promise<boolean> {
  try {
    const res = (await Taro.getSetting({ withSubscriptions: true } as Taro.getSetting.Option)) as unknown as {
      subscriptionsSetting?: { mainSwitch?: boolean; itemSettings?: Record<string, string> };
    };
    const s = res.subscriptionsSetting;
    return !!s?.mainSwitch && TEMPLATE_IDS.every((id) => s.itemSettings?.[id] === 'accept');
  } catch {
    return false;
  }
}

export async function bankReminderSilently(): Promise<number> {
  if (TEMPLATE_IDS.length === 0 || !(await alwaysAccepts())) return 0;
  return prompt();
}
