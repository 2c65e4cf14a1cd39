/**
 * H5: there are no WeChat subscribe messages, so never ask and never count an acceptance.
 * The mini program variant is subscribe.weapp.ts.
 */
export const canAskNoticeSubscription = (_noticeId: string): boolean => false;

export const requestNoticeSubscription = async (_noticeId: string): Promise<number> => 0;

export const forgoNoticeSubscription = (_noticeId: string): void => undefined;
