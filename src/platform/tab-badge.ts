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
