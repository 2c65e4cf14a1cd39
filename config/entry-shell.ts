/*
 * Taro loads this config without compiling src/, so the names and words the page shares are repeated
 * here; tests/platform/entry-shell.test.ts holds them equal to src/platform/entry-shell.ts and
 * src/pages/demo/header-copy.ts.
 */
export const ENTRY_SHELL_ID = 'wzb-entry-shell';
export const ENTRY_SHELL_CLASS = 'wzb-entry-shell';
export const SHELL_COPY = {
  navTitle: '选择演示身份',
  headerTitle: '演示模式 · 仅本地部署可用',
  headerText: '选择一个身份进入，体验不同角色看到的内容。正式部署中身份来自微信，不会出现此页面。',
};

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The demo picker as index.html paints it before the app's script has arrived: the red bar with the
 * page's title, the page's header (the same classes as the page, styled by app.css, which loads before
 * anything paints) and the loading placeholder the page shows while it asks for the personas. A
 * visitor on a ward's slow 4G reads what the page is for a second earlier; the page replaces it in the
 * same place (src/platform/entry-shell.ts). Hidden unless index.html's inline script finds the address
 * opens the demo picker. aria-hidden: a screen reader meets the page once, when it is real.
 */
export function entryShellHtml(): string {
  return [
    `<div id="${ENTRY_SHELL_ID}" aria-hidden="true">`,
    `<div class="entry-shell__nav"><span class="entry-shell__title">${escapeHtml(SHELL_COPY.navTitle)}</span></div>`,
    '<div class="page page-demo"><div class="demo-header">',
    `<span class="demo-header__title">${escapeHtml(SHELL_COPY.headerTitle)}</span>`,
    `<span class="demo-header__text">${escapeHtml(SHELL_COPY.headerText)}</span>`,
    '</div>',
    '<div class="entry-shell__loading"><div class="entry-shell__rows"></div><span class="entry-shell__loading-text">加载中…</span></div>',
    '</div></div>',
  ].join('');
}
