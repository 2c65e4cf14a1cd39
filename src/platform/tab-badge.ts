import Taro from '@tarojs/taro';

/** Tabs that can carry a count, by their position in app.config.ts tabBar.list. */
export const TAB_INDEX = { home: 0, notices: 1, branch: 2, me: 3 } as const;
export type BadgeTab = keyof typeof TAB_INDEX;

/** The text a count shows: nothing for 0, "99+" past 99. */
export const badgeText = (count: number): string | null => (count > 0 ? (count > 99 ? '99+' : String(Math.floor(count))) : null);

/**
 * Shows a text on a tab, or clears it. The badge sits at the icon's corner (app.scss), clear of the
 * label. Best effort: H5 throws when the tab bar is not mounted yet, and WeChat rejects the call on a
 * page that is not a tab page; neither should break a page.
 */
function showTabBadge(index: number, text: string | null): void {
  try {
    const call = text ? Taro.setTabBarBadge({ index, text }) : Taro.removeTabBarBadge({ index });
    void Promise.resolve(call).catch(() => undefined);
  } catch {
    // no tab bar here
  }
}

/** Shows a count on a tab, or clears it. */
export const setTabBadge = (tab: BadgeTab, count: number): void => showTabBadge(TAB_INDEX[tab], badgeText(count));

/** Shows the unread count on the 通知 tab, or clears it. */
export const setNoticesBadge = (unread: number): void => setTabBadge('notices', unread);

/**
 * The 支部 tab: the chat's unread count, with a separate @ mark when someone mentioned the member
 * (`@3`, or `@` alone when the mention is the only unread). WeChat's tab badge holds one text.
 */
export function setBranchChatBadge(unread: number, mentioned: boolean): void {
  const count = badgeText(unread);
  showTabBadge(TAB_INDEX.branch, mentioned ? `@${count ?? ''}` : count);
}
