import Taro from '@tarojs/taro';

/** The 通知 tab's position in app.config.ts tabBar.list. */
const NOTICES_TAB_INDEX = 1;

/**
 * Shows the unread count on the 通知 tab, or clears it. Best effort: H5 throws when the tab bar is not
 * mounted yet, and WeChat rejects the call on a page that is not a tab page; neither should break a page.
 */
export function setNoticesBadge(unread: number): void {
  try {
    const call =
      unread > 0
        ? Taro.setTabBarBadge({ index: NOTICES_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) })
        : Taro.removeTabBarBadge({ index: NOTICES_TAB_INDEX });
    void Promise.resolve(call).catch(() => undefined);
  } catch {
    // no tab bar here
  }
}

/** The 支部 tab's position in app.config.ts tabBar.list. */
const BRANCH_TAB_INDEX = 2;

/**
 * The 支部 tab: the chat's unread count, with a separate @ mark when someone mentioned the member
 * (`@3`, or `@` alone when the mention is the only unread). Best effort, like setNoticesBadge.
 */
export function setBranchChatBadge(unread: number, mentioned: boolean): void {
  const count = unread > 99 ? '99+' : String(unread);
  const text = mentioned ? `@${unread > 0 ? count : ''}` : unread > 0 ? count : '';
  try {
    const call = text ? Taro.setTabBarBadge({ index: BRANCH_TAB_INDEX, text }) : Taro.removeTabBarBadge({ index: BRANCH_TAB_INDEX });
    void Promise.resolve(call).catch(() => undefined);
  } catch {
    // no tab bar here
  }
}
