/**
 * H5: there are no WeChat subscribe messages, so never ask and never count an acceptance.
 * The mini program variant is subscribe.weapp.ts.
 */
export const canAskNoticeSubscription = (_noticeId: string): boolean => false;

export const requestNoticeSubscription = async (_noticeId: string): Promise<number> => 0;

export const forgoNoticeSubscription = (_noticeId: string): void => undefined;

/** Whether this platform can ask for WeChat reminders at all (the 开启提醒 entry in 我的). */
export const reminderSubscriptionSupported = false;

/** A natural moment (a notice read, a lesson completed, a message sent) may offer reminders today. */
export const canOfferReminderToday = (): boolean => false;

export const markReminderOffered = (): void => undefined;

/** The 开启提醒 entry: WeChat's prompt from a tap; resolves with how many reminders were granted. */
export const requestReminderSubscription = async (): Promise<number> => 0;

/**
 * At a natural moment (inside a tap): when the member ticked 总是保持以上选择, WeChat grants silently,
 * so one more reminder is banked without any prompt. Resolves with how many were granted.
 */
export const bankReminderSilently = async (): Promise<number> => 0;
